"""Reads for the information pillar; back-office reads take the acting user."""

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.db.models import BooleanField, ExpressionWrapper, OuterRef, QuerySet, Subquery

from steunpunt.core import page_cache, pages
from steunpunt.core.statements import KeptStatement
from steunpunt.tenants.access import scoped
from steunpunt.tenants.policy import Action

from .audiences import Audience
from .models import (
    ArticlePage,
    ArticleSource,
    RegionalSupplement,
    RelatedArticle,
    SupplementCheck,
    Theme,
)


def live_articles():
    """Every published national article in Dutch, in title order (translations: information.translations)."""
    return ArticlePage.objects.live().dutch().order_by("title")


def article_by_slug(slug):
    """The live Dutch article at ``slug``, with the date of its last completed validation as
    ``last_validated_on`` (read by :func:`validated_on`), in one statement compiled once per process
    (core/statements.py)."""
    articles = list(_article.instances(pages.locale_id(settings.LANGUAGE_CODE), slug=slug))
    if not articles:
        return None
    article = articles[0]
    if isinstance(article.last_validated_on, str):  # SQLite: an annotation's date comes as its text
        article.last_validated_on = datetime.date.fromisoformat(article.last_validated_on[:10])
    return article


def _article_queryset(locale_id, slug):
    return (
        ArticlePage.objects.live()
        .filter(locale_id=locale_id, slug=slug)
        .annotate(last_validated_on=Subquery(_completed_checks(OuterRef("pk")).values("checked_on")[:1]))
        .order_by("pk")[:1]
    )


_article = KeptStatement(_article_queryset, text=("slug",))


def article_themes(article):
    """The themes of ``article`` by name."""
    return _saved_or_preview(article.themes, _themes, article)


_themes = KeptStatement(lambda article: Theme.objects.filter(articlepage=article), numbers=("article",))


def article_sources(article):
    """The sources of ``article`` in the editor's order."""
    return _saved_or_preview(article.sources, _sources, article)


def _saved_or_preview(related, statement, article):
    """A saved article's rows of ``related`` through ``statement`` (compiled once per process); an
    editor's preview's, not saved yet, from memory."""
    rows = related.all()
    if not isinstance(rows, QuerySet):
        return list(rows)
    return list(statement.instances(article=article.pk))


_sources = KeptStatement(
    lambda article: ArticleSource.objects.filter(page=article).order_by("sort_order", "pk"),
    numbers=("article",),
)


# The title column of each audience's version, as the related articles' links read them.
RELATED_TITLES = {
    Audience.PARENTS: "title",
    Audience.YOUTH: "youth_title",
    Audience.CHILDREN: "children_title",
}


def related_rows(article):
    """The live articles ``article`` links to, in its order, as only the columns their links show: the
    slug, the title of each version (``article__title``, …) and whether the young people's and the
    children's versions exist (``has_youth``, ``has_children``); the linked articles' texts are large."""
    return _related.rows(article=article.pk)


def _related_queryset(article):
    return (
        RelatedArticle.objects.filter(page_id=article, article__live=True)
        .order_by("sort_order", "pk")
        .values(
            "article__slug",
            *(f"article__{column}" for column in RELATED_TITLES.values()),
            **{
                f"has_{audience}": ExpressionWrapper(
                    ArticlePage.has_version_q(audience, via="article__"), output_field=BooleanField()
                )
                for audience in RELATED_TITLES
                if audience != Audience.PARENTS
            },
        )
    )


_related = KeptStatement(_related_queryset, numbers=("article",))


def supplement_for(article, support_point, audience="parents"):
    """What readers of ``audience`` see of the steunpunt's supplement: the approved blocks, or ``None``.

    A supplement shows only once the steunpunt approved it, and only in the version written for
    that audience (a parents' text is never shown on a page for young people or children). Most
    articles have none at a steunpunt: those cost no query.
    """
    if support_point is None or article.pk not in _supplemented_articles(support_point.pk):
        return None
    supplement = RegionalSupplement.objects.filter(article=article, support_point=support_point).first()
    if supplement is None or not len(supplement.approved_blocks(audience)):
        return None
    return ShownSupplement(body=supplement.approved_blocks(audience), supplement=supplement)


