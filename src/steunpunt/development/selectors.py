"""Reads. Those that take ``user`` are scoped to the steunpunten where the user manages the
development (coordinators only). Those that take a ``support_point`` are for callers that have
already checked the policy, such as the annual report."""

from django.contrib.auth import get_user_model
from django.db.models import Prefetch

from steunpunt.tenants.access import scoped
from steunpunt.tenants.policy import Action
from steunpunt.tenants.roles import Role
from steunpunt.tenants.selectors import support_points_for

from .models import (
    BlockAssessment,
    Cycle,
    CycleStep,
    EvidenceFile,
    NetworkMember,
    SelfAssessment,
    WorkingGroupMeeting,
)
from .stool import stool

# Who can own a step of the plan: the steunpunt's own staff (not the board, panel or administrators).
STAFF_ROLES = (Role.COORDINATOR, Role.CONSULTANT, Role.EDITOR, Role.VOLUNTEER)


def development_support_points(user):
    """The steunpunten whose development ``user`` manages."""
    return support_points_for(user, Action.DEVELOPMENT_MANAGE)


def _scoped(model, user, steunpunt_field="support_point"):
    """The objects of ``model`` at the steunpunten whose development ``user`` manages (the access layer)."""
    return scoped(model.objects.all(), user, Action.DEVELOPMENT_MANAGE, steunpunt_field=steunpunt_field)


def _with_blocks(queryset):
    return queryset.prefetch_related(
        Prefetch("blocks", queryset=BlockAssessment.objects.prefetch_related("files"))
    )


def assessments_visible_to(user):
    return _with_blocks(_scoped(SelfAssessment, user))


def evidence_visible_to(user):
    return _scoped(EvidenceFile, user)


def cycles_visible_to(user):
    return _scoped(Cycle, user)


def steps_visible_to(user):
    return _scoped(CycleStep, user, "cycle__support_point").select_related("cycle", "owner")


def network_visible_to(user):
    return _scoped(NetworkMember, user)


def meetings_visible_to(user):
    return _scoped(WorkingGroupMeeting, user)


# For callers that already checked the policy (the pages below, the annual report).


def latest_assessments(support_point, n=2):
    """Return the newest ``n`` snapshots of ``support_point``, newest first, with their blocks."""
    return list(_with_blocks(SelfAssessment.objects.filter(support_point=support_point))[:n])


def previous_assessment(assessment):
    """Return the snapshot just before ``assessment`` at its steunpunt, or ``None``."""
    earlier = SelfAssessment.objects.filter(support_point_id=assessment.support_point_id).exclude(
        pk=assessment.pk
    )
    before = earlier.filter(assessed_on__lt=assessment.assessed_on) | earlier.filter(
        assessed_on=assessment.assessed_on, pk__lt=assessment.pk
    )
    return _with_blocks(before.order_by("-assessed_on", "-pk")).first()


def current_stool(support_point):
    """Return the :class:`~steunpunt.development.stool.Stool` of the newest snapshot, compared with
    the one before it, or ``None`` when the steunpunt has not assessed itself yet."""
    snapshots = latest_assessments(support_point, 2)
    if not snapshots:
        return None
    return stool(snapshots[0], snapshots[1] if len(snapshots) > 1 else None)


def current_cycle(support_point):
    """Return the open round of the plan of ``support_point`` with its steps, or ``None``."""
    return (
        Cycle.objects.filter(support_point=support_point, closed_on__isnull=True)
        .prefetch_related(Prefetch("steps", queryset=CycleStep.objects.select_related("owner")))
        .first()
    )


def cycles_of(support_point):
    """Return every round of the plan of ``support_point``, newest first."""
    return Cycle.objects.filter(support_point=support_point)


def step_owners(support_point):
    """Return the accounts that may own a step: the steunpunt's staff."""
    return (
        get_user_model()
        .objects.filter(
            is_active=True, memberships__support_point=support_point, memberships__role__in=STAFF_ROLES
        )
        .distinct()
        .order_by("first_name", "last_name", "username")
    )
