"""Scoped reads: everything starts from the acting user and the steunpunten where they may manage the
steunpunt's development (coordinators). Another steunpunt's objects are simply not found."""

from steunpunt.tenants.access import scoped
from steunpunt.tenants.models import Partnership
from steunpunt.tenants.policy import Action
from steunpunt.tenants.selectors import support_points_for

from .models import Ambition, Criterion, HourlyRate, OtherCost, PupilCount


def development_support_points(user):
    """The steunpunten whose ambitions and costs ``user`` manages."""
    return support_points_for(user, Action.DEVELOPMENT_MANAGE)


def _scoped(model, user, steunpunt_field="support_point"):
    """The objects of ``model`` at the steunpunten whose development ``user`` manages (the access layer)."""
    return scoped(model.objects.all(), user, Action.DEVELOPMENT_MANAGE, steunpunt_field=steunpunt_field)


def ambitions_visible_to(user):
    return _scoped(Ambition, user).select_related("support_point")


def criteria_visible_to(user):
    return _scoped(Criterion, user, "ambition__support_point").select_related("ambition__support_point")


def partnerships_of(support_point):
    return Partnership.objects.filter(support_point=support_point).order_by("code")


def pupil_counts_visible_to(user):
    """Pupil numbers of the partnerships that now belong to the user's steunpunten."""
    return _scoped(PupilCount, user, "partnership__support_point").select_related(
        "partnership__support_point"
    )


def hourly_rates_visible_to(user):
    return _scoped(HourlyRate, user)


def other_costs_visible_to(user):
    return _scoped(OtherCost, user)
