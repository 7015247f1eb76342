"""Every criterion computed on factory data for a known period, the expected value worked out by hand."""

import datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest

from steunpunt.ambitions import measures
from steunpunt.ambitions.kinds import Direction, Kind
from steunpunt.ambitions.measures import MET, NO_DATA, NOT_MET, criteria_results, judge
from steunpunt.ambitions.models import PupilCount
from steunpunt.concerns.models import Concern
from steunpunt.evaluations.models import Invitation, Questionnaire, Response
from steunpunt.information.models import ExpertCheck, SearchCount
from steunpunt.information.tests.factories import ArticlePageFactory
from steunpunt.reports.periods import Period
from steunpunt.tenants.tests.factories import SupportPointFactory

from .factories import AmbitionFactory, CriterionFactory, case_at

pytestmark = pytest.mark.django_db

AMS = ZoneInfo("Europe/Amsterdam")
Q1_2025 = Period(datetime.date(2025, 1, 1), datetime.date(2025, 4, 1))
# “Now” for the tests: the morning after the quarter, so that recent questions are still waiting.
NOW = datetime.datetime(2025, 4, 1, 12, 0, tzinfo=AMS)


def at(*args):
    return datetime.datetime(*args, tzinfo=AMS)


@pytest.fixture
def world(platform):
    own = SupportPointFactory(partnership_codes=["PO8101", "VO8101"])
    other = SupportPointFactory()
    return own, other


def test_first_contact_within_three_working_days_counts_by_working_day_and_leaves_waiting_ones_out(world):
    own, other = world
    # Monday 3 March 10:00, contact Thursday 16:00: the 3rd working day, later in the day → met.
    case_at(own, at(2025, 3, 3, 10), first_contact=at(2025, 3, 6, 16))
    # Thursday 6 March, contact Tuesday 11 March 17:00: exactly the 3rd working day over a weekend → met.
    case_at(own, at(2025, 3, 6, 10), first_contact=at(2025, 3, 11, 17))
    # Thursday 6 March, contact Wednesday 12 March: the 4th working day → not met.
    case_at(own, at(2025, 3, 6, 10), first_contact=at(2025, 3, 12, 9))
    # Friday 7 March, never contacted, due Wednesday 12 March, long past → not met.
    case_at(own, at(2025, 3, 7, 9))
    # Saturday 8 March: Monday is the 1st working day, Wednesday the 3rd → met.
    case_at(own, at(2025, 3, 8, 11), first_contact=at(2025, 3, 12, 15))
    # Monday 31 March 23:30 (still the period in local time), no contact yet, due Thursday 3 April → waiting.
    case_at(own, at(2025, 3, 31, 23, 30))
    # Outside the period (in local time) and at another steunpunt: not counted.
    case_at(own, at(2024, 12, 31, 23, 30), first_contact=at(2025, 1, 1, 10))
    case_at(own, at(2025, 4, 1, 0, 30), first_contact=at(2025, 4, 1, 10))
    case_at(other, at(2025, 3, 3, 10), first_contact=at(2025, 3, 20, 10))

    measurement = measures.first_contact_within(own, Q1_2025, 3, now=NOW)
    # Met: the 1st, 2nd and 5th; not met: the 3rd and 4th; the 6th waits → 3 of 5 = 60%.
    assert (measurement.value, measurement.numerator, measurement.denominator) == (Decimal("60.0"), 3, 5)
    assert "1 vraag zit nog binnen de werkdagen" in measurement.note
    assert measurement.basis == "3 van 5 vragen"
    # With N = 5 the 3rd (4th working day) and the 4th (due Friday 14 March, past) differ: 4 of 5.
    assert measures.first_contact_within(own, Q1_2025, 5, now=NOW).value == Decimal("80.0")
    # A month later the waiting question has become “not met”: 3 of 6 = 50%.
    later = measures.first_contact_within(own, Q1_2025, 3, now=at(2025, 5, 1, 12))
    assert (later.value, later.numerator, later.denominator, later.note) == (Decimal("50.0"), 3, 6, "")


