"""Every write of the consultation hours. Each service is atomic; mail goes through the outbox."""

import datetime

from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _

from steunpunt.core.address import for_requester_kind as address_for_requester_kind
from steunpunt.core.address import speaking
from steunpunt.core.calendar import event_calendar
from steunpunt.outbox.services import mail_enqueue
from steunpunt.privacy.models import AuditAction
from steunpunt.privacy.services import audit
from steunpunt.support.models import AnswerBy, Channel
from steunpunt.support.services import case_submit, private_link
from steunpunt.tenants.links import absolute_url

from .models import Booking, ConsultationSlot
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


def _audit(booking, action, detail):
    audit(
        actor=None,
        action=action,
        obj=booking,
        support_point_id=booking.slot.support_point_id,
        on_behalf_of=REQUESTER,
        detail=detail,
    )


def booking_link(booking):
    """Return the full address of the page where the booker sees and cancels ``booking``."""
    return absolute_url(booking.slot.support_point, f"/spreekuur/afspraak/{booking.token}/")


def booking_calendar(booking, *, link):
    """Return the appointment as an iCalendar file; ``link`` (to cancel) goes in its description."""
    slot = booking.slot
    support_point = slot.support_point
    cancel = _("Can you not come? Cancel with this link: %(link)s") % {"link": link}
    return event_calendar(
        uid=f"consultation-{booking.pk}@{support_point.site.hostname}",
        stamp=booking.created_at,
        starts_at=slot.starts_at,
        ends_at=slot.ends_at,
        summary=_("Consultation hour at %(name)s") % {"name": support_point.name},
        description="\n\n".join(text for text in (slot.note, cancel) if text),
        location=slot.place or slot.online_url,
        url=slot.online_url,
        organiser_name=support_point.name,
        organiser_email=support_point.email,
    )


def _mail_confirmation(booking):
    link = booking_link(booking)
    context = {
        "booking": booking,
        "slot": booking.slot,
        "support_point": booking.slot.support_point,
        "link": link,
        "question_link": private_link(booking.case) if booking.case else "",
    }
    with speaking(address_for_requester_kind(booking.requester_kind)):
        subject = render_to_string("consultations/mail_subject.txt", context).strip()
        body = render_to_string("consultations/mail_body.txt", context)
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
                    "question": data["topic"] or _("Appointment at the consultation hour"),
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
def booking_cancel(*, booking):
    """Cancel ``booking``, which frees its slot; cancelling twice changes nothing.

    The question in the inbox stays as it is, and the audit log gets no personal data.
    Raises ``Refused`` once the appointment has begun. Returns the booking.
    """
    booking = Booking.objects.select_for_update().select_related("slot").get(pk=booking.pk)
    if booking.status == Booking.Status.CANCELLED:
        return booking
    if booking.slot.is_past:
        raise Refused(_("This appointment has passed, so you cannot cancel it any more."))
    booking.status = Booking.Status.CANCELLED
    booking.save(update_fields=["status"])
    _audit(booking, AuditAction.CHANGE, "cancelled")
    return booking
