import datetime

import factory
from django.utils import timezone

from steunpunt.consultations.models import Booking, ConsultationSlot
from steunpunt.tenants.tests.factories import SupportPointFactory


def next_week_at(hour, minute=0):
    """Return a moment a week from now at ``hour:minute`` local time."""
    day = timezone.localdate() + datetime.timedelta(days=7)
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour, minute)))


class SlotFactory(factory.django.DjangoModelFactory):
    """A free half hour next week at 15:00, at a place."""

    class Meta:
        model = ConsultationSlot

    support_point = factory.SubFactory(SupportPointFactory)
    starts_at = factory.LazyFunction(lambda: next_week_at(15))
    ends_at = factory.LazyAttribute(lambda slot: slot.starts_at + datetime.timedelta(minutes=30))
    place = "Voorbeeldstraat 1, Groningen"


class BookingFactory(factory.django.DjangoModelFactory):
    """A parent's booking of a slot (a new slot of the same steunpunt unless given)."""

    class Meta:
        model = Booking

    slot = factory.SubFactory(SlotFactory)
    name = factory.Sequence(lambda n: f"Ouder {n}")
    email = factory.Sequence(lambda n: f"ouder{n}@example.test")
    phone = "06 12345678"
    requester_kind = "parent"
    topic = "Over de overstap van mijn zoon"
    consent_at = factory.LazyFunction(timezone.now)
