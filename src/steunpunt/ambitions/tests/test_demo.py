"""The demo loader of this app adds valid demo data once, however often it runs."""

import pytest
from django.utils import timezone

from steunpunt.ambitions.costs import cost_summary
from steunpunt.ambitions.demo import load_demo
from steunpunt.ambitions.measures import criteria_results
from steunpunt.ambitions.models import Ambition, Criterion, HourlyRate, OtherCost, PupilCount
from steunpunt.ambitions.services import criterion_errors
from steunpunt.reports.periods import period_from
from steunpunt.tenants.tests.factories import SupportPointFactory

pytestmark = pytest.mark.django_db


def _counts():
    return [model.objects.count() for model in (Ambition, Criterion, PupilCount, HourlyRate, OtherCost)]


def test_load_demo_is_idempotent_marked_and_valid(platform):
    support_point = SupportPointFactory(partnership_codes=["PO8401", "VO8401"])
    load_demo(support_point)
    first = _counts()
    load_demo(support_point)
    assert _counts() == first
    ambitions, criteria, pupils, rates, costs = first
    assert ambitions == 3 and criteria >= 6 and pupils == 4 and rates == 1 and costs == 3
    assert all("(demo)" in text for text in Ambition.objects.values_list("text", flat=True))
    assert all("(demo)" in text for text in OtherCost.objects.values_list("description", flat=True))
    for criterion in Criterion.objects.all():
        assert (
            criterion_errors(
                kind=criterion.kind,
                parameter=criterion.parameter,
                target=criterion.target,
                direction=criterion.direction,
            )
            == {}
        ), criterion
    period, _code, _error = period_from({})
    results = criteria_results(support_point, period)
    assert len(results) == criteria
    per_pupils = next(result for result in results if result.criterion.kind == "questions_per_pupils")
    # The demo has pupil numbers for the current school year, so the criterion has a value (0 questions).
    assert per_pupils.measurement.value is not None
    summary = cost_summary(support_point, period)
    assert summary.rates and summary.rates[0].valid_from.year == timezone.localdate().year - 1
