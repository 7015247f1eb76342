"""Reads for the information pillar; back-office reads take the acting user."""

from steunpunt.tenants.policy import Action
from steunpunt.tenants.selectors import support_points_for

from .models import ArticlePage, RegionalSupplement, SupplementCheck


def live_articles():
    """Every published national article, in title order."""
    return ArticlePage.objects.live().order_by("title")


def article_by_slug(slug):
    return live_articles().filter(slug=slug).prefetch_related("themes").first()


def supplement_for(article, support_point):
    if support_point is None:
        return None
    return RegionalSupplement.objects.filter(article=article, support_point=support_point).first()


def supplements_visible_to(user):
    """The supplements of the steunpunten where ``user`` edits content."""
    return RegionalSupplement.objects.filter(
        support_point__in=support_points_for(user, Action.CONTENT_EDIT)
    ).select_related("article", "support_point")


def open_checks_for(user):
    """Open 'check your supplement' tasks at the steunpunten where ``user`` edits content."""
    return (
        SupplementCheck.objects.filter(
            confirmed_at__isnull=True,
            supplement__support_point__in=support_points_for(user, Action.CONTENT_EDIT),
        )
        .select_related("supplement__article", "supplement__support_point")
        .order_by("opened_at")
    )
