"""Every write of the consultation hours. Each service is atomic; mail goes through the outbox."""

import datetime

from django.conf import settings
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from steunpunt.core import site_languages
from steunpunt.core.address import for_requester_kind as address_for_requester_kind
from steunpunt.core.address import speaking
from steunpunt.core.calendar import event_calendar
from steunpunt.core.site_languages import here, language_prefix
from steunpunt.outbox.services import mail_enqueue
from steunpunt.privacy.models import AuditAction
from steunpunt.privacy.services import audit
from steunpunt.support.models import AnswerBy, Channel
from steunpunt.support.services import case_submit, private_link
from steunpunt.tenants.links import absolute_url

from .models import Booking, BookingChange, ConsultationSlot
from .selectors import booking_refusal

SLOT_FIELDS = ["starts_at", "ends_at", "place", "online_url", "note"]
REQUESTER = "requester (consultation booking)"


class Refused(Exception):
    """The slot or booking cannot be changed now; the message is Dutch and says why."""


def _locked_slot(slot):
    return ConsultationSlot.objects.select_for_update().select_related("support_point__site").get(pk=slot.pk)


def _refuse_if_booked(slot):
    if slot.bookings.filter(status=Booking.Status.BOOKED).exists():
        raise Refused(
            _("This time is booked, so you cannot change or remove it. Contact the person who booked.")
        )


@transaction.atomic
def slot_create(*, support_point, data, by, repeat_weeks=0):
    """Create a slot from ``data`` (``SLOT_FIELDS``), and the same local time on each of the next
    ``repeat_weeks`` weeks. Returns the slots, earliest first; raises ``ValidationError`` on bad data.
    """
    first = timezone.localtime(data["starts_at"]).replace(tzinfo=None)
    length = data["ends_at"] - data["starts_at"]
    slots = []
    for week in range(repeat_weeks + 1):
        # Counted in local time, so "every Tuesday at 15:00" stays 15:00 across a change to summer time.
        starts_at = timezone.make_aware(first + datetime.timedelta(weeks=week))
        slot = ConsultationSlot(
            support_point=support_point,
            created_by=by,
            **{**data, "starts_at": starts_at, "ends_at": starts_at + length},
        )
        slot.full_clean()
        slot.save()
        slots.append(slot)
    return slots


@transaction.atomic
def slot_update(*, slot, data):
    """Save ``data`` (``SLOT_FIELDS``) on a free slot. Raises ``Refused`` if someone booked it."""
    slot = _locked_slot(slot)
    _refuse_if_booked(slot)
    for name in SLOT_FIELDS:
        setattr(slot, name, data[name])
    slot.full_clean()
    slot.save()
    return slot


@transaction.atomic
def slot_delete(*, slot):
    """Delete a free slot (with its cancelled bookings). Raises ``Refused`` if someone booked it."""
    slot = _locked_slot(slot)
    _refuse_if_booked(slot)
    slot.delete()


def _audit(booking, action, detail, by=None):
    from steunpunt.tenants.access import role_codes

    audit(
        actor=by,
        action=action,
        obj=booking,
        support_point_id=booking.slot.support_point_id,
        on_behalf_of=REQUESTER if by is None else role_codes(by, booking.slot.support_point_id),
        detail=detail,
    )


def _record(booking, kind, by=None):
    """Write one line of the booking's history (shown in the question's timeline)."""
    return BookingChange.objects.create(booking=booking, kind=kind, starts_at=booking.slot.starts_at, by=by)


def next_opening_start(support_point, after, *, minutes=30):
    """Return the first start on or after ``after``'s next day, at an opening time of ``support_point``
    (the first opening period of a day, which fits ``minutes``), or ``None`` without opening hours."""
    periods = {}
    for period in support_point.opening_hours.all():
        length = datetime.datetime.combine(datetime.date.min, period.closes) - datetime.datetime.combine(
            datetime.date.min, period.opens
        )
        if length >= datetime.timedelta(minutes=minutes):
            periods.setdefault(period.weekday, period.opens)
    if not periods:
        return None
    day = timezone.localdate(after)
    for offset in range(1, 8):
        candidate = day + datetime.timedelta(days=offset)
        if candidate.weekday() in periods:
            return timezone.make_aware(datetime.datetime.combine(candidate, periods[candidate.weekday()]))
    return None


