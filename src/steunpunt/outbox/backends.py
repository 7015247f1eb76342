"""The e-mail backend of the platform (``EMAIL_BACKEND``): every mail goes through the outbox.

Django's and Wagtail's own mails (staff invitations, password resets, workflow notifications) are
stored like the platform's, in the caller's transaction, and delivered by the outbox through
``OUTBOX_DELIVERY_BACKEND`` (SMTP in production). A mail-server outage loses none of them.
"""

from django.core.mail.backends.base import BaseEmailBackend
from django.db import transaction

from .services import send_after_commit, store_message


class OutboxBackend(BaseEmailBackend):
    def send_messages(self, email_messages):
        """Store the messages in the outbox; returns how many were stored (none without recipients)."""
        stored = 0
        with transaction.atomic():
            for message in email_messages:
                # What could never be sent (a newline in a header) is refused now, to the caller.
                message.message()
                if store_message(message):
                    stored += 1
            if stored:
                send_after_commit()
        return stored
