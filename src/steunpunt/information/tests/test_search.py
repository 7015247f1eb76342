"""Dutch search on every site: synonyms, stems, a 200-character cap, counts without personal data."""

from datetime import date

import pytest
from django.urls import reverse

from steunpunt.information.models import ArticlePage, ArticleView, GlossaryTerm, SearchCount, SearchSynonym
from steunpunt.support.models import Case
from steunpunt.tenants.roles import Role
from steunpunt.tenants.tests.factories import MembershipFactory, SupportPointFactory

from .factories import ArticlePageFactory, ThemeFactory

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
    client.get("/zoeken/", {"q": "vervoer per taxi"}, **HOST)
    counts = {c.query: (c.searches, c.results) for c in SearchCount.objects.all()}
    assert counts == {"thuiszitter": (2, 1), "vervoer per taxi": (1, 0)}
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
    client.get("/zoeken/", {"q": "vervoer per taxi"}, **HOST)
    editor = MembershipFactory(role=Role.EDITOR, support_point=site)
    admin_client = staff_client(editor.user)
    page = admin_client.get(reverse("information_gaps:index")).content.decode()
    assert "vervoer per taxi" in page and "geheim elders" not in page
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


def test_words_are_matched_with_or_and_more_matching_words_rank_first(client, site):
    """Not every word must match: 'mijn kind gaat niet naar school' finds the article on thuiszitten
    (the question words need not match), first."""
    titles = _titles(client.get("/zoeken/", {"q": "Mijn kind gaat niet naar school"}, **HOST))
    assert titles[0] == "Thuiszitten"
    assert _titles(client.get("/zoeken/", {"q": "thuiszitten autisme"}, **HOST)) == ["Thuiszitten"]


def test_the_snippet_marks_the_words_and_escapes_everything(client, site):
    """The snippet shows the matched words in <mark>; the article's text and the query are escaped."""
    ArticlePageFactory(
        title="Let op",
        slug="let-op",
        body=[("paragraph", "Een <b>arrangement</b> & meer. Niets anders hier.")],
    )
    response = client.get("/zoeken/", {"q": "<script>alert(1)</script> arrangement"}, **HOST)
    html = response.content.decode()
    assert "&lt;b&gt;<mark>arrangement</mark>&lt;/b&gt; &amp; meer." in html
    assert "<script>alert" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; arrangement" in html


def test_a_likely_misspelling_gets_did_you_mean_with_a_link(client, site):
    """'onderwjis' finds 'onderwijs' and asks "Bedoelde u onderwijs?" with a link that searches it."""
    response = client.get("/zoeken/", {"q": "onderwjis"}, **HOST)
    assert _titles(response) == ["Thuiszitten"]
    assert 'Bedoelde u <a href="?q=onderwijs">onderwijs</a>?' in response.content.decode()
    html = client.get("/zoeken/", {"q": "onderwijs"}, **HOST).content.decode()
    assert "Bedoelde u" not in html


def test_what_is_puts_the_glossary_explanation_on_top(client, site):
    """'wat is een tlv' shows the explanation of the term TLV above the results."""
    GlossaryTerm.objects.create(
        term="TLV",
        slug="tlv",
        explanation="Een verklaring dat een kind naar het speciaal onderwijs mag.",
        also="toelaatbaarheidsverklaring",
    )
    html = client.get("/zoeken/", {"q": "Wat is een TLV?"}, **HOST).content.decode()
    assert "Wat betekent “TLV”?" in html
    assert html.index("Een verklaring dat een kind") < html.index('id="resultaten-kop"')
    assert 'href="/begrippen/tlv/"' in html
    assert "Wat betekent" not in client.get("/zoeken/", {"q": "thuiszitten"}, **HOST).content.decode()


def test_no_result_offers_terms_most_read_articles_of_the_theme_and_the_question_form(client, site):
    """Nothing found: the nearest glossary terms, the most read articles of the likely theme, and the
    question form with the search text filled in; nothing is stored until the form is sent."""
    theme = ThemeFactory(slug="vervoer", name="Vervoer", description="Met de taxi of de bus naar school.")
    extra = ArticlePage.objects.get(slug="extra-ondersteuning")
    extra.themes.add(theme)
    extra.save()
    ArticleView.objects.create(
        support_point=site, article=extra, audience="parents", day=date.today(), views=4
    )
    GlossaryTerm.objects.create(
        term="aangepast vervoer", slug="aangepast-vervoer", explanation="Vervoer.", also="taxi"
    )
    response = client.get("/zoeken/", {"q": "taxi & bus"}, **HOST)
    assert response.context["total"] == 0
    html = response.content.decode()
    assert 'href="/begrippen/aangepast-vervoer/"' in html
    assert "Het meest gelezen over Vervoer" in html and 'href="/informatie/extra-ondersteuning/"' in html
    assert 'href="/vraag/?vraag=taxi%20%26%20bus"' in html
    cases_before = Case.objects.count()
    form = client.get("/vraag/", {"vraag": "taxi & bus"}, **HOST)
    assert form.status_code == 200
    assert ">taxi &amp; bus</textarea>" in form.content.decode()
    assert Case.objects.count() == cases_before
    # A text longer than a question may be is cut to the longest question, not refused.
    long = client.get("/vraag/", {"vraag": "x" * 6000}, **HOST)
    assert long.status_code == 200 and "x" * 5000 + "</textarea>" in long.content.decode()
