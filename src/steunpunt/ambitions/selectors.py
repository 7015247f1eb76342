"""Scoped reads: everything starts from the acting user and the steunpunten where they may manage the
steunpunt's development (coordinators). Another steunpunt's objects are simply not found."""

from steunpunt.tenants.models import Partnership
from steunpunt.tenants.policy import Action, support_point_ids_for
from steunpunt.tenants.selectors import support_points_for

from .models import Ambition, Criterion, HourlyRate, OtherCost, PupilCount


def development_support_points(user):
    """The steunpunten whose ambitions and costs ``user`` manages."""
    return support_points_for(user, Action.DEVELOPMENT_MANAGE)


def _ids(user):
    return support_point_ids_for(user, Action.DEVELOPMENT_MANAGE)


def ambitions_visible_to(user):
    return Ambition.objects.filter(support_point_id__in=_ids(user)).select_related("support_point")


def criteria_visible_to(user):
    return Criterion.objects.filter(ambition__support_point_id__in=_ids(user)).select_related(
        "ambition__support_point"
    )


def partnerships_of(support_point):
    return Partnership.objects.filter(support_point=support_point).order_by("code")


def pupil_counts_visible_to(user):
    """Pupil numbers of the partnerships that now belong to the user's steunpunten."""
    return PupilCount.objects.filter(partnership__support_point_id__in=_ids(user)).select_related(
        "partnership__support_point"
    )


def hourly_rates_visible_to(user):
    return HourlyRate.objects.filter(support_point_id__in=_ids(user))


def other_costs_visible_to(user):
    return OtherCost.objects.filter(support_point_id__in=_ids(user))
