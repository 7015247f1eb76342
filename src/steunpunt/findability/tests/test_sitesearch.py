"""One search for the whole site: articles, glossary, social map, schools, meetings and stories,
grouped with counts, the best answer on top, scoped to the steunpunt's site; suggestions; clicks."""

import datetime
import json

import pytest
from django.utils import timezone

from steunpunt.findability.models import ResultClick
from steunpunt.information.models import SearchSynonym
from steunpunt.information.tests.factories import ArticlePageFactory, GlossaryTermFactory
from steunpunt.meetings.tests.factories import MeetingFactory
from steunpunt.schools.models import School, SchoolType
from steunpunt.socialmap.models import Category, Organisation
from steunpunt.stories.models import Story
from steunpunt.stories.tests.factories import StoryFactory
from steunpunt.tenants.models import Partnership
from steunpunt.tenants.tests.factories import SupportPointFactory

pytestmark = pytest.mark.django_db
HOST = {"HTTP_HOST": "noord.localhost"}


def _school(code, name, place, partnership):
    school = School.objects.create(
        location_code=code,
        institution_code=code[:4],
        name=name,
        place=place,
        sector="po",
        school_type=SchoolType.REGULAR,
    )
    school.partnerships.add(Partnership.objects.get(code=partnership))
    return school


@pytest.fixture
def site(platform):
    noord = SupportPointFactory(hostname="noord.localhost", partnership_codes=["PO2001"])
    other = SupportPointFactory(hostname="zuid.localhost", partnership_codes=["PO2601"])
    ArticlePageFactory(
        title="Dyslexie op school",
        slug="dyslexie",
        summary="Wat de school doet als uw kind dyslexie heeft.",
        body=[("paragraph", "Een kind met dyslexie krijgt vaak extra tijd bij toetsen.")],
    )
    ArticlePageFactory(
        title="Thuiszitten",
        slug="thuiszitten",
        summary="Als uw kind niet naar school gaat.",
        body=[("paragraph", "Een kind dat thuiszit, heeft recht op onderwijs. Ook bij dyslexie.")],
        youth=True,
    )
    GlossaryTermFactory(term="Dyslexie", slug="dyslexie", explanation="Moeite met lezen en spellen.")
    Organisation.objects.create(
        name="Dyslexiecentrum Noord",
        category=Category.YOUTH_CARE,
        helps_with="Onderzoek en behandeling van dyslexie.",
        when_to_go="Als lezen heel moeilijk blijft.",
        support_point=noord,
    )
    Organisation.objects.create(
        name="Dyslexiepunt Zuid",
        category=Category.YOUTH_CARE,
        helps_with="Hulp bij dyslexie in het zuiden.",
        when_to_go="Altijd.",
        support_point=other,
    )
    _school("01AA00", "De Regenboog", "Groningen", "PO2001")
    _school("02BB00", "Het Kompas", "Haren", "PO2001")
    _school("03CC00", "De Regenboog Utrecht", "Utrecht", "PO2601")
    MeetingFactory(support_point=noord, title="Thema-avond dyslexie", description="Over lezen.")
    past = timezone.now() - datetime.timedelta(days=30)
    MeetingFactory(
        support_point=noord,
        title="Oude avond over dyslexie",
        starts_at=past,
        ends_at=past + datetime.timedelta(hours=2),
    )
    MeetingFactory(support_point=other, title="Dyslexie-avond Zuid")
    StoryFactory(
        support_point=noord,
        status=Story.Status.PUBLISHED,
        title="Onze zoon en dyslexie",
        published_text="Onze zoon heeft dyslexie. De school hielp pas na een jaar.",
    )
    StoryFactory(support_point=noord, title="Nog niet gelezen: dyslexie", published_text="Dyslexie.")
    return noord


def _groups(response):
    return {
        group["kind"]: [item["hit"].title for item in group["hits"]] for group in response.context["groups"]
    }


def test_every_kind_of_the_site_is_found_grouped_with_counts_and_scoped_to_the_site(client, site):
    response = client.get("/zoeken/", {"q": "dyslexie"}, **HOST)
    assert response.status_code == 200
    # The one word is a glossary term: its explanation is on top, not again in its group.
    assert response.context["answer"].term == "Dyslexie"
    assert _groups(response) == {
        "organisation": ["Dyslexiecentrum Noord"],
        "meeting": ["Thema-avond dyslexie"],
        "story": ["Onze zoon en dyslexie"],
    }
    overview = {kind["slug"]: kind["count"] for kind in response.context["overview"]}
    assert overview["informatie"] == 2
    assert overview["hulp"] == 1 and overview["bijeenkomsten"] == 1 and overview["ervaringen"] == 1
    html = response.content.decode()
    assert "Informatie (2)" in html and "Hulp in de buurt (1)" in html and "Wat betekent “Dyslexie”?" in html
    # Another steunpunt's organisation and meeting, a past meeting and an unmoderated story: never.
    for hidden in ("Zuid", "Oude avond", "Nog niet gelezen"):
        assert hidden not in html