def _dutch(message):
    with translation.override(settings.LANGUAGE_CODE):
        return _(message)


def booking_link(booking):
    """Return the full address of the page where the booker sees and cancels ``booking``."""
    path = f"/spreekuur/afspraak/{booking.token}/"
    # In the language it was booked in (its question's), also when staff move or cancel it.
    path = f"{language_prefix(booking.case.language)}{path}" if booking.case else here(path)
    return absolute_url(booking.slot.support_point, path)


def booking_calendar(booking, *, link):
    """Return the appointment as an iCalendar file; ``link`` (to cancel) goes in its description.

    The same UID in every file of the booking; each move or cancellation raises the SEQUENCE, so a
    calendar replaces the appointment it has (a cancelled one is marked so)."""
    slot = booking.slot
    support_point = slot.support_point
    cancel = _("Can you not come? Cancel with this link: %(link)s") % {"link": link}
    changes = list(booking.changes.exclude(kind=BookingChange.Kind.BOOKED).values_list("at", flat=True))
    return event_calendar(
        uid=f"consultation-{booking.pk}@{support_point.site.hostname}",
        stamp=max(changes) if changes else booking.created_at,
        sequence=len(changes),
        cancelled=booking.status == Booking.Status.CANCELLED,
        starts_at=slot.starts_at,
        ends_at=slot.ends_at,
        summary=_("Consultation hour at %(name)s") % {"name": support_point.name},
        description="\n\n".join(text for text in (slot.note, cancel) if text),
        location=slot.place or slot.online_url,
        url=slot.online_url,
        organiser_name=support_point.name,
        organiser_email=support_point.email,
    )


# The mail of each change: templates ``consultations/mail_<name>subject.txt`` and ``…body.txt``.
MAILS = {"booked": "", "moved": "moved_", "cancelled": "cancelled_"}


def _mail_confirmation(booking, kind="booked", previous_start=None, by=None):
    """Mail the booker about ``kind`` (booked, moved, cancelled) with the updated calendar file."""
    link = booking_link(booking)
    context = {
        "booking": booking,
        "slot": booking.slot,
        "support_point": booking.slot.support_point,
        "link": link,
        "question_link": private_link(booking.case) if booking.case else "",
        "previous_start": previous_start,
        "by_staff": by is not None,
    }
    name = MAILS[kind]
    language = booking.case.language if booking.case else None
    with speaking(address_for_requester_kind(booking.requester_kind), language):
        subject = render_to_string(f"consultations/mail_{name}subject.txt", context).strip()
        body = render_to_string(f"consultations/mail_{name}body.txt", context)
        calendar = booking_calendar(booking, link=link)
    mail_enqueue(
        to=booking.email,
        subject=subject,
        body=body,
        attachments=[
            {
                "filename": "spreekuur.ics",
                "content": calendar,
                "mimetype": "text/calendar",
            }
        ],
        support_point=booking.slot.support_point,
    )


