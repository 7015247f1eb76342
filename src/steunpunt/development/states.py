"""The status of a step in the plan: niet begonnen → bezig → afgerond, and back to bezig when a
finished step needs more work. :func:`~steunpunt.development.services.step_update` enforces it."""

from .choices import StepStatus

S = StepStatus
ALLOWED_TRANSITIONS = {
    S.NOT_STARTED: frozenset({S.UNDER_WAY}),
    S.UNDER_WAY: frozenset({S.COMPLETED}),
    S.COMPLETED: frozenset({S.UNDER_WAY}),
}


def can_move(from_status, to_status):
    """Return ``True`` if a step may go from ``from_status`` to ``to_status`` (staying is no move)."""
    return S(to_status) in ALLOWED_TRANSITIONS[S(from_status)]


def allowed_next(status):
    """Return the statuses a step with ``status`` may get next, in the order of the choices."""
    return [to for to in S if to in ALLOWED_TRANSITIONS[S(status)]]
