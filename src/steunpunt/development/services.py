"""Writes for the steunpunt's development; each atomic. Changes to the network's personal data
write their audit record in the same transaction."""

from pathlib import PurePath

from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from steunpunt.privacy.models import AuditAction
from steunpunt.privacy.services import audit
from steunpunt.support.services import capacity

from .blocks import BLOCK_CODES
from .choices import BlockStatus, StepStatus
from .models import (
    BlockAssessment,
    Cycle,
    CycleStep,
    EvidenceFile,
    NetworkMember,
    SelfAssessment,
    WorkingGroupMeeting,
)
from .selectors import step_owners
from .states import can_move
from .steps import LAST_STEP, STEPS
from .uploads import MAX_FILES_PER_BLOCK, UploadRefused, check_upload


class DevelopmentError(Exception):
    """A change that is not allowed; the message is Dutch."""


def _not_in_future(day, message):
    if day and day > timezone.localdate():
        raise DevelopmentError(message)


# Self-assessment.


@transaction.atomic
def assessment_record(*, support_point, assessed_on, blocks, note="", by):
    """Store a new dated snapshot of the nine building blocks and return it.

    ``blocks`` maps each block code to ``{"status", "evidence", "links", "files", "keep"}``:
    ``files`` are uploaded files, ``keep`` evidence files of an earlier snapshot of the same
    steunpunt that this snapshot keeps (the stored file is shared, not copied).
    """
    if set(blocks) != set(BLOCK_CODES):
        raise DevelopmentError(_("Choose a status for each of the nine building blocks."))
    _not_in_future(assessed_on, _("The date of the self-assessment cannot be in the future."))
    for code in BLOCK_CODES:
        if blocks[code].get("status") not in BlockStatus.values:
            raise DevelopmentError(_("Choose a status for each of the nine building blocks."))
        kept = list(blocks[code].get("keep", ()))
        if any(evidence.support_point_id != support_point.pk for evidence in kept):
            raise DevelopmentError(_("A file of another steunpunt cannot be kept."))
        if len(kept) + len(blocks[code].get("files", ())) > MAX_FILES_PER_BLOCK:
            raise DevelopmentError(
                _("Add at most %(count)s files per building block.") % {"count": MAX_FILES_PER_BLOCK}
            )
    checked = {}
    for code in BLOCK_CODES:
        for upload in blocks[code].get("files", ()):
            try:
                checked[id(upload)] = check_upload(upload)
            except UploadRefused as refusal:
                raise DevelopmentError(str(refusal)) from None

    assessment = SelfAssessment.objects.create(
        support_point=support_point, assessed_on=assessed_on, note=note.strip(), recorded_by=by
    )
    for code in BLOCK_CODES:
        data = blocks[code]
        row = BlockAssessment.objects.create(
            assessment=assessment,
            block=code,
            status=data["status"],
            evidence=data.get("evidence", "").strip(),
            links=list(data.get("links", ())),
        )
        for evidence in data.get("keep", ()):
            EvidenceFile.objects.create(
                block_assessment=row,
                support_point=support_point,
                file=evidence.file.name,
                name=evidence.name,
                content_type=evidence.content_type,
                size=evidence.size,
                uploaded_at=evidence.uploaded_at,
                uploaded_by=evidence.uploaded_by,
            )
        for upload in data.get("files", ()):
            EvidenceFile.objects.create(
                block_assessment=row,
                support_point=support_point,
                file=upload,
                name=PurePath(upload.name).name[:200],
                content_type=checked[id(upload)],
                size=upload.size,
                uploaded_by=by,
            )
    return assessment


# The plan.


@transaction.atomic
def cycle_start(*, support_point, by, on=None):
    """Start the first round of the plan, or a new round once step 8 of the open round is completed.

    The open round is closed on ``on`` (today by default) and stays readable; the new round has
    the eight steps, not started.
    """
    on = on or timezone.localdate()
    current = (
        Cycle.objects.select_for_update().filter(support_point=support_point, closed_on__isnull=True).first()
    )
    if current is not None:
        last = current.steps.get(number=LAST_STEP)
        if last.status != StepStatus.COMPLETED:
            raise DevelopmentError(_("A new round starts after step 8, “Evalueren in proces”, is completed."))
        current.closed_on = on
        current.save(update_fields=["closed_on"])
    number = (Cycle.objects.filter(support_point=support_point).aggregate(n=Max("number"))["n"] or 0) + 1
    try:
        with transaction.atomic():
            cycle = Cycle.objects.create(
                support_point=support_point, number=number, started_on=on, started_by=by
            )
    except IntegrityError:
        # Two people pressed "start" at the same moment; the constraints let only one round open.
        raise DevelopmentError(
            _("Someone else started a round at the same moment. Look at the plan again.")
        ) from None
    CycleStep.objects.bulk_create(CycleStep(cycle=cycle, number=step.number) for step in STEPS)
    return cycle


def _locked_open_step(step):
    step = CycleStep.objects.select_for_update().select_related("cycle").get(pk=step.pk)
    if not step.cycle.is_open:
        raise DevelopmentError(_("This round is closed. Earlier rounds can be read, not changed."))
    return step