def test_first_contact_without_questions_has_no_value(world):
    own, _other = world
    measurement = measures.first_contact_within(own, Q1_2025, 3, now=NOW)
    assert measurement.value is None and measurement.denominator == 0
    assert measurement.note == "In deze periode kwamen geen vragen binnen."


def test_median_days_to_closing_is_the_nearest_rank_median_of_the_questions_closed_in_the_period(world):
    own, other = world
    for created, days in [
        (at(2025, 1, 6, 9), 1),
        (at(2025, 2, 3, 9), 2.5),
        (at(2025, 2, 10, 9), 4),
        (at(2025, 3, 3, 9), 10),
        # Came in before the period, closed in it: counts.
        (at(2024, 12, 20, 9), 20),
    ]:
        case_at(own, created, closed=created + datetime.timedelta(days=days), outcome="solved")
    # Came in during the period, closed after it; closed at another steunpunt: not counted.
    case_at(own, at(2025, 3, 25, 9), closed=at(2025, 4, 2, 9), outcome="solved")
    case_at(other, at(2025, 2, 3, 9), closed=at(2025, 2, 3, 21), outcome="solved")

    measurement = measures.median_days_to_closing(own, Q1_2025)
    # Sorted 1, 2.5, 4, 10, 20: the nearest-rank median is the 3rd of 5 (ceil(0.5 · 5) = 3) → 4 days.
    assert (measurement.value, measurement.numerator) == (Decimal("4.0"), 5)
    assert measurement.basis == "5 afgeronde vragen"
    assert (
        measures.median_days_to_closing(
            other, Period(datetime.date(2024, 1, 1), datetime.date(2024, 4, 1))
        ).value
        is None
    )


@pytest.fixture
def evaluations(world):
    """Two questionnaire versions with their answers in and around the first quarter of 2025."""
    own, other = world
    first = Questionnaire.objects.create(
        support_point=None,
        audience="parents",
        version=901,
        questions=[
            {"key": "heard", "text": "Gehoord?", "kind": "scale"},
            {"key": "helped", "text": "Verder?", "kind": "yes_partly_no"},
            {"key": "recommend", "text": "Aanraden?", "kind": "yes_no"},
            {"key": "better", "text": "Beter?", "kind": "text"},
        ],
    )
    second = Questionnaire.objects.create(
        support_point=own,
        audience="parents",
        version=902,
        questions=[{"key": "satisfied", "text": "Tevreden?", "kind": "scale"}],
    )
    january, march, april = datetime.date(2025, 1, 1), datetime.date(2025, 3, 1), datetime.date(2025, 4, 1)
    for questionnaire, period, answers, support_point in [
        # A number in own words is not a score.
        (first, january, {"heard": "5", "helped": "yes", "recommend": "yes", "better": "5"}, own),
        (first, january, {"heard": "4", "helped": "partly", "recommend": "no"}, own),
        (first, march, {"heard": "2", "helped": "yes"}, own),
        (first, march, {"helped": "no"}, own),
        (second, march, {"satisfied": "3"}, own),
        (first, april, {"heard": "1", "helped": "no"}, own),
        (first, march, {"heard": "1", "helped": "no"}, other),
    ]:
        Response.objects.create(
            support_point=support_point, questionnaire=questionnaire, period=period, answers=answers
        )
    for period, answered, support_point in [
        (january, True, own),
        (january, True, own),
        (march, True, own),
        (march, False, own),
        (april, True, own),
        (march, False, other),
    ]:
        Invitation.objects.create(
            support_point=support_point, questionnaire=first, period=period, answered=answered
        )
    return own, other


def test_evaluation_score_is_the_mean_of_the_scale_answers_of_the_period(evaluations):
    own, other = evaluations
    measurement = measures.evaluation_score(own, Q1_2025)
    # Scale answers 5, 4, 2 and 3 (the second version): 14 / 4 = 3.5; April and the text answer do not count.
    assert (measurement.value, measurement.numerator) == (Decimal("3.5"), 4)
    assert measures.evaluation_score(other, Q1_2025).value == Decimal("1.0")
    january = Period(datetime.date(2025, 1, 1), datetime.date(2025, 2, 1))
    # January: 5 and 4 → 4.5.
    assert measures.evaluation_score(own, january).value == Decimal("4.5")
    assert (
        measures.evaluation_score(own, Period(datetime.date(2024, 1, 1), datetime.date(2024, 2, 1))).value
        is None
    )


