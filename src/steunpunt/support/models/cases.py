"""A question for help (hulpvraag) and everything the steunpunt does with it."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from steunpunt.core.address import for_requester_kind as address_for_requester_kind
from steunpunt.core.languages import DUTCH, language_choices

from ..attachments import attachment_path, attachment_storage
from .choices import (
    AgeGroup,
    AnswerBy,
    CaseSchoolType,
    CaseStatus,
    Channel,
    Outcome,
    ReferralOutcome,
    RequesterKind,
    SupportKind,
)


class Case(models.Model):
    """One question and its handling. Personal data: the requester fields, texts and messages.

    Anonymisation empties those and keeps the statistical fields for reports.
    """

    support_point = models.ForeignKey(
        "tenants.SupportPoint", on_delete=models.PROTECT, related_name="cases", verbose_name=_("steunpunt")
    )
    reference = models.CharField(_("reference"), max_length=12, unique=True)
    # The secret of the private link ("mijn vraag"); whoever has the link reads the case's messages.
    access_token = models.CharField(max_length=64, unique=True)
    status = models.CharField(
        _("status"), max_length=20, choices=CaseStatus.choices, default=CaseStatus.NEW, db_index=True
    )
    channel = models.CharField(_("came in by"), max_length=20, choices=Channel.choices)
    urgent = models.BooleanField(
        _("urgent"), default=False, help_text=_("For example a child at home without school.")
    )
    requester_kind = models.CharField(_("who asks"), max_length=20, choices=RequesterKind.choices)
    age_group = models.CharField(
        _("age group"), max_length=10, choices=AgeGroup.choices, default=AgeGroup.UNKNOWN
    )
    school_type = models.CharField(
        _("type of school"), max_length=10, choices=CaseSchoolType.choices, default=CaseSchoolType.UNKNOWN
    )
    school = models.ForeignKey(
        "schools.School", on_delete=models.SET_NULL, null=True, blank=True, verbose_name=_("school")
    )
    school_name = models.CharField(_("school (typed)"), max_length=200, blank=True)
    themes = models.ManyToManyField("information.Theme", blank=True, verbose_name=_("themes"))
    question = models.TextField(_("question"))
    # Personal data; all optional: asking anonymously is allowed.
    requester_name = models.CharField(_("name"), max_length=200, blank=True)
    requester_email = models.EmailField(_("e-mail address"), blank=True)
    requester_phone = models.CharField(_("phone number"), max_length=40, blank=True)
    answer_by = models.CharField(
        _("answer by"), max_length=10, choices=AnswerBy.choices, default=AnswerBy.LINK
    )
    callback_times = models.CharField(_("best days and times to call"), max_length=300, blank=True)
    # The language the requester speaks best (core/languages.py) and whether staff need an interpreter.
    language = models.CharField(_("language"), max_length=10, choices=language_choices, default=DUTCH)
    interpreter_needed = models.BooleanField(_("interpreter needed"), default=False)
    consent_at = models.DateTimeField(_("consent given"), null=True, blank=True)
    evaluation_consent = models.BooleanField(_("may be asked how the help went"), default=False)
    # The one-time evaluation link, shown on the private page; the answers never point back here.
    evaluation_token = models.CharField(max_length=64, blank=True)
    assigned_to = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="assigned_cases",
        verbose_name=_("consultant"),
    )
    created_at = models.DateTimeField(_("received"), default=timezone.now, db_index=True)
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)
    first_contact_due = models.DateTimeField(_("first contact before"))
    first_contact_at = models.DateTimeField(_("first contact"), null=True, blank=True)
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True)
    outcome = models.CharField(_("outcome"), max_length=20, choices=Outcome.choices, blank=True)
    close_reason = models.TextField(_("reason for closing"), blank=True)
    anonymised_at = models.DateTimeField(_("anonymised"), null=True, blank=True)
    # Optimistic locking: a save based on an older version is refused and offered for merging.
    version = models.PositiveIntegerField(default=1)

    # Personal data, for the access layer (tenants/access.py): a screen that shows one is audited.
    PERSONAL_FIELDS = ("requester_name", "requester_email", "requester_phone", "question", "callback_times")

    class Meta:
        verbose_name = _("question")
        verbose_name_plural = _("questions")
        ordering = ["-created_at"]
        indexes = [
            # The inbox: a page of a steunpunt's questions by status, in triage order, is found in the
            # index alone (PostgreSQL; the order needs the included columns), then 50 rows are read.
            models.Index(
                fields=["support_point", "status", "created_at"],
                include=["id", "first_contact_at", "first_contact_due", "urgent", "assigned_to"],
                name="support_case_inbox_idx",
            ),
            models.Index(fields=["support_point", "assigned_to", "status"]),
            # The board report counts the questions closed in a period.
            models.Index(fields=["support_point", "closed_at"]),
        ]

    def __str__(self):
        return self.reference

    @property
    def address(self):
        """How every page and mail about this question speaks to the requester ("u" or "je")."""
        return address_for_requester_kind(self.requester_kind)

    @property
    def language_summary(self):
        """The language and the need of an interpreter in a few words, as the inbox shows them
        ("Arabisch · tolk")."""
        label = str(self.get_language_display())
        return f"{label} · {gettext('interpreter')}" if self.interpreter_needed else label

    @property
    def is_overdue(self):
        return (
            self.first_contact_at is None
            and self.status != CaseStatus.CLOSED
            and (self.first_contact_due < timezone.now())
        )


class CaseSupport(models.Model):
    """One kind of support given in a case (a case can get several)."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="support_given")
    kind = models.CharField(_("kind of support"), max_length=20, choices=SupportKind.choices)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["case", "kind"], name="unique_support_kind_per_case")]

    def __str__(self):
        return self.get_kind_display()


