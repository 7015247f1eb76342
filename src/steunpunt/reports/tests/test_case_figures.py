"""The case figures of a report, checked against the same figures worked out in Python from random
planted questions: for the portable version everywhere and, on PostgreSQL, for the one-pass version."""

import datetime
import math
import secrets
from collections import Counter

import pytest
from django.db import connection
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from steunpunt.core.tests.properties import examples
from steunpunt.information.models import Theme
from steunpunt.reports import aggregates
from steunpunt.reports.periods import Period
from steunpunt.socialmap.models import Organisation
from steunpunt.support.models import (
    AgeGroup,
    Case,
    CaseSchoolType,
    CaseSupport,
    Channel,
    Contact,
    Outcome,
    Referral,
    RequesterKind,
    SupportKind,
)
from steunpunt.tenants.tests.factories import SupportPointFactory

pytestmark = pytest.mark.django_db

IMPLEMENTATIONS = [aggregates.case_figures_portable]
if connection.vendor == "postgresql":
    IMPLEMENTATIONS.append(aggregates.case_figures_one_pass)

PERIODS = [
    Period(datetime.date(2025, 4, 1), datetime.date(2025, 7, 1)),
    Period(datetime.date(2025, 1, 1), datetime.date(2025, 4, 1)),
]
# Days from 1 December 2024: some questions before, between and after the two periods.
START = datetime.date(2024, 12, 1)

QUESTION = st.fixed_dictionaries(
    {
        "day": st.integers(0, 240),
        "channel": st.sampled_from(Channel.values),
        "requester_kind": st.sampled_from(RequesterKind.values),
        "age_group": st.sampled_from(AgeGroup.values),
        "school_type": st.sampled_from(CaseSchoolType.values),
        "urgent": st.booleans(),
        "first_contact_hours": st.none() | st.integers(0, 24 * 20),
        "closed_hours": st.none() | st.integers(1, 24 * 90),
        "outcome": st.sampled_from(Outcome.values),
        "themes": st.sets(st.integers(0, 2), max_size=2),
        "support": st.sets(st.sampled_from(SupportKind.values), max_size=2),
        "referrals": st.sets(st.integers(0, 1), max_size=2),
        "minutes": st.lists(st.integers(1, 120), max_size=3),
    }
)


def _bucket(moment):
    for index, period in enumerate(PERIODS):
        start, end = period.bounds()
        if start <= moment < end:
            return index
    return None


def _nearest_rank(values, fraction):
    return sorted(values)[math.ceil(fraction * len(values)) - 1] if values else None


def expected_figures(questions, themes, organisations):
    """The figures of both periods, from the planted questions alone."""
    figures = []
    for index in range(len(PERIODS)):
        came = [q for q in questions if _bucket(q["created"]) == index]
        shut = [q for q in questions if q["closed"] is not None and _bucket(q["closed"]) == index]
        to_first = [q["first_contact"] - q["created"] for q in came if q["first_contact"] is not None]
        to_close = [q["closed"] - q["created"] for q in shut]
        figure = {
            "total": len(came),
            "urgent": sum(q["urgent"] for q in came),
            "with_contact": len(to_first),
            "closed": len(shut),
            "minutes": sum(sum(q["minutes"]) for q in came),
            "themes": dict(Counter(themes[i].name for q in came for i in q["themes"])),
            "referrals": dict(Counter(organisations[i].name for q in came for i in q["referrals"])),
            "support": {
                str(label): sum(value in q["support"] for q in came) for value, label in SupportKind.choices
            },
            "outcomes": {
                str(label): sum(q["outcome"] == value for q in shut) for value, label in Outcome.choices
            },
            "first_contact": {
                "median": _nearest_rank(to_first, 0.5),
                "p90": _nearest_rank(to_first, 0.9),
                "n": len(to_first),
            },
            "closing": {
                "median": _nearest_rank(to_close, 0.5),
                "p90": _nearest_rank(to_close, 0.9),
                "n": len(to_close),
            },
        }
        for field, choices in aggregates.PARTITIONS.items():
            figure[field] = {str(label): sum(q[field] == value for q in came) for value, label in choices}
        figures.append(figure)
    return figures


