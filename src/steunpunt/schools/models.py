"""Schools in the region (DUO open data) and their support profile."""

import uuid

from django.conf import settings
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
    support_coordinator = models.CharField(
        _("support coordinator"),
        max_length=200,
        blank=True,
        help_text=_("The name of the support coordinator (ondersteuningscoördinator or intern begeleider)."),
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
        return bool(
            self.support_profile_url
            or self.support_profile_file
            or self.parent_contact
            or self.support_coordinator
        )

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


class SchoolContact(models.Model):
    """The role school contact person (``Role.SCHOOL_CONTACT``) for one school, granted by a steunpunt
    whose region the school is in. The membership gives the role; this row says for which school."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="school_contacts",
    )
    school = models.ForeignKey(
        School, verbose_name=_("school"), on_delete=models.CASCADE, related_name="contacts"
    )
    support_point = models.ForeignKey(
        "tenants.SupportPoint", verbose_name=_("steunpunt"), on_delete=models.CASCADE, related_name="+"
    )
    granted_at = models.DateTimeField(_("granted on"), auto_now_add=True)
    granted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("school contact person")
        verbose_name_plural = _("school contact persons")
        ordering = ["school__name", "user__last_name"]
        constraints = [
            models.UniqueConstraint(fields=["user", "school", "support_point"], name="unique_school_contact")
        ]

    def __str__(self):
        return f"{self.user.get_full_name() or self.user.username} – {self.school.name}"


class ProposalStatus(models.TextChoices):
    PROPOSED = "proposed", _("Waiting for approval")
    APPROVED = "approved", _("Approved")
    REJECTED = "rejected", _("Not approved")


# The one state table of a profile proposal: a decision is final (a new change is a new proposal).
PROPOSAL_TRANSITIONS = {
    ProposalStatus.PROPOSED: {ProposalStatus.APPROVED, ProposalStatus.REJECTED},
    ProposalStatus.APPROVED: set(),
    ProposalStatus.REJECTED: set(),
}

# The fields of a school's support profile that a school contact person keeps.
PROFILE_FIELDS = ("support_profile_url", "support_profile_file", "support_coordinator", "parent_contact")


class ProfileProposal(models.Model):
    """A school contact person's proposed support profile of their school. It shows on the public page
    only once the steunpunt's editor approved it; until then the page keeps the last approved profile."""

    school = models.ForeignKey(
        School, verbose_name=_("school"), on_delete=models.CASCADE, related_name="proposals"
    )
    support_point = models.ForeignKey(
        "tenants.SupportPoint", verbose_name=_("steunpunt"), on_delete=models.CASCADE, related_name="+"
    )
    status = models.CharField(
        _("status"), max_length=10, choices=ProposalStatus.choices, default=ProposalStatus.PROPOSED
    )
    specialisms = models.ManyToManyField(
        Specialism, verbose_name=_("specialisms"), blank=True, related_name="+"
    )
    support_profile_url = models.URLField(_("link to the support profile"), blank=True)
    support_profile_file = models.FileField(
        _("support profile (PDF)"),
        upload_to="sop/",
        blank=True,
        validators=[FileExtensionValidator(["pdf"]), validate_profile_file],
    )
    support_coordinator = models.CharField(_("support coordinator"), max_length=200, blank=True)
    parent_contact = models.CharField(_("contact for parents about support"), max_length=300, blank=True)
    note = models.TextField(_("note for the steunpunt"), blank=True)
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    proposed_at = models.DateTimeField(_("proposed on"))
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    decided_at = models.DateTimeField(_("decided on"), null=True, blank=True)
    reason = models.TextField(_("reason"), blank=True)
    is_demo = models.BooleanField(_("demo"), default=False, editable=False)

    class Meta:
        verbose_name = _("proposed support profile")
        verbose_name_plural = _("proposed support profiles")
        ordering = ["-proposed_at"]

    def __str__(self):
        return f"{self.school.name} ({self.get_status_display()})"


class Rating(models.IntegerChoices):
    VERY_BAD = 1, _("Very bad")
    BAD = 2, _("Bad")
    REASONABLE = 3, _("Reasonable")
    GOOD = 4, _("Good")
    VERY_GOOD = 5, _("Very good")


class SchoolEvaluation(models.Model):
    """One school's anonymous view of the steunpunt in one half year. It names no school and no person,
    and has no time of its own (a random key, not a number in order), so it cannot be traced back to
    the :class:`SchoolEvaluationGiven` that says the school has answered for that period."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    support_point = models.ForeignKey(
        "tenants.SupportPoint", verbose_name=_("steunpunt"), on_delete=models.CASCADE, related_name="+"
    )
    period = models.DateField(_("half year"), help_text=_("The first day of the half year."))
    reachable = models.PositiveSmallIntegerField(_("how reachable"), choices=Rating.choices)
    useful = models.PositiveSmallIntegerField(_("how useful"), choices=Rating.choices)
    remark = models.TextField(_("remark"), blank=True)
    is_demo = models.BooleanField(_("demo"), default=False, editable=False)

    class Meta:
        verbose_name = _("evaluation by a school")
        verbose_name_plural = _("evaluations by schools")

    def __str__(self):
        return f"{self.support_point_id} {self.period:%Y-%m}"


class SchoolEvaluationGiven(models.Model):
    """That a school has given its evaluation of a steunpunt for a half year: at most once."""

    school = models.ForeignKey(School, on_delete=models.CASCADE, related_name="+")
    support_point = models.ForeignKey("tenants.SupportPoint", on_delete=models.CASCADE, related_name="+")
    period = models.DateField()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["school", "support_point", "period"], name="one_school_evaluation_per_period"
            )
        ]

    def __str__(self):
        return f"{self.school_id} {self.support_point_id} {self.period:%Y-%m}"
