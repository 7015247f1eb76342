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
