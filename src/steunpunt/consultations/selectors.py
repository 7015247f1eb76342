"""Scoped reads: public pages start from the request's steunpunt, the back office from the acting user.

Who may do what (from ``tenants/policy.py``):
- slots: whoever receives or handles questions at a steunpunt (volunteers, consultants, coordinators);
- bookings (names, contact details, topic): whoever receives that steunpunt's questions (volunteers,
  consultants), and a coordinator for the bookings whose question is assigned to them.
"""

from django.db.models import Exists, OuterRef, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from steunpunt.tenants.access import scoped
from steunpunt.tenants.policy import Action
from steunpunt.tenants.selectors import support_points_for

from .models import Booking, ConsultationSlot


def _active_booking():
    return Booking.objects.filter(slot=OuterRef("pk"), status=Booking.Status.BOOKED)


def slots_of(support_point):
    """Return every slot of ``support_point``, past and booked ones included."""
    return ConsultationSlot.objects.filter(support_point=support_point).select_related("support_point")


def free_slots_by_day(support_point, now=None):
    """Return ``[(day, [slot, …]), …]``: the future slots nobody booked, by local day, earliest first."""
    slots = (
        slots_of(support_point).filter(starts_at__gt=now or timezone.now()).exclude(Exists(_active_booking()))
    )
    days = {}
    for slot in slots:
        days.setdefault(timezone.localdate(slot.starts_at), []).append(slot)
    return list(days.items())


def booking_refusal(slot, now=None):
    """Return the Dutch reason why ``slot`` cannot be booked now, or ``None`` if it can."""
    if slot.starts_at <= (now or timezone.now()):
        return _("This time has passed. Please choose another time.")
    if slot.bookings.filter(status=Booking.Status.BOOKED).exists():
        return _("Someone else has booked this time. Please choose another time.")
    return None


def booking_for_token(support_point, token):
    """Return the booking whose link holds ``token`` at ``support_point``, or ``None``."""
    return (
        Booking.objects.select_related("slot__support_point__site")
        .filter(token=token, slot__support_point=support_point)
        .first()
    )


def slot_support_points(user):
    """Return the steunpunten whose slots ``user`` manages."""
    return support_points_for(user, Action.CASE_RECEIVE) | support_points_for(user, Action.CASE_HANDLE)


def with_booked_flag(slots):
    """Return ``slots`` (a queryset), each with ``is_booked``."""
    return slots.select_related("support_point").annotate(is_booked=Exists(_active_booking()))


def bookings_visible_to(user):
    """Return the bookings whose personal data ``user`` may read."""
    return scoped(
        Booking.objects.all(),
        user,
        Action.CASE_RECEIVE,
        (Action.CASE_HANDLE, Q(case__assigned_to=user)),
        steunpunt_field="slot__support_point",
    ).select_related("slot__support_point", "case")


def free_slots_for_move(booking, now=None):
    """Return the future free slots of ``booking``'s steunpunt it may be moved to."""
    return (
        slots_of(booking.slot.support_point)
        .filter(starts_at__gt=now or timezone.now())
        .exclude(pk=booking.slot_id)
        .exclude(Exists(_active_booking()))
    )