def _move(step, status):
    """Give ``step`` (locked, unsaved) ``status`` following ``states.ALLOWED_TRANSITIONS``."""
    status = StepStatus(status)
    if status == step.status:
        return
    if not can_move(step.status, status):
        raise DevelopmentError(
            _("A step that is “%(from)s” cannot become “%(to)s”.")
            % {"from": StepStatus(step.status).label, "to": status.label}
        )
    today = timezone.localdate()
    if status == StepStatus.UNDER_WAY and step.status == StepStatus.NOT_STARTED and not step.starts_on:
        step.starts_on = today
    step.completed_on = today if status == StepStatus.COMPLETED else None
    step.status = status


@transaction.atomic
def step_transition(*, step, to, by):
    """Move a step of the open round to status ``to``; nothing else changes."""
    step = _locked_open_step(step)
    _move(step, to)
    step.updated_by = by
    step.save()
    return step


@transaction.atomic
def step_update(*, step, status, notes="", owner=None, owner_name="", starts_on=None, due_on=None, by):
    """Change a step of the open round: all its fields at once, as the edit form does. The status
    follows ``states.ALLOWED_TRANSITIONS``; the owner is one of the steunpunt's staff or a name in
    ``owner_name``."""
    step = _locked_open_step(step)
    if owner is not None and not step_owners(step.cycle.support_point_id).filter(pk=owner.pk).exists():
        raise DevelopmentError(_("Choose someone who works at this steunpunt, or type a name."))
    if starts_on and due_on and due_on < starts_on:
        raise DevelopmentError(_("The due date is before the start date."))
    step.starts_on, step.due_on = starts_on, due_on
    _move(step, status)
    step.notes = notes.strip()
    step.owner = owner
    step.owner_name = "" if owner is not None else owner_name.strip()
    step.updated_by = by
    step.save()
    return step


# The network. Contact details are personal data: consent first, and every read and change audited.

MEMBER_FIELDS = ("kind", "name", "organisation", "role", "email", "phone", "consent_on", "consent_scope")


def _audit_member(member, by, action, detail):
    # Without a user the platform itself acts (the demo data), never a requester.
    audit(
        actor=by if by is not None else "system",
        action=action,
        obj=member,
        support_point_id=member.support_point_id,
        on_behalf_of=capacity(by, member.support_point_id) if by is not None else "system",
        detail=detail,
    )


def _clean_member(data):
    data = {name: data.get(name) for name in MEMBER_FIELDS}
    for name in ("name", "organisation", "role", "email", "phone", "consent_scope"):
        data[name] = (data[name] or "").strip()
    if not data["name"]:
        raise DevelopmentError(_("Fill in a name."))
    if (data["email"] or data["phone"]) and not (data["consent_on"] and data["consent_scope"]):
        raise DevelopmentError(
            _(
                "Contact details may only be stored with consent. Fill in the date of consent and what "
                "the person agreed to, or leave the e-mail address and phone number empty."
            )
        )
    _not_in_future(data["consent_on"], _("The date of consent cannot be in the future."))
    return data


@transaction.atomic
def member_create(*, support_point, data, by):
    data = _clean_member(data)
    member = NetworkMember.objects.create(support_point=support_point, **data)
    filled = [name for name in MEMBER_FIELDS if data[name]]
    _audit_member(member, by, AuditAction.CREATE, "fields: " + ", ".join(filled))
    return member


@transaction.atomic
def member_update(*, member, data, by):
    member = NetworkMember.objects.select_for_update().get(pk=member.pk)
    data = _clean_member(data)
    changed = [name for name in MEMBER_FIELDS if getattr(member, name) != data[name]]
    if changed:
        for name in changed:
            setattr(member, name, data[name])
        member.save()
        _audit_member(member, by, AuditAction.CHANGE, "fields: " + ", ".join(changed))
    return member


@transaction.atomic
def member_remove(*, member, by):
    """Delete ``member`` for good (also from the attendance of meetings); the audit log keeps that
    it happened, not the data."""
    _audit_member(member, by, AuditAction.ERASE, "removed from the network")
    member.delete()


@transaction.atomic
def network_shown(*, members, by, where):
    """Record that a page showed the contact details of ``members`` to ``by``."""
    for member in members:
        if member.has_contact_details:
            _audit_member(member, by, AuditAction.READ, f"contact details: {where}")


# Working-group meetings.


def _check_attendees(support_point, attendees):
    attendees = list(attendees)
    if any(member.support_point_id != support_point.pk for member in attendees):
        raise DevelopmentError(_("Only people from the network of this steunpunt can be present."))
    return attendees


@transaction.atomic
def meeting_create(*, support_point, held_on, notes, decisions="", attendees=(), by):
    attendees = _check_attendees(support_point, attendees)
    if not notes.strip():
        raise DevelopmentError(_("Write down what was discussed."))
    meeting = WorkingGroupMeeting.objects.create(
        support_point=support_point,
        held_on=held_on,
        notes=notes.strip(),
        decisions=decisions.strip(),
        created_by=by,
    )
    meeting.attendees.set(attendees)
    return meeting


@transaction.atomic
def meeting_update(*, meeting, held_on, notes, decisions="", attendees=(), by):
    attendees = _check_attendees(meeting.support_point, attendees)
    if not notes.strip():
        raise DevelopmentError(_("Write down what was discussed."))
    meeting.held_on, meeting.notes, meeting.decisions = held_on, notes.strip(), decisions.strip()
    meeting.save()
    meeting.attendees.set(attendees)
    return meeting
