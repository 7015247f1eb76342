from steunpunt.tenants.models import SupportPoint
from steunpunt.tenants.policy import Action, support_point_ids_for


def report_support_points(user):
    """The steunpunten whose reports ``user`` may read: coordinators and the board of their own steunpunt."""
    return SupportPoint.objects.filter(pk__in=support_point_ids_for(user, Action.REPORT_VIEW))