def test_schools_are_found_by_name_and_by_place_and_a_unique_name_is_the_best_answer(client, site):
    response = client.get("/zoeken/", {"q": "haren"}, **HOST)
    assert _groups(response)["school"] == ["Het Kompas"]
    response = client.get("/zoeken/", {"q": "de regenboog"}, **HOST)
    # The school of another steunpunt's partnership is not found on this site.
    assert _groups(response)["school"] == ["De Regenboog"]
    assert response.context["best"]["hit"].title == "De Regenboog"
    html = response.content.decode()
    assert html.index("Beste antwoord") < html.index("resultaten-kop")
    assert response.context["best"]["url"] == "/scholen/01AA00/"


def test_what_is_puts_the_explanation_on_top_and_otherwise_the_first_article_is_the_best_answer(client, site):
    response = client.get("/zoeken/", {"q": "wat is dyslexie"}, **HOST)
    assert response.context["answer"].term == "Dyslexie"
    assert "glossary" not in _groups(response)  # not twice
    response = client.get("/zoeken/", {"q": "extra tijd toetsen"}, **HOST)
    assert response.context["article_is_best"]
    assert response.context["articles"][0]["title"] == "Dyslexie op school"
    assert "Beste antwoord" in response.content.decode()


def test_a_group_is_shown_whole_on_its_own_page(client, site):
    for number in range(7):
        _school(f"1{number}XX00", f"Basisschool Het Anker {number}", "Groningen", "PO2001")
    response = client.get("/zoeken/", {"q": "anker"}, **HOST)
    group = next(group for group in response.context["groups"] if group["kind"] == "school")
    assert (group["count"], len(group["hits"]), group["more"]) == (7, 5, True)
    response = client.get("/zoeken/", {"q": "anker", "soort": "scholen"}, **HOST)
    group = next(group for group in response.context["groups"] if group["kind"] == "school")
    assert (len(group["hits"]), group["more"]) == (7, False)
    assert response.context["articles"] == []


def test_young_readers_get_articles_with_their_version_first_and_linked_others_labelled(client, site):
    parents = client.get("/zoeken/", {"q": "dyslexie"}, **HOST)
    assert [item["title"] for item in parents.context["articles"]] == ["Dyslexie op school", "Thuiszitten"]
    youth = client.get("/zoeken/", {"q": "dyslexie", "voor": "jongeren"}, **HOST)
    first, second = youth.context["articles"]
    assert first["for_reader"] and first["url"] == "/informatie/thuiszitten/jongeren/"
    assert not second["for_reader"] and second["version"].audience == "parents"
    html = youth.content.decode()
    assert "Voor: Ouders" in html
    # A nonsense audience is the parents'.
    assert client.get("/zoeken/", {"q": "dyslexie", "voor": "<x>"}, **HOST).context["audience"] == "parents"


def test_suggestions_are_a_small_json_answer_of_terms_titles_and_words(client, site):
    response = client.get("/zoeken/suggesties/", {"q": "dysl"}, **HOST)
    assert response.status_code == 200 and response["Content-Type"] == "application/json"
    found = json.loads(response.content)["suggestions"]
    kinds = {(item["kind"], item["label"]) for item in found}
    assert ("glossary", "Dyslexie") in kinds
    assert ("article", "Dyslexie op school") in kinds
    assert ("word", "dyslexie") not in kinds or found[-1]["kind"] == "word"
    assert {"label": "Dyslexie op school", "kind": "article", "url": "/informatie/dyslexie/"} in [
        {key: item[key] for key in ("label", "kind", "url")} for item in found
    ]
    # Two words: every word starts a word of the title.
    found = json.loads(client.get("/zoeken/suggesties/", {"q": "dyslexie sch"}, **HOST).content)
    assert [item["label"] for item in found["suggestions"] if item["kind"] == "article"] == [
        "Dyslexie op school"
    ]
    for nasty in ("", "d", "  ", "x" * 5000, "<script>"):
        response = client.get("/zoeken/suggesties/", {"q": nasty}, **HOST)
        assert response.status_code == 200
        assert json.loads(response.content)["suggestions"] == []


