from steunpunt.tenants.policy import Action
from steunpunt.tenants.selectors import support_points_for


def report_support_points(user):
    """The steunpunten whose reports ``user`` may read: coordinators and the board of their own steunpunt."""
    return support_points_for(user, Action.REPORT_VIEW)


def last_year_with_data(support_point, today=None):
    """The year the annual report opens on: the last finished year in which ``support_point`` received
    questions; the current year if only it has any; last year if there are none at all."""
    from django.db.models.functions import ExtractYear
    from django.utils import timezone

    from steunpunt.support.models import Case

    today = today or timezone.localdate()
    years = set(
        Case.objects.filter(support_point=support_point)
        .annotate(year=ExtractYear("created_at"))
        .values_list("year", flat=True)
        .distinct()
    )
    finished = [year for year in years if year < today.year]
    if finished:
        return max(finished)
    return today.year if today.year in years else today.year - 1
