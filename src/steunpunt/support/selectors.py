"""Reading cases, always for an acting user. Nothing here returns a case the user may not see.

Levels of access at one steunpunt (from the permission policy):
- ``full``: consultants (every case) and coordinators (the cases assigned to them);
- ``intake``: volunteers, for new questions: the intake fields and messages, not the contact log;
- listed only: coordinators see every case in the inbox and the workload, without contents.
"""

from django.db.models import Count, Q
from django.http import Http404

from steunpunt.tenants.access import scoped
from steunpunt.tenants.policy import Action, support_point_ids_for

from .models import Case, CaseStatus
from .states import OPEN_STATUSES

FULL, INTAKE = "full", "intake"


# The access layer's rules for cases (tenants.access.scoped): every case where the user reads all,
# the assigned ones where the user handles cases, the new ones where the user receives them.
def _full_rules(user):
    return (Action.CASE_READ_ALL, (Action.CASE_HANDLE, Q(assigned_to=user)))


def _readable_rules(user):
    return (*_full_rules(user), (Action.CASE_RECEIVE, Q(status=CaseStatus.NEW)))


def cases_fully_readable_by(user):
    """Return the cases ``user`` may read in full (contact log, referrals): ``case_access`` is FULL."""
    return scoped(Case.objects.all(), user, *_full_rules(user))


def cases_readable_by(user):
    """Return the cases whose contents ``user`` may read."""
    return scoped(Case.objects.all(), user, *_readable_rules(user))


def cases_listed_for(user):
    """Return the cases ``user`` sees in the inbox (contents only for :func:`cases_readable_by`)."""
    return scoped(Case.objects.all(), user, *_readable_rules(user), Action.CASE_ASSIGN)


def case_access(user, case):
    """Return ``"full"``, ``"intake"`` or ``None``: what ``user`` may read of ``case``."""
    support_point = case.support_point_id
    if support_point in support_point_ids_for(user, Action.CASE_READ_ALL):
        return FULL
    if support_point in support_point_ids_for(user, Action.CASE_HANDLE) and case.assigned_to_id == user.pk:
        return FULL
    if support_point in support_point_ids_for(user, Action.CASE_RECEIVE) and case.status == CaseStatus.NEW:
        return INTAKE
    return None


def case_for(user, pk):
    """Return ``(case, access)`` for a case ``user`` may read; raise Http404 for any other."""
    case = Case.objects.select_related("support_point", "assigned_to", "school").filter(pk=pk).first()
    access = case_access(user, case) if case is not None else None
    if access is None:
        raise Http404
    return case, access


def can_assign(user, case):
    return case.support_point_id in support_point_ids_for(user, Action.CASE_ASSIGN) | support_point_ids_for(
        user, Action.CASE_READ_ALL
    )


def workload_for(user):
    """Return, per steunpunt the user coordinates, the open and urgent cases per consultant."""
    return (
        scoped(Case.objects.filter(status__in=OPEN_STATUSES), user, Action.CASE_ASSIGN)
        .values(
            "support_point__name",
            "assigned_to__first_name",
            "assigned_to__last_name",
            "assigned_to__username",
        )
        .annotate(open=Count("pk"), urgent=Count("pk", filter=Q(urgent=True)))
        .order_by("support_point__name", "assigned_to__last_name", "assigned_to__username")
    )


def consultants_of(support_point_id):
    """Return the active accounts that may handle questions at a steunpunt."""
    from django.contrib.auth import get_user_model

    from steunpunt.tenants.policy import RULES

    roles = [role for role, actions in RULES.items() if Action.CASE_HANDLE in actions]
    return (
        get_user_model()
        .objects.filter(
            is_active=True, memberships__support_point_id=support_point_id, memberships__role__in=roles
        )
        .distinct()
        .order_by("first_name", "last_name", "username")
    )


def assignable_for(user, case):
    """Return whom ``user`` may assign ``case`` to.

    Who reads the case in full may give it to anyone who handles questions at its steunpunt. Anyone
    else (a coordinator assigning a case that is not theirs) only to those who may already read it —
    consultants, and whoever has it now — so that assigning never opens a case to oneself or another.
    """
    people = consultants_of(case.support_point_id)
    if case_access(user, case) == FULL:
        return people
    from steunpunt.tenants.policy import RULES

    readers = [role for role, actions in RULES.items() if Action.CASE_READ_ALL in actions]
    reading = Q(memberships__support_point_id=case.support_point_id, memberships__role__in=readers)
    if case.assigned_to_id:
        reading |= Q(pk=case.assigned_to_id)
    return people.filter(pk__in=people.model.objects.filter(reading).values("pk"))


def support_points_receiving(user):
    """Return the steunpunten where ``user`` may enter a new question."""
    from steunpunt.tenants.selectors import support_points_for

    return support_points_for(user, Action.CASE_RECEIVE) | support_points_for(user, Action.CASE_HANDLE)


def dashboard_for(user):
    """Return what a case worker should see first: new, overdue and own open cases, reminders due."""
    from django.utils import timezone

    from .models import Reminder

    readable = cases_readable_by(user)
    now = timezone.now()
    return {
        "new": readable.filter(status=CaseStatus.NEW).count(),
        "overdue": cases_listed_for(user)
        .filter(first_contact_at__isnull=True, first_contact_due__lt=now, status__in=OPEN_STATUSES)
        .count(),
        "mine": readable.filter(assigned_to=user, status__in=OPEN_STATUSES).count(),
        "reminders": list(
            Reminder.objects.filter(
                case__in=readable,
                case__assigned_to=user,
                done_at__isnull=True,
                due_on__lte=timezone.localdate(),
            ).select_related("case")[:20]
        ),
    }
