from steunpunt.tenants.access import scoped
from steunpunt.tenants.policy import Action

from .models import Concern


def concerns_visible_to(user):
    """Signals of the steunpunten where ``user`` manages signals (consultants, coordinators)."""
    return scoped(Concern.objects.all(), user, Action.CONCERN_MANAGE)


def published_concerns(support_point):
    return Concern.objects.filter(support_point=support_point, published=True).prefetch_related("themes")
