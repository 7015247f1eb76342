"""Every write to a case. Each service is atomic and writes its audit record in the same transaction."""

import secrets

from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _

from steunpunt.core.address import speaking
from steunpunt.core.site_languages import language_prefix
from steunpunt.evaluations.services import evaluation_invite
from steunpunt.outbox.services import mail_enqueue, mails_enqueue
from steunpunt.privacy.models import AuditAction
from steunpunt.privacy.services import audit
from steunpunt.tenants.access import role_codes
from steunpunt.tenants.policy import Action, can

from .attachments import check_attachments
from .models import (
    AnswerBy,
    Attachment,
    Case,
    CaseSchoolType,
    CaseStatus,
    CaseSupport,
    Contact,
    Message,
    Referral,
    Reminder,
    SchoolReferral,
    StatusChange,
)
from .states import ALLOWED_TRANSITIONS, ON_REQUESTER_REPLY, ON_STAFF_WORK
from .workdays import add_working_days

# Letters and digits that cannot be mistaken for each other when read aloud or copied.
REFERENCE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
INTAKE_FIELDS = [
    "requester_kind",
    "age_group",
    "school_type",
    "school",
    "school_name",
    "question",
    "requester_name",
    "requester_email",
    "requester_phone",
    "answer_by",
    "callback_times",
    "urgent",
    "evaluation_consent",
    "language",
    "interpreter_needed",
]


class TransitionNotAllowed(Exception):
    """The case cannot go from its status to the one asked for; the message is Dutch."""


class CaseConflict(Exception):
    """Someone else saved the case since the form was opened; ``current`` is the saved case."""

    def __init__(self, current):
        super().__init__(_("Someone else changed this question while you were working on it."))
        self.current = current


def new_reference():
    return "V-" + "".join(secrets.choice(REFERENCE_ALPHABET) for _ in range(8))


def _admin_url(case):
    from django.urls import reverse

    from steunpunt.tenants.links import absolute_url

    # On the steunpunt's own host, where its staff sign in (a session belongs to one host).
    return absolute_url(case.support_point, reverse("support_case", args=[case.pk]))


def private_link(case):
    """Return the full address of the requester's private page for ``case``."""
    return f"{case.support_point.public_url}{language_prefix(case.language)}/mijn-vraag/{case.access_token}/"


def capacity(user, support_point_id):
    """Return the role codes in which ``user`` acts at a steunpunt, for the audit log (labelled there)."""
    if user is None:
        return "requester (private link)"
    return role_codes(user, support_point_id)


def _audit(case, by, action, detail=""):
    audit(
        actor=by,
        action=action,
        obj=case,
        support_point_id=case.support_point_id,
        on_behalf_of=capacity(by, case.support_point_id),
        detail=detail,
    )


def _requester_mail(case, template, extra=None):
    """The mail to the requester (the arguments of ``mail_enqueue``), or ``None``: the confirmation
    whenever an address was given, notices only on request."""
    if not case.requester_email or (template != "confirmation" and case.answer_by != AnswerBy.EMAIL):
        return None
    context = {"case": case, "link": private_link(case), "support_point": case.support_point, **(extra or {})}
    with speaking(case.address, case.language):
        subject = render_to_string(f"support/mail/{template}_subject.txt", context).strip()
        body = render_to_string(f"support/mail/{template}_body.txt", context)
    return {"to": case.requester_email, "subject": subject, "body": body, "support_point": case.support_point}


def _mail_requester(case, template, extra=None):
    """Mail the requester: the confirmation whenever an address was given, notices only on request."""
    mail = _requester_mail(case, template, extra)
    if mail is not None:
        mail_enqueue(**mail)


@transaction.atomic
def case_submit(
    *,
    support_point,
    channel,
    data,
    themes=(),
    support_kinds=(),
    by=None,
    consent=True,
    confirm=True,
    notify_steunpunt=None,
):
    """Store a new question and return it.

    ``data`` holds intake fields (see ``INTAKE_FIELDS``). A question about a child without a
    school is urgent. A confirmation with the reference and private link goes to the e-mail
    address, if one was given, after commit (unless ``confirm`` is false: the caller sends its own).
    The steunpunt's mailbox hears of it when it came in from outside (``by`` is None, or
    ``notify_steunpunt``).
    """
    now = timezone.now()
    fields = {name: data[name] for name in INTAKE_FIELDS if name in data and data[name] is not None}
    if fields.get("school_type") == CaseSchoolType.NONE:
        fields["urgent"] = True
    days = (
        support_point.urgent_first_contact_days if fields.get("urgent") else support_point.first_contact_days
    )
    case = Case.objects.create(
        support_point=support_point,
        reference=new_reference(),
        access_token=secrets.token_urlsafe(32),
        channel=channel,
        created_at=now,
        first_contact_due=add_working_days(now, days),
        consent_at=now if consent else None,
        **fields,
    )
    # Written directly, as the rows of a new case: ``themes.set`` would first read the (empty) list back.
    theme_ids = dict.fromkeys(getattr(theme, "pk", theme) for theme in themes)
    Case.themes.through.objects.bulk_create(
        Case.themes.through(case_id=case.pk, theme_id=theme_id) for theme_id in theme_ids
    )
    CaseSupport.objects.bulk_create(CaseSupport(case=case, kind=kind) for kind in support_kinds)
    StatusChange.objects.create(case=case, from_status="", to_status=CaseStatus.NEW, by=by, at=now)
    _audit(case, by, AuditAction.CREATE, f"channel {channel}")
    mails = []
    if case.requester_email and confirm:
        mails.append(_requester_mail(case, "confirmation"))
    if notify_steunpunt is None:
        notify_steunpunt = by is None
    if notify_steunpunt and support_point.email:
        # The steunpunt's own mailbox hears of a new question; the mail holds no personal data.
        context = {"case": case, "support_point": support_point, "admin_url": _admin_url(case)}
        mails.append(
            {
                "to": support_point.email,
                "subject": render_to_string("support/mail/staff_new_subject.txt", context).strip(),
                "body": render_to_string("support/mail/staff_new_body.txt", context),
                "support_point": support_point,
            }
        )
    # Both mails in one statement, sent in one round after commit.
    mails_enqueue(mails)
    return case


