import datetime

import factory
from django.utils import timezone

from steunpunt.meetings.models import Meeting, Registration
from steunpunt.tenants.tests.factories import SupportPointFactory


class MeetingFactory(factory.django.DjangoModelFactory):
    """A two-hour theme evening a week from now."""

    class Meta:
        model = Meeting

    support_point = factory.SubFactory(SupportPointFactory)
    title = factory.Sequence(lambda n: f"Thema-avond {n}")
    description = "Wat moet u weten? Kom langs."
    starts_at = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=7))
    ends_at = factory.LazyAttribute(lambda meeting: meeting.starts_at + datetime.timedelta(hours=2))
    place = "Voorbeeldstraat 1, Groningen"
    capacity = 20


class RegistrationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Registration

    meeting = factory.SubFactory(MeetingFactory)
    name = factory.Sequence(lambda n: f"Ouder {n}")
    email = factory.Sequence(lambda n: f"ouder{n}@example.test")
    status = Registration.Status.CONFIRMED