@page_cache.per_generation
def _supplemented_articles(support_point_pk):
    """The articles with a supplement of the steunpunt, approved or not: a supplement is content, so a
    new one moves the generation on and is seen at once."""
    supplements = RegionalSupplement.objects.filter(support_point_id=support_point_pk)
    return frozenset(supplements.values_list("article_id", flat=True))


@dataclass(frozen=True)
class ShownSupplement:
    body: str
    supplement: object


def published_stories(article, support_point):
    """The steunpunt's published stories about ``article`` (none without a steunpunt); an article
    without one costs no query."""
    if support_point is None or article.pk not in _storied_articles(support_point.pk):
        return []
    return article.stories.filter(support_point=support_point, status="published")


@page_cache.per_generation
def _storied_articles(support_point_pk):
    """The articles a published story of the steunpunt is about. Stories and their links to articles
    are content (stories.apps), so a story published or linked moves the generation on."""
    return frozenset(
        ArticlePage.objects.filter(
            stories__support_point_id=support_point_pk, stories__status="published"
        ).values_list("pk", flat=True)
    )


def supplements_to_approve(user):
    """Supplements waiting for approval at ``user``'s steunpunten, written by someone else."""
    return (
        scoped(
            RegionalSupplement.objects.filter(status=RegionalSupplement.Status.PENDING),
            user,
            Action.CONTENT_EDIT,
        )
        .exclude(updated_by=user)
        .select_related("article", "support_point", "updated_by")
        .order_by("updated_at")
    )


def open_checks_for(user):
    """Open 'check your supplement' tasks at the steunpunten where ``user`` edits content."""
    return (
        scoped(
            SupplementCheck.objects.filter(confirmed_at__isnull=True),
            user,
            Action.CONTENT_EDIT,
            steunpunt_field="supplement__support_point",
        )
        .select_related("supplement__article", "supplement__support_point")
        .order_by("opened_at")
    )


def validated_on(article):
    """Return the date of the article's last completed validation (expert and panel), or ``None``; an
    article from :func:`article_by_slug` carries it already."""
    if hasattr(article, "last_validated_on"):
        return article.last_validated_on
    check = _completed_checks(article).first()
    return check.checked_on if check else None


def _completed_checks(page):
    from .models import ExpertCheck

    return ExpertCheck.objects.filter(page=page, completed=True).order_by("-checked_on")


def overdue_articles(today):
    """Live articles whose 'check again before' date has passed."""
    return live_articles().filter(check_again_before__lt=today).order_by("check_again_before")


def validation_record(page_id, revision_ids=None):
    """The expert checks (with their sources) and reading-panel answers of an article, newest first.

    With ``revision_ids`` only those about these revisions (one run of the validation workflow).
    Back-office only: the editor and the workflow history show it to the national editorial team.
    """
    from .models import ExpertCheck, PanelReview

    checks = ExpertCheck.objects.filter(page_id=page_id).select_related("checked_by")
    reviews = PanelReview.objects.filter(page_id=page_id).select_related("reviewer")
    if revision_ids is not None:
        checks = checks.filter(revision_id__in=revision_ids)
        reviews = reviews.filter(revision_id__in=revision_ids)
    return {
        "expert_checks": list(checks.order_by("-checked_on", "-pk")),
        "panel_reviews": list(reviews.order_by("-given_on", "-pk")),
    }


@page_cache.per_generation
def themes_by_pk():
    """Every theme by its primary key (as text), kept in the process for the current content generation:
    a theme is content (``page_cache_content``), so saving or deleting one moves the generation on and
    the next call reads them again. The public question form checks its choices here without a query."""
    return {str(theme.pk): theme for theme in Theme.objects.all()}
