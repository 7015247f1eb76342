"""Steunpunten (support points), their partnerships and who works for them."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.models import Orderable

from .languages import OfferedLanguagesField, all_other_languages, validate_offered_languages
from .roles import Role
from .validators import (
    validate_accent_colour,
    validate_brand_colour,
    validate_logo_file,
    validate_partnership_code,
)


class Sector(models.TextChoices):
    PO = "po", _("Primary education (PO)")
    VO = "vo", _("Secondary education (VO)")


class SupportPoint(ClusterableModel):
    """One ouder- en jeugdsteunpunt: owns a public site and a closed back office."""

    name = models.CharField(_("name"), max_length=200, unique=True)
    slug = models.SlugField(_("short name"), max_length=50, unique=True)
    site = models.OneToOneField(
        "wagtailcore.Site",
        verbose_name=_("website"),
        on_delete=models.PROTECT,
        related_name="support_point",
    )
    email = models.EmailField(_("e-mail address"), blank=True)
    phone = models.CharField(_("phone number"), max_length=40, blank=True)
    address = models.CharField(_("visiting address"), max_length=200, blank=True)
    brand_colour = models.CharField(
        _("brand colour"),
        max_length=7,
        default="#1f5c99",
        validators=[validate_brand_colour],
        help_text=_("Used for the header and buttons; white text must stay readable on it."),
    )
    accent_colour = models.CharField(
        _("second colour"),
        max_length=7,
        blank=True,
        validators=[validate_accent_colour],
        help_text=_(
            "For links and the buttons of the back office. Leave empty to use the brand colour. "
            "It must stay readable on white."
        ),
    )
    logo = models.ImageField(
        _("logo"),
        upload_to="huisstijl/",
        blank=True,
        validators=[validate_logo_file],
        help_text=_("PNG or JPEG, at most 1 MB. Shown on the website and in the back office."),
    )
    favicon = models.ImageField(
        _("icon for the browser tab"),
        upload_to="huisstijl/",
        blank=True,
        validators=[validate_logo_file],
        help_text=_("A square PNG or JPEG. Leave empty to make it from the logo."),
    )
    languages = OfferedLanguagesField(
        _("languages of the website"),
        default=all_other_languages,
        blank=True,
        validators=[validate_offered_languages],
        help_text=_(
            "The website is always in Dutch. Choose the other languages it is offered in as well; "
            "only offer a language when the steunpunt can help someone who speaks it (for example "
            "with an interpreter)."
        ),
    )
    is_demo = models.BooleanField(_("demo steunpunt"), default=False)
    created_at = models.DateTimeField(auto_now_add=True)
    # How the steunpunt handles questions.
    first_contact_days = models.PositiveSmallIntegerField(
        _("first contact within (working days)"),
        default=3,
        validators=[MinValueValidator(1), MaxValueValidator(20)],
        help_text=_("The target for the first contact with someone who asked a question."),
    )
    urgent_first_contact_days = models.PositiveSmallIntegerField(
        _("first contact within for urgent questions (working days)"),
        default=1,
        validators=[MinValueValidator(1), MaxValueValidator(10)],
    )
    report_threshold = models.PositiveSmallIntegerField(
        _("smallest number shown in reports"),
        default=5,
        validators=[MinValueValidator(3), MaxValueValidator(20)],
        help_text=_(
            "Smaller numbers are shown as “fewer than …”, so no child can be recognised. At least 3."
        ),
    )
    retention_months = models.PositiveSmallIntegerField(
        _("keep personal data for (months after closing)"),
        default=12,
        validators=[MinValueValidator(1), MaxValueValidator(120)],
        help_text=_(
            "After this period names, contact details, texts and messages of closed questions are removed."
        ),
    )

    class Meta:
        verbose_name = _("steunpunt")
        verbose_name_plural = _("steunpunten")
        ordering = ["name"]

    def __str__(self):
        return self.name

    @property
    def public_url(self):
        """The configured address of the steunpunt's site (``steunpunt.tenants.links``)."""
        from .links import absolute_url

        return absolute_url(self)


class Partnership(models.Model):
    """A samenwerkingsverband passend onderwijs, such as PO2701 or VO2701."""

    code = models.CharField(_("code"), max_length=6, unique=True, validators=[validate_partnership_code])
    name = models.CharField(_("name"), max_length=200)
    sector = models.CharField(_("sector"), max_length=2, choices=Sector.choices)
    support_point = models.ForeignKey(
        SupportPoint,
        verbose_name=_("steunpunt"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="partnerships",
    )

    class Meta:
        verbose_name = _("partnership")
        verbose_name_plural = _("partnerships")
        ordering = ["code"]

    def __str__(self):
        return f"{self.code} {self.name}"

    def clean(self):
        if self.code and self.sector and self.code[:2].lower() != self.sector:
            raise ValidationError({"sector": _("The sector must match the code (PO or VO).")})


class Weekday(models.IntegerChoices):
    MONDAY = 0, pgettext_lazy("weekday label", "Monday")
    TUESDAY = 1, pgettext_lazy("weekday label", "Tuesday")
    WEDNESDAY = 2, pgettext_lazy("weekday label", "Wednesday")
    THURSDAY = 3, pgettext_lazy("weekday label", "Thursday")
    FRIDAY = 4, pgettext_lazy("weekday label", "Friday")
    SATURDAY = 5, pgettext_lazy("weekday label", "Saturday")
    SUNDAY = 6, pgettext_lazy("weekday label", "Sunday")


class OpeningPeriod(Orderable):
    """One block of time in the week when the steunpunt answers the phone or door."""

    support_point = ParentalKey(SupportPoint, on_delete=models.CASCADE, related_name="opening_hours")
    weekday = models.PositiveSmallIntegerField(_("day"), choices=Weekday.choices)
    opens = models.TimeField(_("from"))
    closes = models.TimeField(_("until"))

    class Meta(Orderable.Meta):
        verbose_name = _("opening hours")
        verbose_name_plural = _("opening hours")
        ordering = ["weekday", "opens"]

    def clean(self):
        if self.opens and self.closes and self.opens >= self.closes:
            raise ValidationError({"closes": _("The closing time must be later than the opening time.")})


class Membership(models.Model):
    """A role granted to a user at one steunpunt."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="memberships",
    )
    support_point = models.ForeignKey(
        SupportPoint,
        verbose_name=_("steunpunt"),
        on_delete=models.CASCADE,
        related_name="memberships",
    )
    role = models.CharField(_("role"), max_length=32, choices=Role.choices)
    granted_at = models.DateTimeField(auto_now_add=True)
    granted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        constraints = [
            models.UniqueConstraint(fields=["user", "support_point", "role"], name="unique_membership_role")
        ]

    def __str__(self):
        return f"{self.user} – {self.get_role_display()} – {self.support_point}"
