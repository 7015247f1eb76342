"""Reading cases, always for an acting user. Nothing here returns a case the user may not see.

Levels of access at one steunpunt (from the permission policy):
- ``full``: consultants (every case) and coordinators (the cases assigned to them);
- ``intake``: volunteers, for new questions: the intake fields and messages, not the contact log;
- listed only: coordinators see every case in the inbox and the workload, without contents.
"""

from django.db.models import Count, F, Q
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
    """Return, per steunpunt the user coordinates, the open and urgent cases per consultant: dicts with
    ``support_point__name``, ``consultant`` (name and role, :func:`person_labels`; empty when nobody
    is assigned), ``open`` and ``urgent``."""
    from django.contrib.auth import get_user_model

    rows = list(
        scoped(Case.objects.filter(status__in=OPEN_STATUSES), user, Action.CASE_ASSIGN)
        .values("support_point_id", "support_point__name", "assigned_to_id")
        .annotate(open=Count("pk"), urgent=Count("pk", filter=Q(urgent=True)))
        .order_by("support_point__name", "assigned_to__last_name", "assigned_to__username")
    )
    people = get_user_model().objects.in_bulk({row["assigned_to_id"] for row in rows} - {None})
    labels = {}
    for support_point_id in {row["support_point_id"] for row in rows}:
        assigned = [
            people[row["assigned_to_id"]]
            for row in rows
            if row["support_point_id"] == support_point_id and row["assigned_to_id"] is not None
        ]
        for pk, label in person_labels(support_point_id, assigned).items():
            labels[support_point_id, pk] = label
    for row in rows:
        row["consultant"] = labels.get((row["support_point_id"], row["assigned_to_id"]), "")
    return rows


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


def may_enter_questions(user):
    """Whether :func:`support_points_receiving` holds a steunpunt, read from the user's roles without
    asking the database (the inbox shows its "enter a question" button with it)."""
    return bool(
        support_point_ids_for(user, Action.CASE_RECEIVE) | support_point_ids_for(user, Action.CASE_HANDLE)
    )


def _overdue_q(now):
    return Q(first_contact_at__isnull=True, first_contact_due__lt=now, status__in=OPEN_STATUSES)


# The inbox's language filter for "every question that needs an interpreter".
INTERPRETER = "tolk"


def inbox_cases(
    user, *, status="open", mine=False, urgent=False, overdue=False, query="", language="", now=None
):
    """Return the inbox of ``user``, filtered as its form asks: the one selector of the inbox and the
    dashboard's counts (each count links to the inbox with the same filters, so they agree).

    ``status`` is ``"open"`` (every open status), ``"all"`` or one status; ``language`` one language
    code (core/languages.py) or ``INTERPRETER`` for the questions that need an interpreter. ``query``
    searches only in the cases whose contents ``user`` may read. Ordered for triage: first contact
    overdue first, then urgent, then the longest waiting; with ``"all"``, the closed questions after
    the open ones, the most recent first.
    """
    from django.db.models import Case as When_
    from django.db.models import IntegerField, Value, When
    from django.utils import timezone

    now = now or timezone.now()
    cases = cases_listed_for(user)
    if status == "open":
        cases = cases.filter(status__in=OPEN_STATUSES)
    elif status in CaseStatus.values:
        cases = cases.filter(status=status)
    if mine:
        cases = cases.filter(assigned_to=user)
    if urgent:
        cases = cases.filter(urgent=True)
    if overdue:
        cases = cases.filter(_overdue_q(now))
    if language == INTERPRETER:
        cases = cases.filter(interpreter_needed=True)
    elif language:
        cases = cases.filter(language=language)
    if query:
        cases = cases.filter(
            pk__in=cases_readable_by(user)
            .filter(
                Q(reference__iexact=query)
                | Q(question__icontains=query)
                | Q(requester_name__icontains=query)
                | Q(requester_email__iexact=query)
                | Q(requester_phone=query)
            )
            .values("pk")
        )
    late = When_(When(_overdue_q(now), then=Value(1)), default=Value(0), output_field=IntegerField())
    cases = cases.annotate(late=late)
    if status == "all":
        # Every question: the open ones first, in the same triage order, then the closed ones, the most
        # recent first (a closed urgent question is no longer urgent, and none of them is waiting).
        closed = Q(status=CaseStatus.CLOSED)
        is_closed = When_(When(closed, then=Value(1)), default=Value(0), output_field=IntegerField())
        open_urgent = When_(When(closed, then=Value(False)), default=F("urgent"))
        open_since = When_(When(closed, then=Value(None)), default=F("created_at"))
        return cases.annotate(is_closed=is_closed).order_by(
            "-late", "is_closed", open_urgent.desc(), open_since.asc(), "-created_at", "pk"
        )
    return cases.order_by("-late", "-urgent", "created_at", "pk")


