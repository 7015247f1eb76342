"""The region's schools for parents: filters, a support-profile page, and the editors' screen."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from steunpunt.schools.models import School, SchoolType, Specialism
from steunpunt.tenants.models import Partnership
from steunpunt.tenants.roles import Role
from steunpunt.tenants.tests.factories import MembershipFactory, SupportPointFactory

pytestmark = pytest.mark.django_db
HOST = {"HTTP_HOST": "noord.localhost"}


@pytest.fixture
def schools(platform):
    noord = SupportPointFactory(hostname="noord.localhost", partnership_codes=["PO2001"])
    other = SupportPointFactory(hostname="midden.localhost", partnership_codes=["PO2601"])
    dyslexia = Specialism.objects.get_or_create(slug="dyslexie", defaults={"name": "Dyslexie"})[0]
    made = {}
    for code, name, place, kind, partnership in [
        ("01AA00", "De Regenboog", "Groningen", SchoolType.REGULAR, "PO2001"),
        ("02BB00", "SBO De Brug", "Haren", SchoolType.SBO, "PO2001"),
        ("03CC00", "Utrechtse School", "Utrecht", SchoolType.REGULAR, "PO2601"),
    ]:
        school = School.objects.create(
            location_code=code,
            institution_code=code[:4],
            name=name,
            place=place,
            sector="po",
            school_type=kind,
        )
        school.partnerships.add(Partnership.objects.get(code=partnership))
        made[code] = school
    made["01AA00"].specialisms.add(dyslexia)
    return noord, other, made


def test_parents_filter_the_regions_schools(client, schools):
    html = client.get("/scholen/", **HOST).content.decode()
    assert "De Regenboog" in html and "SBO De Brug" in html and "Utrechtse School" not in html
    html = client.get("/scholen/", {"specialisme": "dyslexie"}, **HOST).content.decode()
    assert "De Regenboog" in html and "SBO De Brug" not in html
    html = client.get("/scholen/", {"soort": "sbo", "plaats": "Haren"}, **HOST).content.decode()
    assert "SBO De Brug" in html and "De Regenboog" not in html
    assert client.get("/scholen/", {"soort": "<x>", "plaats": "x" * 500}, **HOST).status_code == 200
    # A NUL byte (wapiti sent one; PostgreSQL refuses it in a query) gets the Dutch 400 page.
    odd = client.get("/scholen/", {"specialisme": "dyslexie\x00", "plaats": "\x00"}, **HOST)
    assert odd.status_code == 400 and "Dit adres klopt niet" in odd.content.decode()
    assert client.get("/scholen/01AA00%00/", **HOST).status_code == 400


def test_a_school_page_shows_its_support(client, schools):
    html = client.get("/scholen/01AA00/", **HOST).content.decode()
    assert "Dyslexie" in html and "Gewone school" in html
    assert client.get("/scholen/03CC00/", **HOST).status_code == 404
    assert client.get("/scholen/onzin/", **HOST).status_code == 404


def test_editors_edit_support_profiles_of_their_own_region_only(staff_client, schools):
    noord, _other, made = schools
    client = staff_client(MembershipFactory(role=Role.EDITOR, support_point=noord).user)
    assert client.get(reverse("schools:edit", args=[made["03CC00"].pk])).status_code == 404
    pdf = SimpleUploadedFile("sop.pdf", b"%PDF-1.4 test", content_type="application/pdf")
    response = client.post(
        reverse("schools:edit", args=[made["02BB00"].pk]),
        {
            "school_type": "sbo",
            "specialisms": [
                Specialism.objects.get_or_create(slug="autisme", defaults={"name": "Autisme"})[0].pk
            ],
            "support_profile_url": "",
            "support_profile_file": pdf,
        },
    )
    assert response.status_code == 302
    assert made["02BB00"].specialisms.filter(slug="autisme").exists()


def test_a_support_profile_that_is_not_a_pdf_is_refused(staff_client, schools, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    noord, _other, made = schools
    client = staff_client(MembershipFactory(role=Role.EDITOR, support_point=noord).user)
    fake = SimpleUploadedFile("sop.pdf", b"MZ not a pdf", content_type="application/pdf")
    response = client.post(
        reverse("schools:edit", args=[made["02BB00"].pk]),
        {"school_type": "sbo", "support_profile_url": "", "support_profile_file": fake},
    )
    assert response.status_code == 200
    assert "pdf-bestand" in str(response.context["form"].errors["support_profile_file"])
