"""Queueing and sending e-mail through the outbox.

:func:`mail_enqueue` stores the mail in the caller's transaction and asks for a send after
commit; :func:`outbox_send` sends what is due, each mail in its own locked transaction, so a
mail is sent once even with several workers. When the mail server is down the mail stays
queued and is tried again later with a growing pause.
"""

import logging
import smtplib
import time
from datetime import timedelta

from django.core.mail import EmailMessage
from django.core.mail.utils import DNS_NAME
from django.db import DatabaseError, connection, transaction
from django.utils import timezone

from .models import OutboxMail

logger = logging.getLogger(__name__)
MAX_PAUSE = timedelta(hours=1)
# How long a sender keeps trying to record a mail the server took while the database was away.
MARK_SENT_PATIENCE = 120


def mail_enqueue(*, to, subject, body, attachments=()):
    """Store one mail to ``to`` and have it sent after the current transaction commits."""
    mail = OutboxMail.objects.create(
        to=to, subject=" ".join(subject.split())[:200], body=body, attachments=list(attachments)
    )

    def send_soon():
        from .tasks import send_outbox

        try:
            send_outbox.enqueue()
        except Exception:
            # The mail waits in the outbox: the next enqueue, the worker's retry or `send_outbox`
            # sends it. The person who asked must never see an error for this.
            logger.warning("Could not queue the outbox; mail %s waits in the outbox.", mail.pk, exc_info=True)

    transaction.on_commit(send_soon)
    return mail


def _pause(attempts):
    return min(timedelta(minutes=2**attempts), MAX_PAUSE)


def message_id(mail):
    """The same Message-ID on every try of one outbox mail, so a resent copy is recognisably the same mail."""
    return f"<outbox.{mail.pk}.{int(mail.created_at.timestamp() * 1000)}@{DNS_NAME}>"


def _message(mail):
    message = EmailMessage(mail.subject, mail.body, None, [mail.to], headers={"Message-ID": message_id(mail)})
    for attachment in mail.attachments:
        message.attach(attachment["filename"], attachment["content"], attachment["mimetype"])
    return message


def outbox_send(*, limit=200):
    """Send the due mails, oldest first. Returns ``(sent, failed, waiting)``.

    A connection error stops the round: the server is down, the rest waits for the next try.
    A mail the server refuses waits for its own next try and does not hold up the others.
    """
    sent = failed = 0
    due = OutboxMail.objects.filter(sent_at__isnull=True, next_attempt_at__lte=timezone.now())
    for pk in list(due.values_list("pk", flat=True)[:limit]):
        delivered_at = None
        try:
            with transaction.atomic():
                mail = (
                    OutboxMail.objects.select_for_update(skip_locked=True)
                    .filter(pk=pk, sent_at__isnull=True)
                    .first()
                )
                if mail is None:
                    continue
                try:
                    _message(mail).send()
                except (OSError, smtplib.SMTPException) as error:
                    mail.attempts += 1
                    mail.last_error = str(error)[:300]
                    mail.next_attempt_at = timezone.now() + _pause(mail.attempts)
                    mail.save(update_fields=["attempts", "last_error", "next_attempt_at"])
                    failed += 1
                    if isinstance(error, OSError | smtplib.SMTPConnectError | smtplib.SMTPServerDisconnected):
                        break
                    continue
                delivered_at = timezone.now()
                mail.sent_at = delivered_at
                mail.save(update_fields=["sent_at"])
        except DatabaseError:
            if delivered_at is None:
                raise
            # The mail server took the mail, but the database went away (a restart) before it was
            # marked sent: unmarked, the next round would send it again. Mark it once it is back.
            _mark_sent(pk, delivered_at)
        sent += 1
    waiting = OutboxMail.objects.filter(sent_at__isnull=True).count()
    return sent, failed, waiting


def _mark_sent(pk, sent_at):
    """Record ``sent_at`` on a delivered mail, waiting up to ``MARK_SENT_PATIENCE`` s for the database."""
    deadline = time.monotonic() + MARK_SENT_PATIENCE
    while True:
        try:
            connection.close()  # the broken connection; the next query opens a new one
            OutboxMail.objects.filter(pk=pk, sent_at__isnull=True).update(sent_at=sent_at)
            logger.warning("Mail %s was sent while the database was away; marked sent afterwards.", pk)
            return
        except DatabaseError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.5)


def outbox_retry_all():
    """Make every unsent mail due now (after the mail server is back); returns how many."""
    return OutboxMail.objects.filter(sent_at__isnull=True).update(next_attempt_at=timezone.now())