def test_a_click_is_counted_by_position_without_identifiers_and_then_goes_to_the_result(client, site):
    response = client.get("/zoeken/", {"q": "dyslexie"}, **HOST)
    click = response.context["articles"][1]["click"]
    assert click.startswith("/zoeken/naar/?q=dyslexie&")
    answer = client.get(click, **HOST)
    assert answer.status_code == 302 and answer["Location"] == "/informatie/thuiszitten/"
    assert "no-store" in answer["Cache-Control"]
    client.get(click, **HOST)
    row = ResultClick.objects.get()
    assert (row.support_point, row.query, row.kind, row.position, row.clicks) == (
        site,
        "dyslexie",
        "article",
        2,
        2,
    )
    # Nothing that identifies anyone is a field of the count.
    assert {field.name for field in ResultClick._meta.fields} == {
        "id",
        "support_point",
        "query",
        "day",
        "kind",
        "position",
        "clicks",
    }


@pytest.mark.parametrize(
    "target",
    ["https://evil.example/", "//evil.example/", "/\\evil.example", "javascript:alert(1)", ""],
)
def test_a_click_elsewhere_goes_back_to_the_search_and_counts_nothing(client, site, target):
    response = client.get(
        "/zoeken/naar/", {"q": "dyslexie", "soort": "article", "positie": "1", "naar": target}, **HOST
    )
    assert response.status_code == 302 and response["Location"] == "/zoeken/?q=dyslexie"
    assert not ResultClick.objects.exists()


def test_a_click_with_odd_numbers_is_followed_but_not_counted(client, site):
    for position, kind in (("0", "article"), ("x", "article"), ("99999", "article"), ("1", "nonsense")):
        response = client.get(
            "/zoeken/naar/",
            {"q": "dyslexie", "soort": kind, "positie": position, "naar": "/informatie/dyslexie/"},
            **HOST,
        )
        assert response.status_code == 302 and response["Location"] == "/informatie/dyslexie/"
    assert not ResultClick.objects.exists()


def test_the_search_page_works_without_javascript_and_loads_only_its_own_script(client, site):
    html = client.get("/zoeken/", {"q": "dyslexie"}, **HOST).content.decode()
    assert '<form method="get" action="/zoeken/" role="search"' in html
    assert "<script>" not in html and "onclick" not in html
    assert 'src="/static/js/search-suggest.js"' in html
    # The combobox roles are added by the script: without it the field is a plain search field.
    assert 'role="combobox"' not in html


def test_a_new_synonym_finds_in_the_next_search(client, site):
    assert not client.get("/zoeken/", {"q": "woordblindheid"}, **HOST).context["articles"]
    SearchSynonym.objects.create(term="woordblindheid", means="dyslexie")
    titles = [
        item["title"] for item in client.get("/zoeken/", {"q": "woordblindheid"}, **HOST).context["articles"]
    ]
    assert titles[0] == "Dyslexie op school"


def test_a_weak_match_of_one_word_far_below_the_best_is_left_out(client, site, monkeypatch, settings):
    """A question of several words found its answer and a long tail of articles that share one
    common word with it ("mijn kind gaat niet naar school": 42 of 42 starter articles): an article
    ranking below a tenth of the best is no answer."""
    from steunpunt.information import search

    filler = " ".join(f"Dit is zin {number} over de leerplicht en de inspectie." for number in range(60))
    ArticlePageFactory(
        title="Leerplicht",
        slug="leerplicht",
        summary="Wanneer uw kind naar school moet.",
        body=[("paragraph", f"{filler} Soms zijn er toetsen.")],
    )
    settings.SEARCH_CACHE_SECONDS = 0
    query = {"q": "dyslexie extra tijd bij toetsen"}
    titles = [item["title"] for item in client.get("/zoeken/", query, **HOST).context["articles"]]
    assert titles == ["Dyslexie op school"]
    monkeypatch.setattr(search, "RELATIVE_CUT_OFF", 0)
    titles = [item["title"] for item in client.get("/zoeken/", query, **HOST).context["articles"]]
    assert titles[0] == "Dyslexie op school"
    assert set(titles[1:]) == {"Thuiszitten", "Leerplicht"}


def test_a_parents_snippet_comes_from_the_parents_text_and_a_young_readers_from_theirs(client, site):
    from steunpunt.information.models import ArticlePage

    article = ArticlePage.objects.get(slug="thuiszitten")
    article.youth_body = [("paragraph", "Je kunt een mentor vragen om je te helpen.")]
    article.save_revision().publish()
    parents = client.get("/zoeken/", {"q": "mentor thuiszitten"}, **HOST).context["articles"]
    youth = client.get("/zoeken/", {"q": "mentor thuiszitten", "voor": "jongeren"}, **HOST).context[
        "articles"
    ]
    assert "mentor" not in str(parents[0]["card"].snippet)
    assert "<mark>mentor</mark>" in str(youth[0]["card"].snippet)
