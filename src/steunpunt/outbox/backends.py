"""The e-mail backend of the platform (``EMAIL_BACKEND``): every mail goes through the outbox.

Django's and Wagtail's own mails (staff invitations, password resets, workflow notifications) are
stored like the platform's, in the caller's transaction, and delivered by the outbox through
``OUTBOX_DELIVERY_BACKEND`` (SMTP in production). A mail-server outage loses none of them.
"""

import logging

from django.core.mail.backends.base import BaseEmailBackend
from django.db import DatabaseError, transaction

from .services import send_after_commit, store_message

logger = logging.getLogger(__name__)


class OutboxBackend(BaseEmailBackend):
    def send_messages(self, email_messages):
        """Store the messages in the outbox; returns how many were stored (none without recipients).

        With ``fail_silently`` (Django's error mails to ADMINS) a database that is away loses the
        mail with a warning instead of raising inside the error handling.
        """
        stored = 0
        try:
            with transaction.atomic():
                for message in email_messages:
                    # What could never be sent (a newline in a header) is refused now, to the caller.
                    message.message()
                    if store_message(message):
                        stored += 1
                if stored:
                    send_after_commit()
        except DatabaseError:
            if not self.fail_silently:
                raise
            logger.warning("Could not store %s mail(s) in the outbox.", len(email_messages), exc_info=True)
            return 0
        return stored