def waiting_since(case):
    """Return since when the requester of ``case`` waits for the steunpunt, or ``None``.

    Until the first contact: since the question came in; after it: since their last message, when
    nobody answered it. Needs ``last_from_requester`` and ``last_from_staff`` (see :func:`with_waiting`).
    """
    if case.status == CaseStatus.CLOSED:
        return None
    if case.first_contact_at is None:
        return case.created_at
    last_in, last_out = case.last_from_requester, case.last_from_staff
    if last_in is not None and (last_out is None or last_in > last_out):
        return last_in
    return None


def with_waiting(cases):
    """Annotate ``cases`` with the times :func:`waiting_since` reads.

    Each time is a subquery on the case's own messages rather than a join with every message and a
    GROUP BY: with ``ORDER BY … LIMIT`` (a page of the inbox) the database sorts the cases first and
    looks up the messages of the shown ones only."""
    from django.db.models import OuterRef, Subquery

    from .models import Message

    def last(from_requester):
        latest = Message.objects.filter(case=OuterRef("pk"), from_requester=from_requester)
        return Subquery(latest.order_by("-created_at").values("created_at")[:1])

    return cases.annotate(last_from_requester=last(True), last_from_staff=last(False))


def person_labels(support_point_id, users):
    """Return ``{user pk: "Name (role, role)"}`` for ``users`` at a steunpunt: people are shown by
    name and role on every case screen (never by user name alone)."""
    from steunpunt.tenants.models import Membership
    from steunpunt.tenants.roles import Role

    users = [user for user in users if user is not None]
    roles = {}
    for user_id, role in Membership.objects.filter(
        support_point_id=support_point_id, user_id__in={user.pk for user in users}
    ).values_list("user_id", "role"):
        roles.setdefault(user_id, []).append(str(Role(role).label))
    labels = {}
    for user in users:
        name = user.get_full_name() or user.get_username()
        held = ", ".join(sorted(roles.get(user.pk, ())))
        labels[user.pk] = f"{name} ({held})" if held else name
    return labels


def dashboard_for(user):
    """Return what a case worker should see first: new, overdue and own open cases, reminders due.

    Counted with :func:`inbox_cases` and the filters of the inbox links in the panel, so each
    number is the number of questions the link shows."""
    from django.utils import timezone

    from .models import Reminder

    readable = cases_readable_by(user)
    return {
        "new": inbox_cases(user, status=CaseStatus.NEW).count(),
        "overdue": inbox_cases(user, overdue=True).count(),
        "mine": inbox_cases(user, mine=True).count(),
        "reminders": list(
            Reminder.objects.filter(
                case__in=readable,
                case__assigned_to=user,
                done_at__isnull=True,
                due_on__lte=timezone.localdate(),
            ).select_related("case")[:20]
        ),
    }


def case_timeline(case, access):
    """Return the history of ``case`` as one list, oldest first: messages (with their files), status
    changes, and for ``full`` access also contacts, referrals, reminders and spreekuur bookings.

    Each entry is ``{"kind", "at", "object"}``; ``at`` is an aware datetime (a date-only entry, such
    as a contact moment, sorts at the start of its day, or when the question came in that day).
    """
    import datetime

    from django.utils import timezone

    def day(value):
        # A date-only entry never sorts before the question came in.
        return max(timezone.make_aware(datetime.datetime.combine(value, datetime.time.min)), case.created_at)

    from .models import Attachment

    # The files of every message in one query, also when there are no messages (a fixed count).
    files = {}
    for attachment in Attachment.objects.filter(message__case=case):
        files.setdefault(attachment.message_id, []).append(attachment)
    messages = list(case.messages.select_related("author"))
    for message in messages:
        message.files = files.get(message.pk, [])
    entries = [{"kind": "message", "at": message.created_at, "object": message} for message in messages]
    entries += [
        {"kind": "status", "at": change.at, "object": change}
        for change in case.status_changes.select_related("by")
    ]
    if access == FULL:
        from .signals import case_timeline_entries

        entries += [
            {"kind": "contact", "at": day(contact.on), "object": contact}
            for contact in case.contacts.select_related("by")
        ]
        entries += [
            {"kind": "referral", "at": referral.created_at, "object": referral}
            for referral in case.referrals.select_related("organisation")
        ]
        entries += [
            {"kind": "reminder", "at": day(reminder.due_on), "object": reminder}
            for reminder in case.reminders.select_related("by")
        ]
        # Entries kept by other apps (spreekuur bookings), which support does not import.
        for _receiver, extra in case_timeline_entries.send(sender=Case, case=case):
            entries += extra
    order = {"status": 0, "message": 1, "contact": 2, "referral": 3, "booking": 4, "reminder": 5}
    return sorted(entries, key=lambda entry: (entry["at"], order[entry["kind"]]))


def school_referral_dates(user, school):
    """When referrals from ``school`` arrived, for its school contact person: dates only, never a case."""
    from .models import SchoolReferral

    mine = (Action.SCHOOL_REFER, Q(school__contacts__user=user))
    referrals = scoped(SchoolReferral.objects.filter(school=school), user, mine)
    return list(referrals.order_by("-submitted_at").values_list("submitted_at", flat=True).distinct()[:50])
