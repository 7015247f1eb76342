"""Schools in the region (DUO open data) and their support profile."""

from django.core.exceptions import ValidationError
from django.core.validators import FileExtensionValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

MAX_PROFILE_BYTES = 10 * 1024 * 1024


class SchoolType(models.TextChoices):
    REGULAR = "regular", _("Primary school")
    SBO = "sbo", _("Special primary school (SBO)")
    SO = "so", _("Special school (SO)")
    VSO = "vso", _("Special secondary school (VSO)")
    SO_VSO = "so_vso", _("Special school for all ages ((V)SO)")
    PRO = "pro", _("Practical education")
    SECONDARY = "secondary", _("Secondary school")
    OTHER = "other", _("Other")


SPECIAL_TYPES = (SchoolType.SO, SchoolType.VSO, SchoolType.SO_VSO)


class Cluster(models.IntegerChoices):
    """The four clusters of special education (SO/VSO)."""

    VISUAL = 1, _("Cluster 1: children who are blind or partially sighted")
    HEARING = 2, _("Cluster 2: children who are deaf or hard of hearing, or have a language disorder")
    PHYSICAL = 3, _("Cluster 3: children with a physical or intellectual disability or a long illness")
    BEHAVIOUR = 4, _("Cluster 4: children with psychiatric or behavioural problems")


class LinkMethod(models.TextChoices):
    """How a school came to belong to a partnership; shown on the school's page."""

    POSTCODE = "postcode", _("The school's postcode lies in the partnership's region (regulation annex).")
    MEMBERSHIP = "membership", _("DUO's list of secondary schools per partnership names the school.")
    # CATCHMENT_KM in the importer; the data have no official list of the regions a special school serves.
    SERVES_REGION = (
        "serves_region",
        _("A special school serves the region of each partnership within 20 km of the school (an estimate)."),
    )
    EDITOR = "editor", _("Set by an editor of the steunpunt.")


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
    structure = models.CharField(
        _("secondary school structure"),
        max_length=40,
        blank=True,
        help_text=_("For example VBO/MAVO/HAVO/VWO."),
    )
    cluster = models.PositiveSmallIntegerField(_("cluster"), choices=Cluster.choices, null=True, blank=True)
    pupils = models.PositiveIntegerField(_("number of pupils"), null=True, blank=True)
    latitude = models.FloatField(_("latitude"), null=True, blank=True)
    longitude = models.FloatField(_("longitude"), null=True, blank=True)
    partnerships = models.ManyToManyField(
        "tenants.Partnership", verbose_name=_("partnerships"), blank=True, through="SchoolPartnership"
    )
    links_by_hand = models.BooleanField(
        _("partnerships set by hand"),
        default=False,
        help_text=_("A new import leaves the partnerships of this school alone."),
    )
    specialisms = models.ManyToManyField(Specialism, verbose_name=_("specialisms"), blank=True)
    support_profile_url = models.URLField(_("link to the support profile"), blank=True)
    support_profile_file = models.FileField(
        _("support profile (PDF)"),
        upload_to="sop/",
        blank=True,
        validators=[FileExtensionValidator(["pdf"]), validate_profile_file],
        help_text=_("The school support profile (SOP), or the part of the school guide about support."),
    )
    parent_contact = models.CharField(
        _("contact for parents about support"),
        max_length=300,
        blank=True,
        help_text=_("Who parents can ask about extra support, and how: for example the support coordinator."),
    )
    profile_is_demo = models.BooleanField(_("demo profile"), default=False, editable=False)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("school")
        verbose_name_plural = _("schools")
        ordering = ["place", "name"]

    def __str__(self):
        return f"{self.name} ({self.place})"

    @property
    def has_support_profile(self):
        return bool(self.support_profile_url or self.support_profile_file or self.parent_contact)

    @property
    def structure_display(self):
        """The secondary school structure in words parents know: ``vmbo, havo, vwo``."""
        return ", ".join(
            STRUCTURE_WORDS.get(part, part.lower()) for part in self.structure.split("/") if part
        )


STRUCTURE_WORDS = {
    "VBO": "vmbo basis/kader",
    "MAVO": "vmbo-tl (mavo)",
    "HAVO": "havo",
    "VWO": "vwo",
    "PRO": "praktijkonderwijs",
    "BRUGJAAR": "brugjaar",
}


class SchoolPartnership(models.Model):
    """A school's link to a partnership, and how it was made (the table of the former plain M2M)."""

    school = models.ForeignKey(School, on_delete=models.CASCADE)
    partnership = models.ForeignKey("tenants.Partnership", on_delete=models.CASCADE)
    method = models.CharField(
        _("how the link was made"), max_length=20, choices=LinkMethod.choices, default=LinkMethod.EDITOR
    )

    class Meta:
        db_table = "schools_school_partnerships"
        unique_together = [("school", "partnership")]
        verbose_name = _("partnership of a school")
        verbose_name_plural = _("partnerships of schools")

    def __str__(self):
        return f"{self.school_id} → {self.partnership_id} ({self.method})"
