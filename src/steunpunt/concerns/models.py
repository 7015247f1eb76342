"""Structural signals (signalen): what the steunpunt hears again and again, raised with the board."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class ConcernStatus(models.TextChoices):
    RAISED = "raised", _("Signalled")
    DISCUSSED = "discussed", _("Discussed with the board")
    RESPONSE = "response", _("Response received")
    FOLLOWED_UP = "followed_up", _("Followed up")
    CLOSED = "closed", _("Closed")


class Severity(models.TextChoices):
    LOW = "low", _("Low")
    MEDIUM = "medium", _("Medium")
    HIGH = "high", _("High")


class Concern(models.Model):
    """A structural signal. ``cases`` are visible to the steunpunt's own staff only, never in reports."""

    support_point = models.ForeignKey(
        "tenants.SupportPoint", on_delete=models.PROTECT, related_name="concerns", verbose_name=_("steunpunt")
    )
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), help_text=_("For staff and the board. No names."))
    themes = models.ManyToManyField("information.Theme", blank=True, verbose_name=_("themes"))
    severity = models.CharField(
        _("severity"), max_length=10, choices=Severity.choices, default=Severity.MEDIUM
    )
    cases = models.ManyToManyField(
        "support.Case", blank=True, related_name="concerns", verbose_name=_("questions")
    )
    status = models.CharField(
        _("status"), max_length=20, choices=ConcernStatus.choices, default=ConcernStatus.RAISED, db_index=True
    )
    raised_on = models.DateField(_("signalled on"), default=timezone.localdate)
    discussed_on = models.DateField(_("discussed with the board on"), null=True, blank=True)
    board_response = models.TextField(_("response of the board"), blank=True)
    response_on = models.DateField(_("response received on"), null=True, blank=True)
    change_made = models.TextField(_("what changed"), blank=True)
    followed_up_on = models.DateField(_("followed up on"), null=True, blank=True)
    closed_on = models.DateField(_("closed on"), null=True, blank=True)
    # The public page "Wat we hoorden en wat er veranderde": plain language, chosen by the coordinator.
    published = models.BooleanField(_("shown on the website"), default=False)
    public_heard = models.TextField(_("what we heard (public)"), blank=True)
    public_changed = models.TextField(_("what changed (public)"), blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("signal")
        verbose_name_plural = _("signals")
        ordering = ["-raised_on", "-pk"]

    def __str__(self):
        return self.title


class ConcernStatusChange(models.Model):
    concern = models.ForeignKey(Concern, on_delete=models.CASCADE, related_name="status_changes")
    from_status = models.CharField(max_length=20, choices=ConcernStatus.choices, blank=True)
    to_status = models.CharField(max_length=20, choices=ConcernStatus.choices)
    on = models.DateField(default=timezone.localdate)
    by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True)

    class Meta:
        ordering = ["pk"]

    def __str__(self):
        return f"{self.from_status} → {self.to_status}"
