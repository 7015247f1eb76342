from django.dispatch import receiver

from steunpunt.support.signals import requester_data_removed

from .models import Booking


@receiver(requester_data_removed)
def remove_booking_details(sender, case_ids, **kwargs):
    """A case's requester data goes: so do the name, contact details and topic of its bookings."""
    Booking.objects.filter(case_id__in=case_ids).update(name="", email="", phone="", topic="")
