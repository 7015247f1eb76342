"""The allowed status changes of a case. :func:`~steunpunt.support.services.case_transition` is
the only code that changes a status, and it refuses anything not in this table."""

from .models import CaseStatus

S = CaseStatus
ALLOWED_TRANSITIONS = {
    S.NEW: frozenset({S.IN_PROGRESS, S.CLOSED}),
    S.IN_PROGRESS: frozenset({S.WAITING, S.CLOSED}),
    S.WAITING: frozenset({S.IN_PROGRESS, S.CLOSED}),
    S.CLOSED: frozenset({S.REOPENED}),
    S.REOPENED: frozenset({S.IN_PROGRESS, S.WAITING, S.CLOSED}),
}
OPEN_STATUSES = frozenset(set(S) - {S.CLOSED})


def allowed_next(status):
    """Return the statuses a case in ``status`` may move to, in the order of the list."""
    return [to for to in S if to in ALLOWED_TRANSITIONS[S(status)]]


# What work on a case does to its status; the services apply these, a status not listed stays.
# Staff work (a message to the requester, a logged contact): a new or reopened question is taken up.
ON_STAFF_WORK = {S.NEW: S.IN_PROGRESS, S.REOPENED: S.IN_PROGRESS}
# The requester's reply: a question waiting for it is picked up again.
ON_REQUESTER_REPLY = {S.WAITING: S.IN_PROGRESS}
