"""Ambitions with evaluation criteria, pupil numbers per partnership, and the steunpunt's costs."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from .formatting import euro, number, school_year_label
from .kinds import Direction, Kind, spec, title
from .results import shown_target

MAX_PUPILS = 1_000_000


class Ambition(models.Model):
    """What the steunpunt wants to reach, in plain words, measured by one or more criteria."""

    support_point = models.ForeignKey(
        "tenants.SupportPoint",
        on_delete=models.CASCADE,
        related_name="ambitions",
        verbose_name=_("steunpunt"),
    )
    text = models.CharField(_("ambition"), max_length=300)
    explanation = models.TextField(_("explanation"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("ambition")
        verbose_name_plural = _("ambitions")
        ordering = ["created_at", "pk"]

    def __str__(self):
        return self.text


class Criterion(models.Model):
    """An evaluation criterion: a kind from :class:`~.kinds.Kind`, its N where the kind needs one, and a
    target that the measured value must reach (at least) or stay under (at most)."""

    ambition = models.ForeignKey(
        Ambition, on_delete=models.CASCADE, related_name="criteria", verbose_name=_("ambition")
    )
    kind = models.CharField(_("what is measured"), max_length=40, choices=Kind.choices)
    parameter = models.PositiveSmallIntegerField(_("number of working days or weeks"), null=True, blank=True)
    direction = models.CharField(_("direction"), max_length=10, choices=Direction.choices)
    target = models.DecimalField(_("target"), max_digits=9, decimal_places=2)
    active = models.BooleanField(_("measured"), default=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("criterion")
        verbose_name_plural = _("criteria")
        ordering = ["created_at", "pk"]
        constraints = [
            models.CheckConstraint(condition=Q(target__gte=0), name="criterion_target_not_negative"),
            models.CheckConstraint(condition=Q(kind__in=Kind.values), name="criterion_known_kind"),
            models.CheckConstraint(
                condition=Q(direction__in=Direction.values), name="criterion_known_direction"
            ),
        ]

    def __str__(self):
        return self.title

    @property
    def title(self):
        return title(self.kind, self.parameter)

    @property
    def definition(self):
        return spec(self.kind).definition

    @property
    def target_shown(self):
        """The target in words, such as “ten minste 90%”."""
        return shown_target(self)


class PupilCount(models.Model):
    """The number of pupils of one partnership in one school year (1 August to 31 July)."""

    partnership = models.ForeignKey(
        "tenants.Partnership",
        on_delete=models.CASCADE,
        related_name="pupil_counts",
        verbose_name=_("partnership"),
    )
    school_year = models.PositiveSmallIntegerField(
        _("school year"), help_text=_("The year in which the school year starts: 2025 for 2025-2026.")
    )
    pupils = models.PositiveIntegerField(
        _("number of pupils"), validators=[MinValueValidator(1), MaxValueValidator(MAX_PUPILS)]
    )
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("pupil number")
        verbose_name_plural = _("pupil numbers")
        ordering = ["-school_year", "partnership__code"]
        constraints = [
            models.UniqueConstraint(fields=["partnership", "school_year"], name="one_pupil_count_per_year"),
            models.CheckConstraint(condition=Q(pupils__gte=1), name="pupil_count_positive"),
        ]

    def __str__(self):
        return f"{self.partnership.code} {self.school_year_label}: {self.pupils}"

    @property
    def school_year_label(self):
        return school_year_label(self.school_year)

    @property
    def pupils_shown(self):
        return number(self.pupils)


class HourlyRate(models.Model):
    """The cost of one hour of the steunpunt's work, from ``valid_from`` until the next rate."""

    support_point = models.ForeignKey(
        "tenants.SupportPoint",
        on_delete=models.CASCADE,
        related_name="hourly_rates",
        verbose_name=_("steunpunt"),
    )
    valid_from = models.DateField(_("valid from"))
    amount = models.DecimalField(_("euros per hour"), max_digits=7, decimal_places=2)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("hourly rate")
        verbose_name_plural = _("hourly rates")
        ordering = ["valid_from"]
        constraints = [
            models.UniqueConstraint(fields=["support_point", "valid_from"], name="one_rate_per_day"),
            models.CheckConstraint(condition=Q(amount__gt=0), name="hourly_rate_positive"),
        ]

    def __str__(self):
        return f"{self.valid_from}: {self.amount}"

    @property
    def shown(self):
        return euro(self.amount)


class OtherCost(models.Model):
    """A cost other than hours: rent, training, printing, a meeting room."""

    support_point = models.ForeignKey(
        "tenants.SupportPoint",
        on_delete=models.CASCADE,
        related_name="other_costs",
        verbose_name=_("steunpunt"),
    )
    on = models.DateField(_("date"))
    description = models.CharField(_("description"), max_length=200)
    amount = models.DecimalField(_("amount in euros"), max_digits=11, decimal_places=2)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("other cost")
        verbose_name_plural = _("other costs")
        ordering = ["-on", "-pk"]
        indexes = [models.Index(fields=["support_point", "on"])]
        constraints = [models.CheckConstraint(condition=Q(amount__gt=0), name="other_cost_positive")]

    def __str__(self):
        return f"{self.on}: {self.description}"

    @property
    def shown(self):
        return euro(self.amount)