def test_evaluation_yes_is_the_share_of_yes_among_yes_no_and_yes_partly_no_answers(evaluations):
    own, _other = evaluations
    measurement = measures.evaluation_yes(own, Q1_2025)
    # helped: yes, partly, yes, no; recommend: yes, no → 3 “yes” of 6 answers = 50%.
    assert (measurement.value, measurement.numerator, measurement.denominator) == (Decimal("50.0"), 3, 6)


def test_evaluation_response_is_answered_over_invited_in_the_period(evaluations):
    own, other = evaluations
    measurement = measures.evaluation_response(own, Q1_2025)
    # 4 invitations in January–March, 3 answered → 75%; April and the other steunpunt do not count.
    assert (measurement.value, measurement.numerator, measurement.denominator) == (Decimal("75.0"), 3, 4)
    assert measures.evaluation_response(other, Q1_2025).value == Decimal("0.0")


def test_questions_per_1000_pupils_uses_the_school_year_the_period_ends_in(world):
    own, other = world
    po, vo = own.partnerships.order_by("code")
    for _ in range(6):
        case_at(own, at(2025, 2, 3, 9))
    case_at(own, at(2025, 4, 3, 9))
    case_at(other, at(2025, 2, 3, 9))
    # Without numbers there is no value, and the note says what to fill in.
    empty = measures.questions_per_pupils(own, Q1_2025)
    assert empty.value is None
    assert (
        empty.note == "Vul de leerlingaantallen in voor schooljaar 2024-2025 (ontbreekt voor PO8101, VO8101)."
    )
    PupilCount.objects.create(partnership=po, school_year=2024, pupils=12000)
    PupilCount.objects.create(partnership=po, school_year=2025, pupils=99999)
    partial = measures.questions_per_pupils(own, Q1_2025)
    assert partial.value is None and "ontbreekt voor VO8101" in partial.note
    PupilCount.objects.create(partnership=vo, school_year=2024, pupils=8000)
    # 31 March 2025 lies in school year 2024-2025: 6 questions per 20,000 pupils = 0.30 per 1,000.
    measurement = measures.questions_per_pupils(own, Q1_2025)
    assert (measurement.value, measurement.numerator, measurement.denominator) == (Decimal("0.30"), 6, 20000)
    assert measurement.basis == "6 vragen, 20.000 leerlingen in 2024-2025"
    # A period that ends in September 2025 needs school year 2025-2026, which lacks the VO number.
    autumn = Period(datetime.date(2025, 7, 1), datetime.date(2025, 10, 1))
    assert "2025-2026" in measures.questions_per_pupils(own, autumn).note


def test_articles_valid_is_the_share_of_live_articles_validated_and_not_overdue_today(world):
    own, _other = world
    today = NOW.date()
    ArticlePageFactory(starter_text=False, check_again_before=today + datetime.timedelta(days=30))
    ArticlePageFactory(starter_text=True)  # a draft text, never validated
    ArticlePageFactory(starter_text=False, check_again_before=today - datetime.timedelta(days=1))  # overdue
    validated = ArticlePageFactory(starter_text=True, check_again_before=today)  # due today: not overdue
    ExpertCheck.objects.create(page=validated, sources="Wet", completed=True)
    unpublished = ArticlePageFactory(starter_text=False)
    unpublished.unpublish()

    measurement = measures.articles_valid(own, Q1_2025, now=NOW)
    # Live: 4; validated and not overdue: the 1st and the 4th → 50%.
    assert (measurement.value, measurement.numerator, measurement.denominator) == (Decimal("50.0"), 2, 4)
    assert measurement.note == "Vandaag gemeten: eerdere toestanden worden niet bewaard."