@pytest.fixture
def world(platform):
    support_point = SupportPointFactory()
    themes = [
        Theme.objects.get_or_create(slug=f"cf{i}", defaults={"name": f"Thema {i}"})[0] for i in range(3)
    ]
    organisations = [
        Organisation.objects.create(
            name=f"Organisatie {i}", category="advies", helps_with="x", when_to_go="y"
        )
        for i in range(2)
    ]
    return support_point, themes, organisations, SupportPointFactory()


def _plant(support_point, questions, themes, organisations):
    zone = datetime.timezone(datetime.timedelta(hours=1))
    for q in questions:
        day = START + datetime.timedelta(days=q["day"])
        q["created"] = datetime.datetime.combine(day, datetime.time(10, 30), tzinfo=zone)
        hours = q["first_contact_hours"]
        q["first_contact"] = None if hours is None else q["created"] + datetime.timedelta(hours=hours)
        hours = q["closed_hours"]
        q["closed"] = None if hours is None else q["created"] + datetime.timedelta(hours=hours)
    cases = Case.objects.bulk_create(
        Case(
            support_point=support_point,
            reference=f"V-{secrets.token_hex(4).upper()}",
            access_token=secrets.token_urlsafe(16),
            created_at=q["created"],
            first_contact_due=q["created"],
            first_contact_at=q["first_contact"],
            closed_at=q["closed"],
            status="closed" if q["closed"] else "new",
            outcome=q["outcome"] if q["closed"] else "",
            question="x",
            urgent=q["urgent"],
            channel=q["channel"],
            requester_kind=q["requester_kind"],
            age_group=q["age_group"],
            school_type=q["school_type"],
        )
        for q in questions
    )
    pairs = list(zip(cases, questions, strict=True))
    Case.themes.through.objects.bulk_create(
        Case.themes.through(case_id=case.pk, theme_id=themes[i].pk) for case, q in pairs for i in q["themes"]
    )
    CaseSupport.objects.bulk_create(
        CaseSupport(case=case, kind=kind) for case, q in pairs for kind in q["support"]
    )
    Referral.objects.bulk_create(
        Referral(case=case, organisation=organisations[i], consent=True)
        for case, q in pairs
        for i in q["referrals"]
    )
    Contact.objects.bulk_create(
        Contact(case=case, channel="phone", minutes=minutes, summary="s")
        for case, q in pairs
        for minutes in q["minutes"]
    )


@pytest.mark.parametrize("figures_for", IMPLEMENTATIONS, ids=lambda function: function.__name__)
@settings(
    max_examples=examples(30), deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(questions=st.lists(QUESTION, max_size=30))
def test_the_case_figures_of_both_periods_are_those_of_the_planted_questions(world, figures_for, questions):
    support_point, themes, organisations, other = world
    Case.objects.all().delete()
    _plant(support_point, questions, themes, organisations)
    # Another steunpunt's questions in the same periods never count.
    _plant(other, [dict(q) for q in questions[:5]], themes, organisations)

    figures = figures_for(support_point, PERIODS)
    assert figures == expected_figures(questions, themes, organisations)
    # Counts are whole numbers (suppression refuses anything else), not decimals that compare equal.
    for figure in figures:
        assert all(type(figure[name]) is int for name in ("total", "urgent", "closed", "minutes"))


def test_overlapping_periods_are_refused(world):
    support_point, _themes, _organisations, _other = world
    for figures_for in (aggregates.case_figures_for, *IMPLEMENTATIONS):
        with pytest.raises(ValueError):
            figures_for(
                support_point, [PERIODS[0], Period(datetime.date(2025, 3, 1), datetime.date(2025, 5, 1))]
            )
