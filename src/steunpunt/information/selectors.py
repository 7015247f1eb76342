"""Reads for the information pillar; back-office reads take the acting user."""

from dataclasses import dataclass

from steunpunt.core import page_cache
from steunpunt.tenants.access import scoped
from steunpunt.tenants.policy import Action

from .models import ArticlePage, RegionalSupplement, SupplementCheck, Theme


def live_articles():
    """Every published national article in Dutch, in title order (translations: information.translations)."""
    return ArticlePage.objects.live().dutch().order_by("title")


def article_by_slug(slug):
    return live_articles().filter(slug=slug).prefetch_related("themes").first()


def supplement_for(article, support_point, audience="parents"):
    """What readers of ``audience`` see of the steunpunt's supplement: the approved blocks, or ``None``.

    A supplement shows only once the steunpunt approved it, and only in the version written for
    that audience (a parents' text is never shown on a page for young people or children).
    """
    if support_point is None:
        return None
    supplement = RegionalSupplement.objects.filter(article=article, support_point=support_point).first()
    if supplement is None or not len(supplement.approved_blocks(audience)):
        return None
    return ShownSupplement(body=supplement.approved_blocks(audience), supplement=supplement)


@dataclass(frozen=True)
class ShownSupplement:
    body: str
    supplement: object


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
    """Return the date of the article's last completed validation (expert and panel), or ``None``."""
    from .models import ExpertCheck

    check = ExpertCheck.objects.filter(page=article, completed=True).order_by("-checked_on").first()
    return check.checked_on if check else None


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