def test_searches_without_result_is_the_share_of_searches_that_found_nothing(world):
    own, other = world
    for support_point, query, day, searches, results in [
        (own, "school", datetime.date(2025, 1, 10), 7, 3),
        (own, "rugzak", datetime.date(2025, 2, 1), 2, 0),
        (own, "tlv", datetime.date(2025, 3, 31), 1, 0),
        (own, "opp", datetime.date(2025, 4, 1), 5, 0),
        (own, "sop", datetime.date(2024, 12, 31), 5, 0),
        (other, "rugzak", datetime.date(2025, 2, 1), 4, 0),
    ]:
        SearchCount.objects.create(
            support_point=support_point, query=query, day=day, searches=searches, results=results
        )
    measurement = measures.searches_without_result(own, Q1_2025)
    # 10 searches in the quarter, 3 of them without a result → 30%.
    assert (measurement.value, measurement.numerator, measurement.denominator) == (Decimal("30.0"), 3, 10)
    nobody = measures.searches_without_result(
        own, Period(datetime.date(2025, 5, 1), datetime.date(2025, 6, 1))
    )
    assert nobody.value is None and nobody.note == "In deze periode heeft niemand gezocht op de website."


def test_signals_followed_up_within_four_weeks(world):
    own, other = world

    def concern(support_point, raised, followed=None, status="raised"):
        Concern.objects.create(
            support_point=support_point,
            title="Signaal",
            description="D",
            raised_on=raised,
            followed_up_on=followed,
            status=status,
        )

    d = datetime.date
    concern(own, d(2025, 1, 10), d(2025, 2, 7), "followed_up")  # exactly 28 days → met
    concern(own, d(2025, 1, 10), d(2025, 2, 8), "closed")  # 29 days → not met
    concern(own, d(2025, 2, 1), None, "closed")  # closed without follow-up → not met
    concern(own, d(2025, 2, 15), None, "discussed")  # 45 days on 1 April, not followed up → not met
    concern(own, d(2025, 3, 20), None, "raised")  # 12 days on 1 April → waiting, not counted
    concern(own, d(2024, 12, 20), d(2025, 1, 5), "followed_up")  # raised before the period
    concern(other, d(2025, 1, 10), d(2025, 1, 12), "followed_up")  # another steunpunt

    measurement = measures.concerns_followed_up_within(own, Q1_2025, 4, now=NOW)
    # 1 of the 4 counted signals → 25%.
    assert (measurement.value, measurement.numerator, measurement.denominator) == (Decimal("25.0"), 1, 4)
    assert "1 signaal zit nog binnen de weken" in measurement.note
    # Within 5 weeks (35 days) the second one is met too: 2 of 4 = 50%.
    assert measures.concerns_followed_up_within(own, Q1_2025, 5, now=NOW).value == Decimal("50.0")


@pytest.mark.parametrize(
    ("value", "target", "direction", "expected"),
    [
        (Decimal("90.0"), Decimal("90"), Direction.AT_LEAST, MET),
        (Decimal("89.9"), Decimal("90"), Direction.AT_LEAST, NOT_MET),
        (Decimal("10.0"), Decimal("10"), Direction.AT_MOST, MET),
        (Decimal("10.1"), Decimal("10"), Direction.AT_MOST, NOT_MET),
        (None, Decimal("10"), Direction.AT_MOST, NO_DATA),
        (None, Decimal("10"), Direction.AT_LEAST, NO_DATA),
    ],
)
def test_a_target_is_met_when_the_shown_value_reaches_it_in_its_direction(value, target, direction, expected):
    assert judge(value, target, direction) == expected


