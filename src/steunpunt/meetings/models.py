"""Meetings (thema-avonden, lotgenotencontact) and the registrations for them."""

import secrets

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _


class Meeting(models.Model):
    support_point = models.ForeignKey(
        "tenants.SupportPoint", verbose_name=_("steunpunt"), on_delete=models.CASCADE, related_name="meetings"
    )
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"))
    starts_at = models.DateTimeField(_("starts at"))
    ends_at = models.DateTimeField(_("ends at"))
    place = models.CharField(
        _("place"), max_length=300, blank=True, help_text=_("Address, or empty for online.")
    )
    online_url = models.URLField(_("online link"), blank=True)
    capacity = models.PositiveIntegerField(_("number of places"))

    class Meta:
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")
        ordering = ["starts_at"]

    def __str__(self):
        return self.title

    def clean(self):
        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            raise ValidationError({"ends_at": _("The end must be later than the start.")})
        if not self.place and not self.online_url:
            raise ValidationError({"place": _("Give a place or an online link.")})


def _token():
    return secrets.token_urlsafe(24)


class Registration(models.Model):
    class Status(models.TextChoices):
        CONFIRMED = "confirmed", _("Registered")
        WAITING = "waiting", _("On the waiting list")
        CANCELLED = "cancelled", _("Cancelled")

    meeting = models.ForeignKey(
        Meeting, verbose_name=_("meeting"), on_delete=models.CASCADE, related_name="registrations"
    )
    name = models.CharField(_("name"), max_length=100)
    email = models.EmailField(_("e-mail address"))
    status = models.CharField(_("status"), max_length=10, choices=Status.choices)
    token = models.CharField(max_length=64, unique=True, default=_token, editable=False)
    registered_at = models.DateTimeField(_("registered at"), auto_now_add=True)

    # Personal data, for the access layer (tenants/access.py); the text of a registration names its person.
    PERSONAL_FIELDS = ("name", "email", "__str__")

    class Meta:
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        ordering = ["registered_at", "pk"]

    def __str__(self):
        return f"{self.name} – {self.meeting}"
