"""Reads for the information pillar; back-office reads take the acting user."""

from steunpunt.tenants.access import scoped
from steunpunt.tenants.policy import Action

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
