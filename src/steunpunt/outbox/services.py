"""Queueing and sending e-mail through the outbox.

:func:`mail_enqueue` (and the e-mail backend :class:`~.backends.OutboxBackend`, through which every
other mail goes) stores the mail in the caller's transaction and asks for a send after commit;
:func:`outbox_send` delivers what is due through ``OUTBOX_DELIVERY_BACKEND``, each mail in its own
locked transaction, so a mail is sent once even with several workers.

What the mail server answers decides what happens to a mail:

- accepted: marked sent;
- a permanent refusal (5xx: unknown recipient, refused sender or content): marked failed with the
  answer; the round goes on with the next mail;
- a temporary refusal (4xx): tried again later with a growing pause; the round goes on;
- no server (connection refused or lost, timeout, login refused): the mail is tried again later with
  a growing pause and the round ends, because the next mail would meet the same closed door.
"""

import base64
import logging
import smtplib
import time
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.core.mail import EmailMultiAlternatives, get_connection
from django.core.mail.utils import DNS_NAME
from django.db import DatabaseError, connection, transaction
from django.utils import timezone

from steunpunt.tenants.mail import current_support_point_id

from .models import OutboxMail

logger = logging.getLogger(__name__)
MAX_PAUSE = timedelta(hours=1)
# How long a sender keeps trying to record a mail the server took while the database was away.
MARK_SENT_PATIENCE = 120
OUTBOX_BACKEND = "steunpunt.outbox.backends.OutboxBackend"
SMTP_BACKEND = "django.core.mail.backends.smtp.EmailBackend"


def mail_enqueue(*, to, subject, body, attachments=(), support_point=None):
    """Store one mail to ``to`` (for ``support_point``) and have it sent after the current transaction
    commits."""
    [mail] = mails_enqueue(
        [
            {
                "to": to,
                "subject": subject,
                "body": body,
                "attachments": attachments,
                "support_point": support_point,
            }
        ]
    )
    return mail


def mails_enqueue(mails):
    """Store several mails in one statement and have them sent, in one sending round, after the current
    transaction commits; returns the stored rows.

    ``mails``: dicts with the arguments of :func:`mail_enqueue` (``to``, ``subject``, ``body``, and
    optionally ``attachments`` and ``support_point``). A form that mails the requester and the
    steunpunt at once costs one round trip and one queued task, not two of each.
    """
    rows = [
        OutboxMail(
            to=mail["to"],
            subject=_one_line(mail["subject"]),
            body=mail["body"],
            attachments=list(mail.get("attachments") or ()),
            support_point_id=_support_point_id(mail.get("support_point")),
        )
        for mail in mails
    ]
    if not rows:
        return []
    rows = OutboxMail.objects.bulk_create(rows)
    send_after_commit()
    return rows


def _support_point_id(support_point):
    return getattr(support_point, "pk", support_point) or current_support_point_id()


def send_after_commit():
    """Ask the task queue for a sending round once the current transaction commits."""

    def send_soon():
        from .tasks import send_outbox

        try:
            send_outbox.enqueue()
        except Exception:
            # The mail waits in the outbox: the next enqueue, the worker's retry or `send_outbox`
            # sends it. The person who asked must never see an error for this.
            logger.warning("Could not queue the outbox; mail waits in the outbox.", exc_info=True)

    transaction.on_commit(send_soon)


def _one_line(subject):
    return " ".join(str(subject).split())[:998]


def store_message(message):
    """Store a Django ``EmailMessage`` as one outbox row per envelope recipient; returns the rows.

    The rows keep what the recipients see (To, Cc, Reply-To, other headers, the HTML alternative,
    attachments) and share one Message-ID: the message's own, or one made now.
    """
    recipients = list(dict.fromkeys(str(address) for address in message.recipients()))
    if not recipients:
        return []
    headers = {str(name): str(value) for name, value in message.extra_headers.items()}
    message_id = next((value for name, value in headers.items() if name.lower() == "message-id"), None)
    headers = {name: value for name, value in headers.items() if name.lower() != "message-id"}
    if message.to and "To" not in headers:
        headers["To"] = ", ".join(str(address) for address in message.to)
    if message.cc and "Cc" not in headers:
        headers["Cc"] = ", ".join(str(address) for address in message.cc)
    if message.reply_to and "Reply-To" not in headers:
        headers["Reply-To"] = ", ".join(str(address) for address in message.reply_to)
    if message_id is None:
        from email.utils import make_msgid

        message_id = make_msgid(domain=DNS_NAME)
    fields = {
        "from_email": str(message.from_email or ""),
        "subject": _one_line(message.subject),
        "body": str(message.body),
        "body_subtype": message.content_subtype,
        "alternatives": [
            {"content": _text(content), "mimetype": mimetype}
            for content, mimetype in getattr(message, "alternatives", [])
        ],
        "attachments": [_attachment(attachment) for attachment in message.attachments],
        "headers": headers,
        "message_id": message_id,
        "support_point_id": current_support_point_id(),
    }
    return OutboxMail.objects.bulk_create([OutboxMail(to=to, **fields) for to in recipients])


def _text(content):
    return content.decode() if isinstance(content, bytes) else str(content)


