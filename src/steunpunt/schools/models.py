"""Schools in the region (DUO open data) and their support profile."""

from django.core.exceptions import ValidationError
from django.core.validators import FileExtensionValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

MAX_PROFILE_BYTES = 10 * 1024 * 1024


class SchoolType(models.TextChoices):
    REGULAR = "regular", _("Regular school")
    SBO = "sbo", _("Special primary school (SBO)")
    SO = "so", _("Special school (SO)")
    VSO = "vso", _("Special secondary school (VSO)")
    PRO = "pro", _("Practical education")
    OTHER = "other", _("Other")


class Specialism(models.Model):
    """A kind of support a school is known for: dyslexia, autism, giftedness, …"""

    slug = models.SlugField(unique=True)
    name = models.CharField(_("name"), max_length=100)

    class Meta:
        verbose_name = _("specialism")
        verbose_name_plural = _("specialisms")
        ordering = ["name"]

    def __str__(self):
        return self.name


def validate_profile_file(upload):
    if upload.size > MAX_PROFILE_BYTES:
        raise ValidationError(_("The file is too large: at most 10 MB."))
    if upload.read(5) != b"%PDF-":
        raise ValidationError(_("Upload the support profile as a PDF file."))
    upload.seek(0)


class School(models.Model):
    location_code = models.CharField(_("location code"), max_length=8, unique=True)
    institution_code = models.CharField(_("institution code (BRIN)"), max_length=4)
    name = models.CharField(_("name"), max_length=200)
    street = models.CharField(_("street and number"), max_length=200, blank=True)
    postcode = models.CharField(_("postcode"), max_length=7, blank=True)
    place = models.CharField(_("place"), max_length=100, blank=True)
    municipality = models.CharField(_("municipality"), max_length=100, blank=True)
    denomination = models.CharField(_("denomination"), max_length=100, blank=True)
    phone = models.CharField(_("phone number"), max_length=20, blank=True)
    website = models.CharField(_("website"), max_length=200, blank=True)
    sector = models.CharField(_("sector"), max_length=2, choices=[("po", "PO"), ("vo", "VO")])
    school_type = models.CharField(_("type of school"), max_length=10, choices=SchoolType.choices)
    partnerships = models.ManyToManyField("tenants.Partnership", verbose_name=_("partnerships"), blank=True)
    specialisms = models.ManyToManyField(Specialism, verbose_name=_("specialisms"), blank=True)
    support_profile_url = models.URLField(_("link to the support profile"), blank=True)
    support_profile_file = models.FileField(
        _("support profile (PDF)"),
        upload_to="sop/",
        blank=True,
        validators=[FileExtensionValidator(["pdf"]), validate_profile_file],
        help_text=_("The school support profile (SOP), or the part of the school guide about support."),
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("school")
        verbose_name_plural = _("schools")
        ordering = ["place", "name"]

    def __str__(self):
        return f"{self.name} ({self.place})"
