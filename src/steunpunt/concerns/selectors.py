from steunpunt.tenants.policy import Action, support_point_ids_for

from .models import Concern


def concerns_visible_to(user):
    """Signals of the steunpunten where ``user`` manages signals (consultants, coordinators)."""
    return Concern.objects.filter(support_point_id__in=support_point_ids_for(user, Action.CONCERN_MANAGE))


def published_concerns(support_point):
    return Concern.objects.filter(support_point=support_point, published=True).prefetch_related("themes")
