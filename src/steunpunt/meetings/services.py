"""Registering for a meeting, with a waiting list; cancelling frees a place for the next in line."""

from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _

from steunpunt.core.calendar import event_calendar
from steunpunt.core.site_languages import here
from steunpunt.outbox.services import mail_enqueue
from steunpunt.tenants.links import absolute_url

from .models import Meeting, Registration


def _mail(registration):
    context = {
        "registration": registration,
        "meeting": registration.meeting,
        "cancel_url": absolute_url(
            registration.meeting.support_point, here(f"/bijeenkomsten/afmelden/{registration.token}/")
        ),
    }
    mail_enqueue(
        to=registration.email,
        subject=render_to_string("meetings/mail_subject.txt", context).strip(),
        body=render_to_string("meetings/mail_body.txt", context),
        support_point=registration.meeting.support_point,
    )


@transaction.atomic
def registration_create(*, meeting, name, email):
    """Register someone: a place if there is one, otherwise the waiting list. Mails after commit."""
    meeting = Meeting.objects.select_for_update().get(pk=meeting.pk)
    taken = meeting.registrations.filter(status=Registration.Status.CONFIRMED).count()
    status = Registration.Status.CONFIRMED if taken < meeting.capacity else Registration.Status.WAITING
    registration = Registration.objects.create(meeting=meeting, name=name.strip(), email=email, status=status)
    _mail(registration)
    return registration


@transaction.atomic
def registration_cancel(*, registration):
    """Cancel; if that frees a place, the first on the waiting list gets it and an e-mail."""
    meeting = Meeting.objects.select_for_update().get(pk=registration.meeting_id)
    registration = Registration.objects.select_for_update().get(pk=registration.pk)
    if registration.status == Registration.Status.CANCELLED:
        return None
    freed = registration.status == Registration.Status.CONFIRMED
    registration.status = Registration.Status.CANCELLED
    registration.save(update_fields=["status"])
    if not freed:
        return None
    next_in_line = meeting.registrations.filter(status=Registration.Status.WAITING).first()
    if next_in_line:
        next_in_line.status = Registration.Status.CONFIRMED
        next_in_line.save(update_fields=["status"])
        _mail(next_in_line)
    return next_in_line


def ics_for(meeting):
    """Return the meeting as an iCalendar (RFC 5545) file, made now (its DTSTAMP)."""
    return event_calendar(
        uid=f"meeting-{meeting.pk}@{meeting.support_point.site.hostname}",
        stamp=timezone.now(),
        starts_at=meeting.starts_at,
        ends_at=meeting.ends_at,
        summary=meeting.title,
        description=meeting.description,
        location=meeting.place or meeting.online_url,
        url=meeting.online_url,
        organiser_name=meeting.support_point.name,
        organiser_email=meeting.support_point.email or "noreply@invalid",
    )


def status_message(registration):
    if registration.status == Registration.Status.CONFIRMED:
        return _("You are registered. You will get an e-mail with the details.")
    return _("The meeting is full. You are on the waiting list. We will e-mail you if a place comes free.")
