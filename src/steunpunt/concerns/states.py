"""The follow-up of a signal: gesignaleerd → besproken met bestuur → reactie ontvangen → opgevolgd,
or gesloten at any point. :func:`~steunpunt.concerns.services.concern_transition` enforces it."""

from .models import ConcernStatus

S = ConcernStatus
ALLOWED_TRANSITIONS = {
    S.RAISED: frozenset({S.DISCUSSED, S.CLOSED}),
    S.DISCUSSED: frozenset({S.RESPONSE, S.CLOSED}),
    S.RESPONSE: frozenset({S.FOLLOWED_UP, S.CLOSED}),
    S.FOLLOWED_UP: frozenset({S.CLOSED}),
    S.CLOSED: frozenset(),
}
# The date field each status records, and the text it needs.
DATE_FIELD = {
    S.DISCUSSED: "discussed_on",
    S.RESPONSE: "response_on",
    S.FOLLOWED_UP: "followed_up_on",
    S.CLOSED: "closed_on",
}
TEXT_FIELD = {S.RESPONSE: "board_response", S.FOLLOWED_UP: "change_made"}


def allowed_next(status):
    return [to for to in S if to in ALLOWED_TRANSITIONS[S(status)]]