def _locked(case):
    return Case.objects.select_for_update().select_related("support_point").get(pk=case.pk)


@transaction.atomic
def case_transition(*, case, to, by, outcome="", reason=""):
    """Move ``case`` to status ``to`` if the table allows it; closing needs an outcome.

    Raises :class:`TransitionNotAllowed` with a Dutch message otherwise. Returns the case.
    """
    case = _locked(case)
    to = CaseStatus(to)
    if to not in ALLOWED_TRANSITIONS[CaseStatus(case.status)]:
        raise TransitionNotAllowed(
            _("A question that is “%(from)s” cannot become “%(to)s”.")
            % {"from": case.get_status_display(), "to": to.label}
        )
    now = timezone.now()
    if to == CaseStatus.CLOSED:
        if not outcome:
            raise TransitionNotAllowed(_("Choose an outcome before you close the question."))
        case.outcome, case.close_reason, case.closed_at = outcome, reason, now
    elif to == CaseStatus.REOPENED:
        case.closed_at = None
    StatusChange.objects.create(case=case, from_status=case.status, to_status=to, by=by, at=now)
    case.status = to
    case.version += 1
    case.save()
    _audit(case, by, AuditAction.CHANGE, f"status → {to}")
    if to == CaseStatus.CLOSED:
        evaluation_invite(case)
    return case


@transaction.atomic
def case_assign(*, case, consultant, by):
    """Assign ``case`` to ``consultant`` (or nobody), who must be able to handle cases there and,
    when ``by`` may not read the case, already read it (:func:`.selectors.assignable_for`)."""
    case = _locked(case)
    if consultant is not None and not can(consultant, Action.CASE_HANDLE, case.support_point_id):
        raise TransitionNotAllowed(_("This person cannot handle questions of this steunpunt."))
    if by is not None and consultant is not None:
        from .selectors import assignable_for

        if not assignable_for(by, case).filter(pk=consultant.pk).exists():
            raise TransitionNotAllowed(
                _("You can only give this question to someone who may already read it.")
            )
    case.assigned_to = consultant
    case.version += 1
    case.save()
    _audit(case, by, AuditAction.CHANGE, "assigned")
    return case


@transaction.atomic
def case_update(*, case, data, themes, support_kinds, expected_version, by):
    """Save the intake fields, themes and support given, unless someone saved in between.

    Raises :class:`CaseConflict` (nothing saved) when the case's version is not ``expected_version``.
    """
    current = _locked(case)
    if current.version != expected_version:
        raise CaseConflict(current)
    changed = [name for name in INTAKE_FIELDS if name in data and getattr(current, name) != data[name]]
    for name in changed:
        setattr(current, name, data[name])
    current.version += 1
    current.save()
    current.themes.set(themes)
    current.support_given.exclude(kind__in=support_kinds).delete()
    existing = set(current.support_given.values_list("kind", flat=True))
    CaseSupport.objects.bulk_create(
        CaseSupport(case=current, kind=kind) for kind in support_kinds if kind not in existing
    )
    _audit(current, by, AuditAction.CHANGE, ("fields: " + ", ".join(changed))[:200])
    return current


def _first_contact(case, now):
    if case.first_contact_at is None:
        case.first_contact_at = now


def _follow_work(case, moves, by, now):
    """Move ``case`` (locked) as the table ``moves`` in ``states.py`` says, with its history row."""
    to = moves.get(CaseStatus(case.status))
    if to is not None:
        StatusChange.objects.create(case=case, from_status=case.status, to_status=to, by=by, at=now)
        case.status = to


def _attach(message, checked):
    from pathlib import PurePath

    for upload, content_type in checked:
        Attachment.objects.create(
            message=message,
            support_point_id=message.case.support_point_id,
            file=upload,
            name=PurePath(upload.name).name[:200],
            content_type=content_type,
            size=upload.size,
        )


