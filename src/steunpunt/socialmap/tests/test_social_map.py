import pytest
from django.urls import reverse

from steunpunt.socialmap.models import Category, Organisation
from steunpunt.tenants.roles import Role
from steunpunt.tenants.tests.factories import MembershipFactory, SupportPointFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def sites(platform):
    noord = SupportPointFactory(hostname="noord.localhost", partnership_codes=["PO2001"])
    midden = SupportPointFactory(hostname="midden.localhost", partnership_codes=["PO2601"])
    Organisation.objects.create(
        name="Ouders & Onderwijs",
        category=Category.ADVICE,
        helps_with="Vragen over school.",
        when_to_go="Als u niet weet waar u moet beginnen.",
        phone="0800-5010",
    )
    Organisation.objects.create(
        name="Wijkteam Noord",
        category=Category.YOUTH_CARE,
        helps_with="Hulp thuis.",
        when_to_go="Als uw gezin hulp nodig heeft.",
        support_point=noord,
    )
    return noord, midden


def test_national_organisations_are_on_every_site_and_regional_ones_on_their_own(client, sites):
    noord = client.get("/hulp-in-de-buurt/", HTTP_HOST="noord.localhost").content.decode()
    midden = client.get("/hulp-in-de-buurt/", HTTP_HOST="midden.localhost").content.decode()
    assert "Ouders &amp; Onderwijs" in noord and "Wijkteam Noord" in noord
    assert "Ouders &amp; Onderwijs" in midden and "Wijkteam Noord" not in midden


def test_filter_by_category_and_ignore_a_wrong_one(client, sites):
    html = client.get(
        "/hulp-in-de-buurt/", {"categorie": "jeugdhulp"}, HTTP_HOST="noord.localhost"
    ).content.decode()
    assert "Wijkteam Noord" in html and "Ouders &amp; Onderwijs" not in html
    response = client.get("/hulp-in-de-buurt/", {"categorie": "<b>onzin"}, HTTP_HOST="noord.localhost")
    assert response.status_code == 200 and "Wijkteam Noord" in response.content.decode()
    assert client.get("/hulp-in-de-buurt/", HTTP_HOST="127.0.0.1").status_code == 404


def test_editors_keep_their_own_organisations_only(staff_client, sites):
    noord, midden = sites
    editor = MembershipFactory(role=Role.EDITOR, support_point=midden)
    client = staff_client(editor.user)
    listing = client.get(reverse("organisations:index"))
    assert list(listing.context["object_list"]) == []
    other = Organisation.objects.get(name="Wijkteam Noord")
    assert client.get(reverse("organisations:edit", args=[other.pk])).status_code == 404
    response = client.post(
        reverse("organisations:add"),
        {
            "name": "Leerplicht Utrecht",
            "category": Category.MUNICIPALITY,
            "helps_with": "Verzuim.",
            "when_to_go": "Als uw kind niet naar school gaat.",
            "support_point": "",
        },
    )
    assert response.status_code == 200 and response.context["form"].errors["support_point"]
    response = client.post(
        reverse("organisations:add"),
        {
            "name": "Leerplicht Utrecht",
            "category": Category.MUNICIPALITY,
            "helps_with": "Verzuim.",
            "when_to_go": "Als uw kind niet naar school gaat.",
            "support_point": noord.pk,
        },
    )
    assert response.status_code == 200 and response.context["form"].errors["support_point"]
    response = client.post(
        reverse("organisations:add"),
        {
            "name": "Leerplicht Utrecht",
            "category": Category.MUNICIPALITY,
            "helps_with": "Verzuim.",
            "when_to_go": "Als uw kind niet naar school gaat.",
            "support_point": midden.pk,
        },
    )
    assert response.status_code == 302
    assert Organisation.objects.get(name="Leerplicht Utrecht").support_point == midden
