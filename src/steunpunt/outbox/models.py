"""E-mail waits in the database until the mail server has taken it: nothing is lost in an outage."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class OutboxMail(models.Model):
    """One message to one envelope recipient.

    A message to several people (To, Cc, Bcc) is stored as one row per recipient, all with the
    message's own headers and Message-ID, so a refused address fails alone and the others are sent
    once. States: waiting (``sent_at`` and ``failed_at`` empty, tried at ``next_attempt_at``) →
    sent (``sent_at``) or failed for good (``failed_at``, the server's answer in ``last_error``).
    """

    # A mail is no content: Wagtail's reference index would queue a task for each one (and, with the
    # task backend on Redis, need Redis just to store a mail) since it names a steunpunt.
    wagtail_reference_index_ignore = True

    # The recipient's address is personal data: a screen that shows it writes an audit record.
    PERSONAL_FIELDS = ("to",)

    # The steunpunt the mail is sent for (empty for Wagtail's and Django's own mails to staff).
    support_point = models.ForeignKey(
        "tenants.SupportPoint",
        verbose_name=_("steunpunt"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    to = models.EmailField(_("to"))
    from_email = models.CharField(_("from"), max_length=320, blank=True)
    subject = models.CharField(_("subject"), max_length=998)
    body = models.TextField(_("text"))
    # "plain", or "html" for a message whose body itself is HTML.
    body_subtype = models.CharField(_("text type"), max_length=20, default="plain")
    # [{"content": ..., "mimetype": "text/html"}]: other forms of the body (Wagtail's HTML notifications).
    alternatives = models.JSONField(_("alternatives"), default=list, blank=True)
    # [{"filename": ..., "content": ... | "content_base64": ..., "mimetype": ...}]
    attachments = models.JSONField(_("attachments"), default=list, blank=True)
    # The message's own headers (To and Cc as the recipients see them, Reply-To, Auto-Submitted, ...).
    headers = models.JSONField(_("headers"), default=dict, blank=True)
    message_id = models.CharField(_("Message-ID"), max_length=300, blank=True)
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    next_attempt_at = models.DateTimeField(_("next attempt"), default=timezone.now, db_index=True)
    attempts = models.PositiveIntegerField(_("attempts"), default=0)
    last_error = models.CharField(_("last error"), max_length=300, blank=True)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True, db_index=True)
    failed_at = models.DateTimeField(_("failed"), null=True, blank=True)

    class Meta:
        verbose_name = _("outgoing e-mail")
        verbose_name_plural = _("outgoing e-mails")
        ordering = ["pk"]

    def __str__(self):
        return self.subject