@transaction.atomic
def message_from_staff(*, case, body, by, files=()):
    """Send a message, with files if any, to the requester's private page (and an e-mail notice if
    they asked for one).

    Every file is checked first (:class:`AttachmentRefused`, nothing stored, for a bad one). A new
    question becomes "in progress" (``ON_STAFF_WORK``); the first message counts as the first contact.
    """
    checked = check_attachments(files)
    case = _locked(case)
    now = timezone.now()
    message = Message.objects.create(case=case, body=body.strip(), author=by, created_at=now)
    _attach(message, checked)
    _first_contact(case, now)
    _follow_work(case, ON_STAFF_WORK, by, now)
    case.version += 1
    case.save()
    _audit(case, by, AuditAction.CHANGE, f"message sent, {len(checked)} files")
    _mail_requester(case, "new_message")
    return message


@transaction.atomic
def message_from_requester(*, case, body, files=()):
    """Store the requester's reply (with files, checked as for staff) from the private page; a case
    waiting for it is picked up again (``ON_REQUESTER_REPLY``)."""
    case = _locked(case)
    if case.status == CaseStatus.CLOSED or case.anonymised_at:
        raise TransitionNotAllowed(_("This question is closed. Ask a new question if you need more help."))
    checked = check_attachments(files)
    now = timezone.now()
    message = Message.objects.create(case=case, body=body.strip(), from_requester=True, created_at=now)
    _attach(message, checked)
    _follow_work(case, ON_REQUESTER_REPLY, None, now)
    case.version += 1
    case.save()
    _audit(case, None, AuditAction.CHANGE, f"message from requester, {len(checked)} files")
    return message


@transaction.atomic
def contact_add(*, case, channel, on, minutes, summary, by):
    """Log a contact moment; the first one counts as the first contact, and a new question becomes
    "in progress" (``ON_STAFF_WORK``)."""
    case = _locked(case)
    contact = Contact.objects.create(
        case=case, channel=channel, on=on, minutes=minutes, summary=summary, by=by
    )
    now = timezone.now()
    _first_contact(case, now)
    _follow_work(case, ON_STAFF_WORK, by, now)
    case.version += 1
    case.save()
    _audit(case, by, AuditAction.CHANGE, "contact logged")
    return contact


@transaction.atomic
def referral_add(*, case, organisation, consent, note, by):
    """Refer to a social-map organisation; without the requester's consent nothing is stored."""
    if not consent:
        raise TransitionNotAllowed(_("Ask the requester for consent before you refer them."))
    case = _locked(case)
    referral = Referral.objects.create(case=case, organisation=organisation, consent=True, note=note)
    if not case.support_given.filter(kind="referral").exists():
        CaseSupport.objects.create(case=case, kind="referral")
    case.version += 1
    case.save()
    _audit(case, by, AuditAction.CHANGE, "referral added")
    return referral


@transaction.atomic
def referral_outcome_set(*, referral, outcome, by):
    referral.outcome = outcome
    referral.save(update_fields=["outcome"])
    _audit(referral.case, by, AuditAction.CHANGE, "referral outcome")
    return referral


@transaction.atomic
def reminder_add(*, case, due_on, note, by):
    reminder = Reminder.objects.create(case=case, due_on=due_on, note=note, by=by)
    _audit(case, by, AuditAction.CHANGE, "reminder added")
    return reminder


@transaction.atomic
def reminder_done(*, reminder, by):
    reminder.done_at = timezone.now()
    reminder.save(update_fields=["done_at"])
    _audit(reminder.case, by, AuditAction.CHANGE, "reminder done")
    return reminder


@transaction.atomic
def school_referral_submit(*, school, support_point, by, data, consent_statement, is_demo=False):
    """A warm referral by a school contact person: becomes a case with channel "school" through
    :func:`case_submit` (the parent gets the confirmation with the private link), stored with the
    parent's consent. ``data`` holds intake fields plus ``tried`` (what has been tried already).
    Returns the :class:`SchoolReferral`, the only thing the school sees of it (its date)."""
    from .models import Channel, RequesterKind

    question = data["question"].strip()
    tried = (data.get("tried") or "").strip()
    if tried:
        label = _("Tried already")
        question = f"{question}\n\n{label}: {tried}"
    intake = {
        **{
            name: data.get(name) for name in ("age_group", "school_type", "requester_name", "requester_phone")
        },
        "requester_email": data.get("requester_email") or "",
        "requester_kind": RequesterKind.PARENT,
        "school": school,
        "school_name": school.name,
        "question": question,
        "answer_by": data.get("answer_by")
        or (AnswerBy.EMAIL if data.get("requester_email") else AnswerBy.PHONE),
    }
    case = case_submit(
        support_point=support_point,
        channel=Channel.SCHOOL,
        data=intake,
        by=by,
        consent=True,
        notify_steunpunt=True,
    )
    return SchoolReferral.objects.create(
        case=case,
        school=school,
        support_point=support_point,
        submitted_by=by,
        submitted_at=case.created_at,
        parent_consent=True,
        consent_statement=consent_statement,
        is_demo=is_demo,
    )
