"""What the article page reads (bench P3, a page nobody asked for before): the article, its themes, its
related articles and its sources, and nothing that is the same for every article of a site. A
supplement, a story, a validation or a new locale still shows on the very next page."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from steunpunt.information.models import ArticleSource, ExpertCheck, RegionalSupplement, RelatedArticle
from steunpunt.information.routes import related_for
from steunpunt.stories.models import Story
from steunpunt.stories.tests.factories import StoryFactory
from steunpunt.tenants.tests.factories import SupportPointFactory

from .factories import ArticlePageFactory, ThemeFactory

pytestmark = pytest.mark.django_db
HOST = {"HTTP_HOST": "noord.localhost"}


@pytest.fixture
def noord(platform):
    return SupportPointFactory(hostname="noord.localhost", name="Steunpunt Noord")


@pytest.fixture
def article():
    """An article with a theme, a source and related articles: one with every version, one for parents
    only, one with a children's version only through the young people's, and one taken offline."""
    every = ArticlePageFactory(slug="de-tlv", title="De TLV", youth=True, children=True)
    every.youth_title, every.children_title = "De TLV voor jongeren", "De TLV voor kinderen"
    every.save_revision().publish()
    parents_only = ArticlePageFactory(slug="het-opp", title="Het OPP")
    youth = ArticlePageFactory(slug="thuiszitten", title="Thuiszitten", youth=True)
    offline = ArticlePageFactory(slug="oud", title="Een oud artikel", youth=True, children=True)
    article = ArticlePageFactory(slug="zorgplicht", title="Zorgplicht", youth=True, children=True)
    # As the editor's form sets them: in the page's cluster, written when the revision is published.
    article.themes = [ThemeFactory(name="Een plek op school")]
    article.sources = [ArticleSource(title="Wet op het primair onderwijs", url="https://wetten.overheid.nl/")]
    article.related_links = [
        RelatedArticle(article=linked, sort_order=order)
        for order, linked in enumerate((every, parents_only, youth, offline))
    ]
    article.save_revision().publish()
    offline.unpublish()
    return article


def _page(client, path):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path, **HOST)
    assert response.status_code == 200
    return response.content.decode(), [query["sql"] for query in queries.captured_queries]


def _tables(statements):
    """The table each statement reads (the last FROM: a subquery's comes first)."""
    return sorted(sql.rsplit(" FROM ", 1)[1].split()[0].strip('"') for sql in statements)


def test_a_new_article_page_reads_the_article_its_themes_related_articles_and_sources_only(
    client, noord, article
):
    client.get("/informatie/het-opp/", **HOST)  # the site's own reads, kept for every later page
    html, statements = _page(client, "/informatie/zorgplicht/")
    assert _tables(statements) == [
        "information_articlepage",  # with the date of its last validation, in the same statement
        "information_articlesource",
        "information_relatedarticle",
        "information_theme",
    ]
    assert "Een plek op school" in html and "Wet op het primair onderwijs" in html
    # The parents' page links the parents' versions of the live related articles, in their order.
    links = html.split("Lees ook", 1)[1]
    assert links.index("De TLV") < links.index("Het OPP") < links.index("Thuiszitten")
    assert 'href="/informatie/de-tlv/"' in links and "Een oud artikel" not in links


@pytest.mark.parametrize(
    ("audience", "expected"),
    [
        (
            "parents",
            [("De TLV", "de-tlv/"), ("Het OPP", "het-opp/"), ("Thuiszitten", "thuiszitten/")],
        ),
        ("youth", [("De TLV voor jongeren", "de-tlv/jongeren/"), ("Voor jongeren", "thuiszitten/jongeren/")]),
        (
            "children",
            [("De TLV voor kinderen", "de-tlv/kinderen/"), ("Voor jongeren", "thuiszitten/jongeren/")],
        ),
    ],
)
def test_related_articles_read_from_the_database_match_those_of_a_preview(article, audience, expected):
    """The page reads only the columns the links show; an editor's preview walks the unsaved links in
    memory. Both send each reader to their own version (a child to the young people's where there is no
    children's), leave out what has no version for the reader, and skip an article taken offline."""
    assert related_for(article, audience) == expected
    preview = article.get_latest_revision_as_object()
    assert not hasattr(preview.related_links.all(), "query"), "the preview's links are in memory"
    assert related_for(preview, audience) == expected


def test_a_supplement_a_story_and_a_validation_show_on_the_next_page(client, noord, article):
    html, statements = _page(client, "/informatie/zorgplicht/")
    assert "Wat betekent dit in onze regio?" not in html and "Ervaringen van anderen" not in html

    RegionalSupplement.objects.create(
        article=article,
        support_point=noord,
        status=RegionalSupplement.Status.APPROVED,
        approved_body=[("paragraph", "Bel ons op dinsdag.")],
    )
    story = StoryFactory(
        support_point=noord,
        title="Drie maanden thuis",
        published_text="Mijn kind zat thuis.",
        status=Story.Status.PUBLISHED,
    )
    story.articles.add(article)
    check = ExpertCheck.objects.create(page=article, completed=True, sources="Wet op het primair onderwijs")
    ExpertCheck.objects.filter(pk=check.pk).update(checked_on=datetime.date(2026, 11, 2))
    html, statements = _page(client, "/informatie/zorgplicht/")
    assert "Bel ons op dinsdag." in html and "Drie maanden thuis" in html
    assert "2 november 2026" in html
    assert {"information_regionalsupplement", "stories_story"} <= set(_tables(statements))
    assert "Drie maanden thuis</strong> (Ouder)" in html
    # The young people's version names the author in the same words (not Wagtail's "parent page").
    youth, _statements = _page(client, "/informatie/zorgplicht/jongeren/")
    assert "Drie maanden thuis</strong> (Ouder)" in youth

    # Another steunpunt shows neither.
    SupportPointFactory(hostname="zuid.localhost")
    zuid = client.get("/informatie/zorgplicht/", HTTP_HOST="zuid.localhost").content.decode()
    assert "Bel ons op dinsdag." not in zuid and "Drie maanden thuis" not in zuid


def test_the_english_site_still_finds_its_locale(client, noord, article):
    """The home page skips Wagtail's locale query only for its own locale; another language's page still
    comes through Wagtail's own lookup (the home page has no translation, so it is itself)."""
    html, _statements = _page(client, "/en/informatie/zorgplicht/")
    assert "Zorgplicht" in html and 'lang="en"' in html
