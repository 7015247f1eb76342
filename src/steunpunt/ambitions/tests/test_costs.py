"""Costs of a period worked out by hand: hours, rate changes, other costs, and the rows per theme and per
kind of support with their proportional share of the other costs."""

import datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse

from steunpunt.ambitions.costs import cost_summary
from steunpunt.ambitions.formatting import euro
from steunpunt.evaluations.models import Invitation, Questionnaire, Response
from steunpunt.information.tests.factories import ThemeFactory
from steunpunt.reports.periods import Period
from steunpunt.support.models import Case, CaseSupport, Contact
from steunpunt.tenants.roles import Role
from steunpunt.tenants.tests.factories import MembershipFactory, SupportPointFactory

from .factories import HourlyRateFactory, OtherCostFactory, case_at

pytestmark = pytest.mark.django_db

AMS = ZoneInfo("Europe/Amsterdam")
Q1_2025 = Period(datetime.date(2025, 1, 1), datetime.date(2025, 4, 1))
d = datetime.date


def at(*args):
    return datetime.datetime(*args, tzinfo=AMS)


def question(support_point, created, themes=(), kinds=(), contacts=(), closed=None, outcome=""):
    case = case_at(support_point, created, closed=closed, outcome=outcome)
    case.themes.set(themes)
    for kind in kinds:
        CaseSupport.objects.create(case=case, kind=kind)
    for on, minutes in contacts:
        Contact.objects.create(case=case, channel="phone", on=on, minutes=minutes, summary="GEHEIM")
    return case


@pytest.fixture
def world(platform):
    own = SupportPointFactory()
    own.report_threshold = 3
    own.save(update_fields=["report_threshold"])
    other = SupportPointFactory()
    t1, t2 = ThemeFactory(name="Thuiszitten"), ThemeFactory(name="Zorgplicht")
    # A slug that starts like t1's must not be taken for it.
    t10 = ThemeFactory(slug=f"{t1.slug}0", name="Thuiszitten elders")
    HourlyRateFactory(support_point=own, valid_from=d(2025, 1, 10), amount=Decimal("60.00"))
    HourlyRateFactory(support_point=own, valid_from=d(2025, 2, 1), amount=Decimal("90.00"))
    HourlyRateFactory(support_point=other, valid_from=d(2024, 1, 1), amount=Decimal("500.00"))
    question(
        own,
        at(2025, 1, 14, 9),
        [t1],
        ["advice"],
        [(d(2025, 1, 15), 60), (d(2025, 2, 1), 30)],
        closed=at(2025, 2, 2, 9),
        outcome="solved",
    )
    question(
        own,
        at(2025, 1, 16, 9),
        [t1, t2],
        ["advice"],
        [(d(2025, 1, 20), 90)],
        closed=at(2025, 2, 2),
        outcome="partly",
    )
    question(own, at(2025, 2, 27, 9), [t1], ["mediation"], [(d(2025, 3, 1), 120)])
    question(own, at(2025, 1, 3, 9), [], [], [(d(2025, 1, 5), 30)])
    question(own, at(2025, 3, 31, 22), [t2], ["advice"], [(d(2025, 3, 31), 15)])
    # Not this period's questions, or not this steunpunt's.
    question(own, at(2024, 12, 31, 23), [t1], ["advice"], [(d(2025, 1, 15), 60)])
    question(other, at(2025, 2, 3, 9), [t1], ["advice"], [(d(2025, 2, 3), 600)])
    for on, amount, support_point in [
        (d(2025, 1, 15), "1000.00", own),
        (d(2025, 3, 31), "500.50", own),
        (d(2025, 4, 1), "999.00", own),
        (d(2024, 12, 31), "999.00", own),
        (d(2025, 2, 1), "999.00", other),
    ]:
        OtherCostFactory(support_point=support_point, on=on, amount=Decimal(amount))
    return own, other, (t1, t2, t10)


def test_the_totals_of_a_period(world):
    own, _other, _themes = world
    summary = cost_summary(own, Q1_2025)
    total = summary.total
    assert total.questions == 5
    # 60 + 30 + 90 + 120 + 30 + 15 minutes.
    assert total.minutes == 345 and summary.hours == Decimal("5.75")
    # 60 min × €60 + 30 min × €90 (the new rate from 1 February, that day included) + 90 × €60
    # + 120 × €90 + 30 min on 5 January before the first rate (no cost) + 15 × €90.
    assert summary.time_cost == Decimal("60") + Decimal("45") + Decimal("90") + Decimal("180") + Decimal(
        "22.5"
    )
    assert summary.time_cost == Decimal("397.50")
    assert summary.minutes_without_rate == 30 and summary.hours_without_rate_shown == "0,5"
    assert summary.other_cost == Decimal("1500.50")
    assert summary.total_cost == Decimal("1898.00")
    assert summary.per_question == Decimal("379.60")
    assert (total.closed, total.solved, total.partly) == (2, 1, 1)
    assert [entry.amount for entry in summary.other_entries] == [Decimal("1000.00"), Decimal("500.50")]


