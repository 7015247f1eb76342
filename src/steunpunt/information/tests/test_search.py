"""Dutch search on every site: synonyms, stems, a 200-character cap, counts without personal data."""

import pytest
from django.urls import reverse

from steunpunt.information.models import SearchCount, SearchSynonym
from steunpunt.tenants.roles import Role
from steunpunt.tenants.tests.factories import MembershipFactory, SupportPointFactory

from .factories import ArticlePageFactory

pytestmark = pytest.mark.django_db
HOST = {"HTTP_HOST": "noord.localhost"}


@pytest.fixture
def site(platform):
    support_point = SupportPointFactory(hostname="noord.localhost", partnership_codes=["PO2001"])
    ArticlePageFactory(
        title="Thuiszitten",
        slug="thuiszitten",
        summary="Als uw kind niet naar school gaat.",
        body=[("paragraph", "Een kind dat thuiszit, heeft recht op onderwijs.")],
        youth=True,
    )
    ArticlePageFactory(
        title="Extra ondersteuning",
        slug="extra-ondersteuning",
        summary="Hulp op school die meer is dan gewoon.",
        body=[("paragraph", "De school geeft extra ondersteuning in een arrangement.")],
    )
    SearchSynonym.objects.create(term="thuiszitter", means="thuiszitten")
    SearchSynonym.objects.create(term="rugzakje", means="extra ondersteuning\narrangement")
    return support_point


def _titles(response):
    return [article.title for article in response.context["results"]]


def test_a_word_in_the_text_finds_the_article(client, site):
    assert _titles(client.get("/zoeken/", {"q": "onderwijs"}, **HOST)) == ["Thuiszitten"]


def test_a_synonym_parents_use_finds_the_official_term(client, site):
    assert _titles(client.get("/zoeken/", {"q": "thuiszitter"}, **HOST)) == ["Thuiszitten"]
    assert _titles(client.get("/zoeken/", {"q": "Rugzakje"}, **HOST)) == ["Extra ondersteuning"]


def test_dutch_word_forms_find_each_other(client, site):
    """Stemming: 'ondersteunen' finds 'ondersteuning' (PostgreSQL 'dutch', or stems on SQLite)."""
    assert "Extra ondersteuning" in _titles(client.get("/zoeken/", {"q": "ondersteunen"}, **HOST))


def test_results_say_which_audiences_they_have(client, site):
    html = client.get("/zoeken/", {"q": "thuiszitten"}, **HOST).content.decode()
    assert 'href="/informatie/thuiszitten/jongeren/"' in html
    assert "Jongeren (12+)" in html


def test_searches_are_counted_without_personal_data(client, site):
    client.get("/zoeken/", {"q": "  Thuiszitter "}, **HOST)
    client.get("/zoeken/", {"q": "thuiszitter"}, **HOST)
    client.get("/zoeken/", {"q": "vervoer naar school"}, **HOST)
    counts = {c.query: (c.searches, c.results) for c in SearchCount.objects.all()}
    assert counts == {"thuiszitter": (2, 1), "vervoer naar school": (1, 0)}
    field_names = {field.name for field in SearchCount._meta.get_fields()}
    assert field_names == {"id", "support_point", "query", "day", "searches", "results"}


def test_long_and_odd_input_is_capped_and_answered(client, site):
    response = client.get("/zoeken/", {"q": "thuiszitten " + "x" * 500}, **HOST)
    assert response.status_code == 200
    assert "eerste 200 tekens" in response.content.decode()
    assert len(SearchCount.objects.get().query) <= 200
    for odd in ["", "   ", "!!!", "'; DROP TABLE x; --", "<script>", '"', "*"]:
        assert client.get("/zoeken/", {"q": odd}, **HOST).status_code == 200


def test_editors_see_searches_without_result_of_their_own_steunpunt(client, site, staff_client):
    other = SupportPointFactory()
    SearchCount.objects.create(support_point=other, query="geheim elders", day="2026-01-01", searches=1)
    client.get("/zoeken/", {"q": "vervoer naar school"}, **HOST)
    editor = MembershipFactory(role=Role.EDITOR, support_point=site)
    admin_client = staff_client(editor.user)
    page = admin_client.get(reverse("information_gaps:index")).content.decode()
    assert "vervoer naar school" in page and "geheim elders" not in page
    consultant = MembershipFactory(role=Role.CONSULTANT, support_point=site)
    assert staff_client(consultant.user).get(reverse("information_gaps:index")).status_code == 404


def test_many_results_come_in_pages_and_an_odd_page_number_is_answered(client, site):
    for number in range(23):
        ArticlePageFactory(
            title=f"Overstap {number}",
            slug=f"overstap-{number}",
            body=[("paragraph", "De overstap naar het voortgezet onderwijs.")],
        )
    first = client.get("/zoeken/", {"q": "overstap"}, **HOST)
    assert len(_titles(first)) == 20 and first.context["total"] == 23
    html = first.content.decode()
    assert "23 resultaten" in html and "Pagina 1 van 2" in html and "pagina=2" in html
    second = client.get("/zoeken/", {"q": "overstap", "pagina": "2"}, **HOST)
    assert len(_titles(second)) == 3
    assert not set(_titles(first)) & set(_titles(second))
    for odd in ("0", "99", "x", "-1"):
        response = client.get("/zoeken/", {"q": "overstap", "pagina": odd}, **HOST)
        assert response.status_code == 200 and _titles(response)
    # Paging through the results is one search, not several.
    assert SearchCount.objects.get(query="overstap").searches == 1
