"""Consultation hours (spreekuur): the slots staff publish and the bookings people make for them."""

import secrets

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from steunpunt.support.models import RequesterKind


class ConsultationSlot(models.Model):
    """One appointment time at a steunpunt, at a place or online (exactly one of the two).

    A slot holds at most one active booking; cancelling the booking frees the slot.
    """

    support_point = models.ForeignKey(
        "tenants.SupportPoint",
        verbose_name=_("steunpunt"),
        on_delete=models.CASCADE,
        related_name="consultation_slots",
    )
    starts_at = models.DateTimeField(_("starts at"))
    ends_at = models.DateTimeField(_("ends at"))
    place = models.CharField(
        _("place"), max_length=300, blank=True, help_text=_("Address, or empty for online.")
    )
    online_url = models.URLField(_("online link"), blank=True)
    note = models.CharField(
        _("note for visitors"),
        max_length=500,
        blank=True,
        help_text=_(
            "Shown on the public page and in the confirmation. For example: ring the bell at the side door."
        ),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )

    class Meta:
        verbose_name = _("consultation slot")
        verbose_name_plural = _("consultation slots")
        ordering = ["starts_at", "pk"]
        indexes = [models.Index(fields=["support_point", "starts_at"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gt=F("starts_at")), name="consultation_slot_ends_after_start"
            ),
            models.CheckConstraint(
                condition=(Q(place="") & ~Q(online_url="")) | (~Q(place="") & Q(online_url="")),
                name="consultation_slot_place_or_online",
            ),
        ]

    def __str__(self):
        start = timezone.localtime(self.starts_at)
        return f"{start:%Y-%m-%d %H:%M}–{timezone.localtime(self.ends_at):%H:%M}"

    def clean(self):
        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            raise ValidationError({"ends_at": _("The end must be later than the start.")})
        if not self.place and not self.online_url:
            raise ValidationError({"place": _("Give a place or an online link.")})
        if self.place and self.online_url:
            raise ValidationError({"online_url": _("Give a place or an online link, not both.")})

    @property
    def is_past(self):
        return self.starts_at <= timezone.now()


def _cancel_token():
    return secrets.token_urlsafe(32)


class Booking(models.Model):
    """A booking of a slot. Personal data: name, contact details and the topic.

    Whoever has the ``token`` (the link in the confirmation) sees and cancels the booking.
    ``case`` is the question the booking put into the steunpunt's inbox.
    """

    class Status(models.TextChoices):
        BOOKED = "booked", _("Booked")
        CANCELLED = "cancelled", _("Called off")

    slot = models.ForeignKey(
        ConsultationSlot, verbose_name=_("time"), on_delete=models.CASCADE, related_name="bookings"
    )
    name = models.CharField(_("name"), max_length=200, blank=True)
    email = models.EmailField(_("e-mail address"))
    phone = models.CharField(_("phone number"), max_length=40, blank=True)
    requester_kind = models.CharField(_("who books"), max_length=20, choices=RequesterKind.choices)
    topic = models.TextField(_("what to talk about"), max_length=1000, blank=True)
    consent_at = models.DateTimeField(_("consent given"))
    token = models.CharField(max_length=64, unique=True, default=_cancel_token, editable=False)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.BOOKED)
    created_at = models.DateTimeField(_("booked at"), default=timezone.now)
    case = models.ForeignKey(
        "support.Case",
        verbose_name=_("question"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="consultation_bookings",
    )

    # Personal data, for the access layer (tenants/access.py): a screen that shows one is audited.
    PERSONAL_FIELDS = ("name", "email", "phone", "topic")

    class Meta:
        verbose_name = _("booking")
        verbose_name_plural = _("bookings")
        ordering = ["slot__starts_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["slot"], condition=Q(status="booked"), name="consultation_one_active_booking_per_slot"
            )
        ]

    def __str__(self):
        return f"{self.slot} ({self.get_status_display()})"


class BookingChange(models.Model):
    """The history of a booking, for the question's timeline: booked, moved, cancelled; by whom."""

    class Kind(models.TextChoices):
        BOOKED = "booked", _("Booked")
        MOVED = "moved", _("Moved")
        CANCELLED = "cancelled", _("Called off")

    booking = models.ForeignKey(Booking, on_delete=models.CASCADE, related_name="changes")
    kind = models.CharField(max_length=10, choices=Kind.choices)
    # The time of the appointment after the change (for a move: the new time; for a cancellation:
    # the time that was cancelled), kept here because a slot can be removed later.
    starts_at = models.DateTimeField()
    # The staff member who made the change; empty when the person did it through their own link.
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["at", "pk"]

    def __str__(self):
        return f"{self.booking_id} {self.kind}"