def test_per_theme_the_hours_and_a_share_of_the_other_costs_in_proportion_to_the_questions(world):
    own, _other, _themes = world
    rows = {row.label: row for row in cost_summary(own, Q1_2025).by_theme}
    assert list(rows) == ["Thuiszitten", "Zorgplicht", "Zonder thema"]
    theme = rows["Thuiszitten"]
    assert (theme.questions, theme.minutes) == (3, 300)
    assert theme.time_cost == Decimal("375.00")  # 60 + 45 + 90 + 180
    # Every question carries 1500.50 / 5 = 300.10 of the other costs.
    assert theme.other_share == Decimal("900.30")
    assert theme.total == Decimal("1275.30") and theme.per_question == Decimal("425.10")
    assert (theme.closed, theme.solved_share, theme.partly_share) == (2, Decimal(50), Decimal(50))
    assert (theme.total_shown, theme.per_question_shown, theme.hours_shown) == ("€ 1.275,30", "€ 425,10", "5")
    # Two questions: below the threshold of 3, so no hours or money are shown.
    small = rows["Zorgplicht"]
    assert (small.questions, small.minutes, small.time_cost, small.other_share) == (
        2,
        105,
        Decimal("112.50"),
        Decimal("600.20"),
    )
    assert small.small and small.total_shown == "te weinig vragen" and small.hours_shown == "te weinig vragen"
    without = rows["Zonder thema"]
    assert (without.questions, without.minutes, without.time_cost) == (1, 30, Decimal(0))


def test_per_kind_of_support(world):
    own, _other, _themes = world
    rows = {row.key: row for row in cost_summary(own, Q1_2025).by_kind}
    assert list(rows) == ["advice", "mediation", "None"]
    advice = rows["advice"]
    assert (advice.questions, advice.minutes) == (3, 195)
    assert advice.time_cost == Decimal("217.50")  # 60 + 45 + 90 + 22.50
    assert advice.total == Decimal("1117.80") and advice.per_question == Decimal("372.60")
    assert rows["mediation"].time_cost == Decimal("180.00") and rows["mediation"].small


def test_evaluation_results_beside_the_costs_per_theme(world):
    own, _other, (t1, _t2, t10) = world
    questionnaire = Questionnaire.objects.create(
        support_point=None,
        audience="parents",
        version=903,
        questions=[{"key": "heard", "text": "Gehoord?", "kind": "scale"}],
    )
    for answered, themes in [(True, [t1]), (True, [t1]), (True, [t1]), (False, [t1]), (True, [t10])]:
        Invitation.objects.create(
            support_point=own,
            questionnaire=questionnaire,
            period=d(2025, 2, 1),
            themes=[theme.slug for theme in themes],
            answered=answered,
        )
    for score, themes in [("4", [t1]), ("5", [t1]), ("3", [t1]), ("1", [t10])]:
        Response.objects.create(
            support_point=own,
            questionnaire=questionnaire,
            period=d(2025, 2, 1),
            themes=[theme.slug for theme in themes],
            answers={"heard": score},
        )
    summary = cost_summary(own, Q1_2025)
    theme = next(row for row in summary.by_theme if row.label == "Thuiszitten")
    # 3 of 4 invitations answered; scores 4, 5 and 3 → 4.0 (the other theme's 1 does not count).
    assert (theme.invited, theme.answered, theme.response_rate, theme.mean_score) == (
        4,
        3,
        Decimal(75),
        Decimal("4.0"),
    )
    assert theme.evaluation_shown == "respons 75%, score 4 van 5"
    # The whole period: 4 of 5 answered; (4 + 5 + 3 + 1) / 4 = 3.25 → 3.3.
    assert (summary.total.response_rate, summary.total.mean_score) == (Decimal(80), Decimal("3.3"))
    small = next(row for row in summary.by_theme if row.label == "Zorgplicht")
    assert small.evaluation_shown == "–"


def test_without_a_rate_hours_cost_nothing_and_without_questions_other_costs_still_count(platform):
    lonely = SupportPointFactory()
    OtherCostFactory(support_point=lonely, on=d(2025, 2, 1), amount=Decimal("250.00"))
    summary = cost_summary(lonely, Q1_2025)
    assert (summary.total.questions, summary.time_cost, summary.total_cost) == (
        0,
        Decimal(0),
        Decimal("250.00"),
    )
    assert summary.per_question is None and summary.by_theme == [] and summary.by_kind == []


def test_money_is_shown_the_dutch_way():
    assert euro(Decimal("1234.5")) == "€ 1.234,50"
    assert euro(Decimal("0.005")) == "€ 0,01"
    assert euro(Decimal("1234567.891")) == "€ 1.234.567,89"
    assert euro(Decimal(0)) == "€ 0,00"


def test_the_cost_page_shows_the_figures_and_never_a_case(world, staff_client):
    own, _other, _themes = world
    client = staff_client(MembershipFactory(support_point=own, role=Role.COORDINATOR).user)
    page = client.get(reverse("ambitions_costs"), {"periode": "", "van": "2025-01-01", "tot": "2025-03-31"})
    html = page.content.decode()
    assert page.status_code == 200
    for shown in (
        "€ 1.898,00",
        "€ 397,50",
        "€ 1.500,50",
        "€ 379,60",
        "€ 1.275,30",
        "te weinig vragen",
        "5,8",
    ):
        assert shown in html, shown
    assert "0,5 uur lag vóór het eerste uurtarief" in html
    assert "GEHEIM" not in html
    for reference in Case.objects.values_list("reference", flat=True):
        assert reference not in html


def test_the_cost_summary_takes_the_same_number_of_queries_whatever_the_number_of_questions(world):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    own, _other, (t1, _t2, _t10) = world

    def statements():
        with CaptureQueriesContext(connection) as queries:
            cost_summary(own, Q1_2025)
        return len(queries)

    few = statements()
    for day in range(1, 11):
        question(own, at(2025, 3, day, 9), [t1], ["advice"], [(d(2025, 3, day), 10)])
    assert statements() == few