class StatusChange(models.Model):
    """The history of a case's status, for the case page and the report's lead times."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="status_changes")
    from_status = models.CharField(max_length=20, choices=CaseStatus.choices, blank=True)
    to_status = models.CharField(max_length=20, choices=CaseStatus.choices)
    by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True)
    at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["at", "pk"]

    def __str__(self):
        return f"{self.from_status} → {self.to_status}"


class Message(models.Model):
    """A message between the steunpunt and the requester, shown on the private page."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="messages")
    from_requester = models.BooleanField(default=False)
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True)
    body = models.TextField(_("message"))
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self):
        return f"{self.case} {self.created_at:%Y-%m-%d %H:%M}"


class Attachment(models.Model):
    """A file sent with a message, either way. Stored privately (see ``support/attachments.py``)."""

    message = models.ForeignKey(Message, on_delete=models.CASCADE, related_name="attachments")
    # Denormalised from the case so that the storage path needs no join.
    support_point = models.ForeignKey("tenants.SupportPoint", on_delete=models.CASCADE, related_name="+")
    file = models.FileField(_("file"), upload_to=attachment_path, storage=attachment_storage, max_length=255)
    name = models.CharField(_("file name"), max_length=200)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField(_("size in bytes"))

    # Personal data, for the access layer (tenants/access.py).
    PERSONAL_FIELDS = ("name", "file")

    class Meta:
        ordering = ["pk"]

    def __str__(self):
        return self.name


class Contact(models.Model):
    """A contact moment (contactmoment): how, when, how long, and what was discussed."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="contacts")
    channel = models.CharField(_("how"), max_length=20, choices=Channel.choices)
    on = models.DateField(_("date"), default=timezone.localdate)
    minutes = models.PositiveIntegerField(_("minutes"))
    summary = models.TextField(_("summary"))
    by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True)

    class Meta:
        ordering = ["on", "pk"]

    def __str__(self):
        return f"{self.case} {self.on}"


class Referral(models.Model):
    """A referral to an organisation on the social map, with consent and whether the family arrived."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="referrals")
    organisation = models.ForeignKey(
        "socialmap.Organisation", on_delete=models.PROTECT, verbose_name=_("organisation")
    )
    consent = models.BooleanField(_("the requester agrees"))
    outcome = models.CharField(
        _("did they arrive there?"),
        max_length=20,
        choices=ReferralOutcome.choices,
        default=ReferralOutcome.UNKNOWN,
    )
    note = models.TextField(_("note"), blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self):
        return f"{self.case} → {self.organisation}"


class Reminder(models.Model):
    """A follow-up reminder for the consultant."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="reminders")
    due_on = models.DateField(_("on"))
    note = models.CharField(_("what"), max_length=200)
    done_at = models.DateTimeField(null=True, blank=True)
    by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True)

    class Meta:
        ordering = ["due_on", "pk"]

    def __str__(self):
        return self.note


class SchoolReferral(models.Model):
    """A warm referral: a school contact person brought the family in, with the parent's consent.

    Stored with the case it became. The school sees only that a referral arrived and when (this row's
    ``submitted_at``), never the case: nothing here is shown to it but the date."""

    case = models.OneToOneField(Case, on_delete=models.CASCADE, related_name="school_referral")
    school = models.ForeignKey(
        "schools.School", on_delete=models.SET_NULL, null=True, related_name="+", verbose_name=_("school")
    )
    support_point = models.ForeignKey(
        "tenants.SupportPoint", on_delete=models.CASCADE, related_name="+", verbose_name=_("steunpunt")
    )
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    submitted_at = models.DateTimeField(_("received"), default=timezone.now)
    parent_consent = models.BooleanField(_("the parent agreed to the referral"))
    consent_statement = models.TextField(_("what the school confirmed"))
    is_demo = models.BooleanField(default=False, editable=False)

    class Meta:
        verbose_name = _("referral by a school")
        verbose_name_plural = _("referrals by schools")
        ordering = ["-submitted_at"]

    def __str__(self):
        return f"{self.school_id} → {self.case_id}"
