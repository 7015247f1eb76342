"""The steunpunt's own development: dated self-assessments of the nine building blocks, the
eight-step plan in cycles, and its network with the working group's meetings."""

import uuid
from pathlib import PurePath

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .blocks import BLOCKS
from .choices import BlockStatus, MemberKind, StepStatus
from .steps import STEPS_BY_NUMBER
from .storage import evidence_storage

BLOCK_CHOICES = [(block.code, block.name) for block in BLOCKS]


class SelfAssessment(models.Model):
    """One dated snapshot of all nine building blocks, recorded by the coordinator with the working
    group. Snapshots are never changed afterwards: a new assessment is a new snapshot."""

    support_point = models.ForeignKey(
        "tenants.SupportPoint",
        on_delete=models.CASCADE,
        related_name="self_assessments",
        verbose_name=_("steunpunt"),
    )
    assessed_on = models.DateField(_("date of the self-assessment"), default=timezone.localdate)
    note = models.TextField(_("notes"), blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("self-assessment")
        verbose_name_plural = _("self-assessments")
        ordering = ["-assessed_on", "-pk"]
        indexes = [models.Index(fields=["support_point", "assessed_on"])]

    def __str__(self):
        return f"{self.support_point_id} {self.assessed_on:%Y-%m-%d}"


class BlockAssessment(models.Model):
    """The status of one building block in a snapshot, with its evidence."""

    assessment = models.ForeignKey(SelfAssessment, on_delete=models.CASCADE, related_name="blocks")
    block = models.CharField(_("building block"), max_length=30, choices=BLOCK_CHOICES)
    status = models.CharField(_("status"), max_length=20, choices=BlockStatus.choices)
    evidence = models.TextField(_("evidence"), blank=True)
    links = models.JSONField(_("links"), default=list, blank=True)

    class Meta:
        verbose_name = _("building block in a self-assessment")
        verbose_name_plural = _("building blocks in a self-assessment")
        constraints = [
            models.UniqueConstraint(fields=["assessment", "block"], name="development_one_status_per_block")
        ]

    def __str__(self):
        return f"{self.block}: {self.status}"


def evidence_path(instance, filename):
    """A random name in a folder per steunpunt: the original name is kept in the row, not on disk."""
    suffix = PurePath(filename).suffix.lower()[:10]
    return f"development/{instance.support_point_id}/{uuid.uuid4().hex}{suffix}"


class EvidenceFile(models.Model):
    """A file that shows the status of a building block. Stored privately (see ``storage.py``);
    a later snapshot may keep the same stored file, so stored files are never deleted by it."""

    block_assessment = models.ForeignKey(BlockAssessment, on_delete=models.CASCADE, related_name="files")
    # Denormalised from the snapshot so that the storage path and the scoped reads need no join.
    support_point = models.ForeignKey("tenants.SupportPoint", on_delete=models.CASCADE, related_name="+")
    file = models.FileField(_("file"), upload_to=evidence_path, storage=evidence_storage, max_length=255)
    name = models.CharField(_("file name"), max_length=200)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField(_("size in bytes"))
    uploaded_at = models.DateTimeField(default=timezone.now)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("evidence file")
        verbose_name_plural = _("evidence files")
        ordering = ["pk"]

    def __str__(self):
        return self.name


class Cycle(models.Model):
    """One round of the eight steps (plan–do–check–act). Only the newest round of a steunpunt is
    open; earlier rounds are closed and stay readable."""

    support_point = models.ForeignKey(
        "tenants.SupportPoint", on_delete=models.CASCADE, related_name="cycles", verbose_name=_("steunpunt")
    )
    number = models.PositiveSmallIntegerField(_("round"))
    started_on = models.DateField(_("started on"), default=timezone.localdate)
    closed_on = models.DateField(_("closed on"), null=True, blank=True)
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("round of the plan")
        verbose_name_plural = _("rounds of the plan")
        ordering = ["-number"]
        constraints = [
            models.UniqueConstraint(fields=["support_point", "number"], name="development_cycle_number"),
            models.UniqueConstraint(
                fields=["support_point"],
                condition=Q(closed_on__isnull=True),
                name="development_one_open_cycle",
            ),
        ]

    def __str__(self):
        return f"{self.support_point_id} #{self.number}"

    @property
    def is_open(self):
        return self.closed_on is None


class CycleStep(models.Model):
    """One of the eight steps in a round: notes, owner, dates and status."""

    cycle = models.ForeignKey(Cycle, on_delete=models.CASCADE, related_name="steps")
    number = models.PositiveSmallIntegerField(_("step"))
    status = models.CharField(
        _("status"), max_length=20, choices=StepStatus.choices, default=StepStatus.NOT_STARTED
    )
    notes = models.TextField(_("notes"), blank=True)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("owner"),
    )
    owner_name = models.CharField(_("owner (someone without an account)"), max_length=200, blank=True)
    starts_on = models.DateField(_("start date"), null=True, blank=True)
    due_on = models.DateField(_("due date"), null=True, blank=True)
    completed_on = models.DateField(_("completed on"), null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("step")
        verbose_name_plural = _("steps")
        ordering = ["cycle", "number"]
        constraints = [
            models.UniqueConstraint(fields=["cycle", "number"], name="development_step_number"),
            models.CheckConstraint(
                condition=Q(number__gte=1) & Q(number__lte=8), name="development_step_one_to_eight"
            ),
        ]

    def __str__(self):
        return f"{self.cycle} step {self.number}"

    @property
    def step(self):
        """The guideline's step (title, description, questions)."""
        return STEPS_BY_NUMBER[self.number]

    @property
    def owner_display(self):
        if self.owner_id:
            return self.owner.get_full_name() or self.owner.get_username()
        return self.owner_name


class NetworkMember(models.Model):
    """A partner organisation, initiative or person in the steunpunt's network. Contact details
    are personal data: stored only with recorded consent, every read and change is audited, and
    removal deletes the row."""

    support_point = models.ForeignKey(
        "tenants.SupportPoint",
        on_delete=models.CASCADE,
        related_name="network_members",
        verbose_name=_("steunpunt"),
    )
    kind = models.CharField(_("kind"), max_length=30, choices=MemberKind.choices)
    name = models.CharField(_("name"), max_length=200)
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    role = models.CharField(_("role"), max_length=200, blank=True)
    email = models.EmailField(_("e-mail address"), blank=True)
    phone = models.CharField(_("phone number"), max_length=30, blank=True)
    consent_on = models.DateField(_("consent given on"), null=True, blank=True)
    consent_scope = models.TextField(_("what they agreed to"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("network member")
        verbose_name_plural = _("network")
        ordering = ["kind", "name", "pk"]

    def __str__(self):
        return self.name

    @property
    def has_contact_details(self):
        return bool(self.email or self.phone)


class WorkingGroupMeeting(models.Model):
    """A meeting of the working group: who was there, notes and decisions."""

    support_point = models.ForeignKey(
        "tenants.SupportPoint",
        on_delete=models.CASCADE,
        related_name="working_group_meetings",
        verbose_name=_("steunpunt"),
    )
    held_on = models.DateField(_("date"))
    attendees = models.ManyToManyField(
        NetworkMember, blank=True, related_name="meetings", verbose_name=_("present")
    )
    notes = models.TextField(_("notes"))
    decisions = models.TextField(_("decisions"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("working group meeting")
        verbose_name_plural = _("working group meetings")
        ordering = ["-held_on", "-pk"]

    def __str__(self):
        return f"{self.support_point_id} {self.held_on:%Y-%m-%d}"
