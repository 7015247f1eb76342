"""Statements compiled once per process: the same rows and instances as the ORM's, one build and one
compile per key, each call's values in their places, and a refusal where a value cannot be kept."""

import datetime

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.db import connection
from django.test.utils import CaptureQueriesContext

from steunpunt.core.statements import KeptStatement
from steunpunt.information.models import ArticlePage, ArticleSource, ExpertCheck, RelatedArticle
from steunpunt.information.selectors import article_by_slug, article_sources, article_themes, related_rows
from steunpunt.information.tests.factories import ArticlePageFactory, ThemeFactory

pytestmark = pytest.mark.django_db


def test_a_statement_is_built_once_per_key_and_each_call_sends_its_own_values():
    builds = []

    def build(live, title):
        builds.append(live)
        return ArticlePage.objects.filter(live=live, title=title).order_by("pk").values("slug")

    ArticlePageFactory(slug="opp", title="Het OPP")
    ArticlePageFactory(slug="tlv", title="De TLV")
    statement = KeptStatement(build, text=("title",))
    with CaptureQueriesContext(connection) as queries:
        assert statement.rows(True, title="Het OPP") == [{"slug": "opp"}]
        assert statement.rows(True, title="De TLV") == [{"slug": "tlv"}]
        assert statement.rows(True, title="Iets anders") == []
        assert statement.rows(False, title="Het OPP") == []
    assert builds == [True, False]  # once per key
    sql = [query["sql"] for query in queries.captured_queries]
    assert (
        len(set(sql)) == 4 and "Het OPP" in sql[0] and "De TLV" in sql[1]
    )  # the values, not the placeholder
    assert all("kept-statement" not in text for text in sql)


def test_the_article_and_its_related_rows_are_the_orms(platform):
    """What the article page reads through the kept statements is what the ORM gives for the same query:
    the article's fields, its themes, its validation date as a date; the related rows in the editor's
    order with their versions as booleans."""
    linked = ArticlePageFactory(slug="de-tlv", title="De TLV", youth=True)
    other = ArticlePageFactory(slug="het-opp", title="Het OPP", children=True)
    article = ArticlePageFactory(slug="zorgplicht", title="Zorgplicht", youth=True)
    article.related_links = [
        RelatedArticle(article=other, sort_order=0),
        RelatedArticle(article=linked, sort_order=1),
    ]
    article.save_revision().publish()
    check = ExpertCheck.objects.create(page=article, completed=True, sources="Wet op het primair onderwijs")
    ExpertCheck.objects.filter(pk=check.pk).update(checked_on=datetime.date(2026, 11, 2))

    kept = article_by_slug("zorgplicht")
    orm = ArticlePage.objects.get(pk=article.pk)
    assert type(kept) is ArticlePage and kept.pk == orm.pk
    for field in ArticlePage._meta.concrete_fields:
        assert getattr(kept, field.attname) == getattr(orm, field.attname), field.name
    assert kept.last_validated_on == datetime.date(2026, 11, 2)
    assert article_by_slug("bestaat-niet") is None

    rows = related_rows(orm)
    assert [row["article__slug"] for row in rows] == ["het-opp", "de-tlv"]
    assert [(row["has_youth"], row["has_children"]) for row in rows] == [(False, True), (True, False)]
    assert all(type(row["has_youth"]) is bool for row in rows)
    other.unpublish()
    assert [row["article__slug"] for row in related_rows(orm)] == ["de-tlv"]


def test_a_value_that_cannot_be_kept_is_refused():
    """A lookup that changes its value (``startswith`` escapes it and adds a wildcard) leaves no placeholder
    to fill: compiling says so instead of sending the wrong SQL."""
    statement = KeptStatement(
        lambda title: ArticlePage.objects.filter(title__startswith=title), text=("title",)
    )
    with pytest.raises(ImproperlyConfigured):
        statement.sql(title="Het")
    twice = KeptStatement(
        lambda number: ArticlePage.objects.filter(pk=number, page_ptr_id=number).values("slug"),
        numbers=("number",),
    )
    with pytest.raises(ImproperlyConfigured):
        twice.rows(number=3)


def test_the_themes_and_sources_are_the_orms_and_a_preview_keeps_its_own(platform):
    article = ArticlePageFactory(slug="zorgplicht", title="Zorgplicht")
    article.themes = [ThemeFactory(name="Thuiszitten"), ThemeFactory(name="Een plek op school")]
    article.sources = [
        ArticleSource(title="Wet op het primair onderwijs", url="https://wetten.overheid.nl/", sort_order=1),
        ArticleSource(title="Onderwijsconsulenten", url="https://www.onderwijsconsulenten.nl/", sort_order=0),
    ]
    article.save_revision().publish()
    saved = ArticlePage.objects.get(pk=article.pk)
    assert [theme.name for theme in article_themes(saved)] == ["Een plek op school", "Thuiszitten"]
    assert [theme.pk for theme in article_themes(saved)] == [theme.pk for theme in saved.themes.all()]
    assert [source.title for source in article_sources(saved)] == [
        "Onderwijsconsulenten",
        "Wet op het primair onderwijs",
    ]
    assert [source.url for source in article_sources(saved)] == [source.url for source in saved.sources.all()]
    assert article_themes(ArticlePageFactory(slug="leeg", title="Leeg")) == []

    # An editor's preview: what the form holds, not what is saved.
    saved.themes = [ThemeFactory(name="Vervoer")]
    saved.sources = [ArticleSource(title="Nog niet bewaard")]
    with CaptureQueriesContext(connection) as queries:
        assert [theme.name for theme in article_themes(saved)] == ["Vervoer"]
        assert [source.title for source in article_sources(saved)] == ["Nog niet bewaard"]
    assert len(queries) == 0