def slot_book(*, slot, data):
    """Book ``slot`` for the visitor in ``data`` (a valid ``BookingForm``'s cleaned data).

    Also puts a question with channel "consultation" in the steunpunt's inbox, linked from the
    booking, and mails the confirmation with a calendar file after commit. The slot's row is
    locked, so of two simultaneous requests one books and the other is refused. Raises
    ``Refused`` (and stores nothing) for a past or booked slot. Returns the booking.
    """
    try:
        with transaction.atomic():
            slot = _locked_slot(slot)
            refusal = booking_refusal(slot)
            if refusal is not None:
                raise Refused(refusal)
            case = case_submit(
                support_point=slot.support_point,
                channel=Channel.CONSULTATION,
                data={
                    "requester_kind": data["requester_kind"],
                    # Staff read the question in Dutch whatever the language of the page.
                    "question": data["topic"] or _dutch(gettext_noop("Appointment at the consultation hour")),
                    "language": site_languages.current(),
                    "requester_name": data["name"],
                    "requester_email": data["email"],
                    "requester_phone": data["phone"],
                    "answer_by": AnswerBy.EMAIL,
                },
                consent=True,
                # The booking confirmation below is the one mail the person gets.
                confirm=False,
            )
            booking = Booking.objects.create(
                slot=slot,
                case=case,
                name=data["name"],
                email=data["email"],
                phone=data["phone"],
                requester_kind=data["requester_kind"],
                topic=data["topic"],
                consent_at=case.consent_at,
            )
            _record(booking, BookingChange.Kind.BOOKED)
            _audit(booking, AuditAction.CREATE, "booked")
            _mail_confirmation(booking)
    except IntegrityError:
        # The database's own guard (one active booking per slot), for a database without row locks.
        refusal = booking_refusal(slot)
        if refusal is None:
            raise
        raise Refused(refusal) from None
    return booking


@transaction.atomic
def booking_cancel(*, booking, by=None):
    """Cancel ``booking``, which frees its slot; cancelling twice changes nothing.

    ``by`` is the staff member who cancels, ``None`` for the person through their own link. The
    person gets a mail with a calendar file that removes the appointment; the question's timeline
    shows the cancellation. The question in the inbox stays open, and the audit log gets no personal
    data. Raises ``Refused`` once the appointment has begun. Returns the booking.
    """
    booking = (
        Booking.objects.select_for_update(of=("self",))
        .select_related("slot__support_point__site")
        .get(pk=booking.pk)
    )
    if booking.status == Booking.Status.CANCELLED:
        return booking
    if booking.slot.is_past:
        raise Refused(_("This appointment has passed, so you cannot cancel it any more."))
    booking.status = Booking.Status.CANCELLED
    booking.save(update_fields=["status"])
    _record(booking, BookingChange.Kind.CANCELLED, by)
    _audit(booking, AuditAction.CHANGE, "cancelled" if by is None else "cancelled by staff", by)
    _mail_confirmation(booking, "cancelled", by=by)
    return booking


@transaction.atomic
def booking_move(*, booking, slot, by):
    """Move ``booking`` to the free future ``slot`` of the same steunpunt (staff only: ``by``).

    The person keeps their link and gets a mail with the updated calendar file (same UID, higher
    SEQUENCE); the question's timeline shows the move. Raises ``Refused`` (nothing changed) for a
    cancelled or past booking, or a slot that is past, booked or another steunpunt's.
    """
    booking = (
        Booking.objects.select_for_update(of=("self",))
        .select_related("slot__support_point__site")
        .get(pk=booking.pk)
    )
    if booking.status == Booking.Status.CANCELLED:
        raise Refused(_("This appointment was cancelled, so it cannot be moved."))
    if booking.slot.is_past:
        raise Refused(_("This appointment has passed, so you cannot move it any more."))
    target = _locked_slot(slot)
    if target.support_point_id != booking.slot.support_point_id:
        raise Refused(_("Choose a time of this steunpunt."))
    if target.pk == booking.slot_id:
        raise Refused(_("The appointment is already at this time. Choose another time."))
    refusal = booking_refusal(target)
    if refusal is not None:
        raise Refused(refusal)
    previous_start = booking.slot.starts_at
    booking.slot = target
    booking.save(update_fields=["slot"])
    _record(booking, BookingChange.Kind.MOVED, by)
    _audit(booking, AuditAction.CHANGE, "moved by staff", by)
    _mail_confirmation(booking, "moved", previous_start=previous_start, by=by)
    return booking
