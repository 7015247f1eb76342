from django.dispatch import receiver

from steunpunt.support.signals import case_timeline_entries, requester_data_removed

from .models import Booking, BookingChange


@receiver(requester_data_removed)
def remove_booking_details(sender, case_ids, **kwargs):
    """A case's requester data goes: so do the name, contact details and topic of its bookings."""
    Booking.objects.filter(case_id__in=case_ids).update(name="", email="", phone="", topic="")


@receiver(case_timeline_entries)
def booking_timeline_entries(sender, case, **kwargs):
    """Every booking, move and cancellation of ``case``'s spreekuur appointments, for its timeline."""
    return [
        {"kind": "booking", "at": change.at, "object": change}
        for change in BookingChange.objects.filter(booking__case=case).select_related("by", "booking")
    ]
