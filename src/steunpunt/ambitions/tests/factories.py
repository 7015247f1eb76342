import datetime
from decimal import Decimal

import factory

from steunpunt.ambitions.kinds import Direction, Kind
from steunpunt.ambitions.models import Ambition, Criterion, HourlyRate, OtherCost, PupilCount
from steunpunt.support.models import Case
from steunpunt.support.tests.factories import CaseFactory
from steunpunt.tenants.tests.factories import SupportPointFactory


class AmbitionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Ambition

    support_point = factory.SubFactory(SupportPointFactory)
    text = factory.Sequence(lambda n: f"Ambitie {n}")


class CriterionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Criterion

    ambition = factory.SubFactory(AmbitionFactory)
    kind = Kind.SEARCHES_WITHOUT_RESULT
    parameter = None
    direction = Direction.AT_MOST
    target = Decimal(10)


class PupilCountFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PupilCount

    school_year = 2025
    pupils = 10000


class HourlyRateFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = HourlyRate

    valid_from = datetime.date(2025, 1, 1)
    amount = Decimal("60.00")


class OtherCostFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = OtherCost

    on = datetime.date(2025, 2, 1)
    description = factory.Sequence(lambda n: f"Kosten {n}")
    amount = Decimal("100.00")


def case_at(support_point, created, *, first_contact=None, closed=None, outcome="", **data):
    """A question through the service, with its timestamps set afterwards (as the report tests do)."""
    case = CaseFactory(support_point=support_point, **data)
    Case.objects.filter(pk=case.pk).update(
        created_at=created,
        first_contact_at=first_contact,
        closed_at=closed,
        status="closed" if closed else "new",
        outcome=outcome,
    )
    case.refresh_from_db()
    return case