def _attachment(attachment):
    if isinstance(attachment, tuple):
        filename, content, mimetype = attachment
    else:  # a MIMEBase part
        filename = attachment.get_filename()
        content = attachment.get_payload(decode=True)
        mimetype = attachment.get_content_type()
    stored = {"filename": filename, "mimetype": mimetype}
    if isinstance(content, bytes):
        stored["content_base64"] = base64.b64encode(content).decode("ascii")
    else:
        stored["content"] = content
    return stored


def _pause(attempts):
    return min(timedelta(minutes=2**attempts), MAX_PAUSE)


def message_id(mail):
    """The same Message-ID on every try of one outbox mail, so a resent copy is recognisably the same mail."""
    return mail.message_id or f"<outbox.{mail.pk}.{int(mail.created_at.timestamp() * 1000)}@{DNS_NAME}>"


def _message(mail, delivery):
    message = EmailMultiAlternatives(
        mail.subject,
        mail.body,
        mail.from_email or None,
        [mail.to],
        headers={**mail.headers, "Message-ID": message_id(mail)},
        connection=delivery,
    )
    message.content_subtype = mail.body_subtype or "plain"
    for alternative in mail.alternatives:
        message.attach_alternative(alternative["content"], alternative["mimetype"])
    for attachment in mail.attachments:
        content = attachment.get("content")
        if "content_base64" in attachment:
            content = base64.b64decode(attachment["content_base64"])
        message.attach(attachment["filename"], content, attachment["mimetype"])
    return message


def delivery_backend():
    """The dotted path of the backend that really delivers (``OUTBOX_DELIVERY_BACKEND``)."""
    path = getattr(settings, "OUTBOX_DELIVERY_BACKEND", SMTP_BACKEND)
    if path == OUTBOX_BACKEND:
        raise ImproperlyConfigured("OUTBOX_DELIVERY_BACKEND must be a backend that delivers, not the outbox.")
    return path


def _refusal(error):
    """``(permanent, reason)`` for an error from sending one mail; ``None`` when the server is unreachable."""
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        answers = list(error.recipients.values())
        reason = "; ".join(f"{code} {_decode(text)}" for code, text in answers) or str(error)
        return all(code >= 500 for code, _text in answers), reason
    if isinstance(error, smtplib.SMTPAuthenticationError):
        return None  # the platform's login is wrong, not the mail: every mail would meet it
    if isinstance(error, smtplib.SMTPResponseException):
        if error.smtp_code == 421:  # the server closes the connection: it is going away
            return None
        return error.smtp_code >= 500, f"{error.smtp_code} {_decode(error.smtp_error)}"
    if isinstance(error, smtplib.SMTPNotSupportedError | ValueError):
        return True, str(error)  # the mail can never be sent as it is (e.g. a non-ASCII address)
    return None


def _decode(text):
    return text.decode(errors="replace") if isinstance(text, bytes) else str(text)


def outbox_send(*, limit=200):
    """Deliver the due mails, oldest first. Returns ``(sent, failed, waiting)``.

    ``failed`` counts the mails of this round that were refused or not delivered; ``waiting`` the
    mails still to be sent (failed-for-good mails not included).
    """
    sent = failed = 0
    due = OutboxMail.objects.filter(
        sent_at__isnull=True, failed_at__isnull=True, next_attempt_at__lte=timezone.now()
    )
    pks = list(due.values_list("pk", flat=True)[:limit])
    delivery = get_connection(delivery_backend(), fail_silently=False) if pks else None
    try:
        for pk in pks:
            delivered_at = None
            try:
                with transaction.atomic():
                    mail = (
                        OutboxMail.objects.select_for_update(skip_locked=True)
                        .filter(pk=pk, sent_at__isnull=True, failed_at__isnull=True)
                        .first()
                    )
                    if mail is None:
                        continue
                    try:
                        delivery.open()  # once per round; a no-op while the connection is open
                        _message(mail, delivery).send()
                    except (OSError, smtplib.SMTPException, ValueError) as error:
                        failed += 1
                        refusal = _refusal(error)
                        _record_failure(mail, refusal, error)
                        if refusal is None:
                            break  # no server: the next mail would meet the same closed door
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
    finally:
        if delivery is not None:
            try:
                delivery.close()
            except OSError:
                logger.info("Closing the mail connection failed.", exc_info=True)
    waiting = OutboxMail.objects.filter(sent_at__isnull=True, failed_at__isnull=True).count()
    return sent, failed, waiting


def _record_failure(mail, refusal, error):
    mail.attempts += 1
    permanent, reason = refusal if refusal is not None else (False, str(error) or type(error).__name__)
    mail.last_error = reason[:300]
    if permanent:
        mail.failed_at = timezone.now()
        logger.warning("Mail %s refused for good: %s", mail.pk, mail.last_error)
    else:
        mail.next_attempt_at = timezone.now() + _pause(mail.attempts)
    mail.save(update_fields=["attempts", "last_error", "next_attempt_at", "failed_at"])


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
    """Make every waiting mail due now (after the mail server is back); returns how many."""
    return OutboxMail.objects.filter(sent_at__isnull=True, failed_at__isnull=True).update(
        next_attempt_at=timezone.now()
    )