def test_the_result_has_the_trend_over_the_four_periods_before_and_only_active_criteria_count(world):
    own, other = world
    for day, searches, empty in [
        (datetime.date(2024, 2, 1), 4, 2),  # Q1 2024: 50%
        (datetime.date(2024, 8, 1), 10, 4),  # Q3 2024: 40% (Q2 has no searches)
        (datetime.date(2024, 11, 1), 5, 1),  # Q4 2024: 20%
        (datetime.date(2025, 3, 1), 10, 3),  # Q1 2025: 30%
    ]:
        SearchCount.objects.create(support_point=own, query="leeg", day=day, searches=empty, results=0)
        SearchCount.objects.create(
            support_point=own, query="vol", day=day, searches=searches - empty, results=2
        )
    ambition = AmbitionFactory(support_point=own, text="Informatie is te vinden")
    criterion = CriterionFactory(ambition=ambition, target=Decimal(25), direction=Direction.AT_MOST)
    CriterionFactory(ambition=ambition, active=False)
    CriterionFactory(ambition=AmbitionFactory(support_point=other))

    [result] = criteria_results(own, Q1_2025, now=NOW)
    assert result.criterion == criterion
    assert (result.measurement.value, result.status, result.met) == (Decimal("30.0"), NOT_MET, False)
    assert [point.label for point in result.trend] == ["K1 2024", "K2 2024", "K3 2024", "K4 2024", "K1 2025"]
    assert [point.measurement.value for point in result.trend] == [
        Decimal("50.0"),
        None,
        Decimal("40.0"),
        Decimal("20.0"),
        Decimal("30.0"),
    ]
    assert [point.status for point in result.trend] == [NOT_MET, NO_DATA, NOT_MET, MET, NOT_MET]
    # From 20% to 30% searches without a result, where lower is better.
    assert result.change == "worse" and result.change_label == "Slechter dan de periode ervoor"
    assert result.value_shown == "30%" and result.target_shown == "ten hoogste 25%"
    assert result.trend_rows[1] == ("K2 2024", None)
    assert len(result.sparkline["points"]) == 4

    # “At least” reverses the judgement and the change.
    criterion.direction, criterion.target = Direction.AT_LEAST, Decimal(25)
    criterion.save()
    [result] = criteria_results(own, Q1_2025, now=NOW)
    assert (result.status, result.change) == (MET, "better")


def test_articles_have_no_trend_because_only_today_is_known(world):
    own, _other = world
    ArticlePageFactory(starter_text=False)
    CriterionFactory(
        ambition=AmbitionFactory(support_point=own),
        kind=Kind.ARTICLES_VALID,
        direction=Direction.AT_LEAST,
        target=Decimal(80),
    )
    [result] = criteria_results(own, Q1_2025, now=NOW)
    assert result.measurement.value == Decimal("100.0") and result.status == MET
    assert [point.measurement.value for point in result.trend[:-1]] == [None] * 4
    assert result.change == "" and result.sparkline is None


def test_the_closing_median_of_all_five_periods_comes_from_one_call(world, django_assert_max_num_queries):
    own, _other = world
    case_at(own, at(2025, 2, 3, 9), closed=at(2025, 2, 5, 9), outcome="solved")
    case_at(own, at(2024, 11, 3, 9), closed=at(2024, 11, 4, 21), outcome="solved")
    CriterionFactory(
        ambition=AmbitionFactory(support_point=own),
        kind=Kind.CLOSING_MEDIAN,
        direction=Direction.AT_MOST,
        target=Decimal(3),
    )
    # The criteria, then the seven statements of case_figures_for for all five periods together, and
    # the two small lists every theme and organisation row comes from (none of them reads the cases).
    with django_assert_max_num_queries(10):
        [result] = criteria_results(own, Q1_2025, now=NOW)
    assert [point.measurement.value for point in result.trend] == [
        None,
        None,
        None,
        Decimal("1.5"),
        Decimal("2.0"),
    ]
    assert result.status == MET and result.change == "worse"


def test_measuring_takes_the_same_number_of_queries_whatever_the_number_of_questions(world):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    own, _other = world
    for kind, parameter in [
        (Kind.FIRST_CONTACT, 3),
        (Kind.QUESTIONS_PER_PUPILS, None),
        (Kind.EVALUATION_SCORE, None),
        (Kind.CONCERNS_FOLLOWED_UP, 4),
    ]:
        CriterionFactory(ambition=AmbitionFactory(support_point=own), kind=kind, parameter=parameter)

    def statements():
        with CaptureQueriesContext(connection) as queries:
            criteria_results(own, Q1_2025, now=NOW)
        return len(queries)

    case_at(own, at(2025, 2, 3, 9), first_contact=at(2025, 2, 4, 9))
    few = statements()
    for day in range(1, 20):
        case_at(own, at(2025, 3, day, 9), first_contact=at(2025, 3, day, 15))
    assert statements() == few
