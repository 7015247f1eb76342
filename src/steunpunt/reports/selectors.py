from steunpunt.tenants.policy import Action
from steunpunt.tenants.selectors import support_points_for


def report_support_points(user):
    """The steunpunten whose reports ``user`` may read: coordinators and the board of their own steunpunt."""
    return support_points_for(user, Action.REPORT_VIEW)
