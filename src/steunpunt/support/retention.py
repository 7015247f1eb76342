"""Anonymising cases: after the retention period (a scheduled task) or at once on request (erasure).

What goes: names, contact details, the question and every free text, the messages and the files
sent with them, the private link. What stays: the statistical fields the reports count (channel,
who asks, age group, school type, school, themes, support given, dates, minutes, outcome).
"""

import secrets

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from steunpunt.privacy.models import AuditAction, AuditRecord
from steunpunt.tenants.models import SupportPoint

from .models import Attachment, Case, CaseStatus, Contact, Message, Referral, Reminder
from .signals import requester_data_removed

RETENTION_ACTOR = "retention task"


def months_before(moment, months):
    """Return ``moment`` minus ``months`` calendar months (the day capped at the month's end)."""
    month_index = moment.year * 12 + moment.month - 1 - months
    year, month = divmod(month_index, 12)
    month += 1
    for day in (moment.day, 30, 29, 28):
        try:
            return moment.replace(year=year, month=month, day=day)
        except ValueError:
            continue
    raise ValueError(moment)


def _strip(case_ids):
    """Remove the personal data of the cases ``case_ids`` and their bookings, in set-based statements.

    Files sent with the messages go too: their rows with the messages, the stored files once the
    transaction has committed (a rollback keeps them with their rows)."""
    attachments = Attachment.objects.filter(message__case_id__in=case_ids)
    stored = list(attachments.values_list("file", flat=True))
    if stored:
        storage = Attachment._meta.get_field("file").storage
        transaction.on_commit(lambda: [storage.delete(name) for name in stored])
    attachments.delete()
    Message.objects.filter(case_id__in=case_ids).delete()
    # Apps that keep personal data beside a case (consultation bookings) remove theirs too.
    requester_data_removed.send(sender=Case, case_ids=case_ids)
    Contact.objects.filter(case_id__in=case_ids).update(summary="")
    Referral.objects.filter(case_id__in=case_ids).update(note="")
    Reminder.objects.filter(case_id__in=case_ids).update(note="")
    cases = Case.objects.filter(pk__in=case_ids)
    cases.update(
        requester_name="",
        requester_email="",
        requester_phone="",
        callback_times="",
        question="",
        close_reason="",
        anonymised_at=timezone.now(),
    )
    # The private link stops working: a new random secret per case.
    for pk in case_ids:
        Case.objects.filter(pk=pk).update(access_token="x" + secrets.token_urlsafe(32))


def _audit_rows(cases, *, action, actor, actor_id=None, on_behalf_of, detail):
    AuditRecord.objects.bulk_create(
        AuditRecord(
            actor_id=actor_id,
            actor=actor,
            on_behalf_of=on_behalf_of,
            support_point_id=support_point_id,
            action=action,
            object_type="case",
            object_id=str(pk),
            detail=detail,
        )
        for pk, support_point_id in cases
    )


BATCH = 1000


def anonymise_expired_cases(now=None):
    """Anonymise every closed case whose steunpunt's retention period has passed. Returns the count."""
    now = now or timezone.now()
    done = 0
    for support_point in SupportPoint.objects.all():
        cutoff = months_before(now, support_point.retention_months)
        expired = Case.objects.filter(
            support_point=support_point,
            status=CaseStatus.CLOSED,
            closed_at__lt=cutoff,
            anonymised_at__isnull=True,
        ).values_list("pk", "support_point_id")
        while True:
            with transaction.atomic():
                batch = list(expired[:BATCH])
                if not batch:
                    break
                _strip([pk for pk, _sp in batch])
                _audit_rows(
                    batch,
                    action=AuditAction.ANONYMISE,
                    actor=RETENTION_ACTOR,
                    on_behalf_of=f"retention {support_point.retention_months} months",
                    detail="personal data removed",
                )
            done += len(batch)
    return done


def requester_cases(case, *, user):
    """Return the cases of the requester of ``case`` at its steunpunt that ``user`` may read in full:
    matched by e-mail address or phone number when given, otherwise only ``case`` itself.

    A match never reaches a case ``user`` may not read: entering a question with someone's phone
    number must not open that person's other questions.
    """
    from .selectors import cases_fully_readable_by

    match = Q(pk=case.pk)
    if case.requester_email:
        match |= Q(requester_email__iexact=case.requester_email)
    if case.requester_phone:
        match |= Q(requester_phone=case.requester_phone)
    return cases_fully_readable_by(user).filter(
        match, support_point_id=case.support_point_id, anonymised_at__isnull=True
    )


@transaction.atomic
def requester_erase(*, case, by):
    """Erase the personal data of the requester of ``case`` (all their cases here that ``by`` may read)
    now, with an audit record per case. Returns the count."""
    from steunpunt.tenants.access import role_codes

    cases = list(requester_cases(case, user=by).values_list("pk", "support_point_id"))
    _strip([pk for pk, _sp in cases])
    _audit_rows(
        cases,
        action=AuditAction.ERASE,
        actor=by.get_username(),
        actor_id=by.pk,
        on_behalf_of=role_codes(by, case.support_point_id),
        detail="erased on request",
    )
    return len(cases)
