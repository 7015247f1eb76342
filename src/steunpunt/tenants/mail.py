"""For which steunpunt a mail is sent: the outbox keeps it with the mail, so that the steunpunt's
administrator sees in the back office a mail that could not be delivered.

A caller that knows the steunpunt passes it to ``outbox.services.mail_enqueue``; code that sends
through Django's mail API (a staff invitation) wraps the sending in :func:`mail_for`.
"""

from contextlib import contextmanager
from contextvars import ContextVar

_support_point_id = ContextVar("mail_support_point_id", default=None)


@contextmanager
def mail_for(support_point):
    """Every mail stored inside this block is for ``support_point`` (an instance or an id)."""
    token = _support_point_id.set(getattr(support_point, "pk", support_point))
    try:
        yield
    finally:
        _support_point_id.reset(token)


def current_support_point_id():
    return _support_point_id.get()
