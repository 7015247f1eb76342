"""The demo steunpunten show eighteen months of real-looking work, so that the board report and the
annual report have figures to show (not only "<5")."""

import datetime

import pytest
from django.core.management import call_command
from django.db.models import Count
from django.db.models.functions import TruncMonth
from django.utils import timezone

from steunpunt.concerns.models import ConcernStatus
from steunpunt.demo.history import MINIMUM, MONTHS, QUESTIONS, history_start, whole_quarters
from steunpunt.evaluations.models import Invitation, Response
from steunpunt.information.models import RegionalSupplement
from steunpunt.meetings.models import Meeting
from steunpunt.reports.annual import build_annual_report
from steunpunt.reports.build import build_report
from steunpunt.reports.periods import Period
from steunpunt.schools.models import School
from steunpunt.stories.models import Story
from steunpunt.support.models import Case, Channel, Contact, Outcome, RequesterKind, StatusChange
from steunpunt.tenants.models import SupportPoint

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(tmp_path):
    call_command("load_demo_data", "--logins-file", str(tmp_path / "logins.json"))
    return {support_point.slug: support_point for support_point in SupportPoint.objects.all()}


def _months_back(today, months):
    index = today.year * 12 + today.month - 1 - months
    return datetime.date(index // 12, index % 12 + 1, 1)


def test_each_demo_steunpunt_has_eighteen_months_of_work_and_a_second_load_adds_nothing(demo, tmp_path):
    today = timezone.localdate()
    for slug, support_point in demo.items():
        cases = Case.objects.filter(support_point=support_point)
        assert cases.count() >= QUESTIONS >= 400, slug
        # Every month of the eighteen before this one has questions, none of them a handful.
        per_month = dict(
            cases.annotate(month=TruncMonth("created_at")).values_list("month").annotate(n=Count("pk"))
        )
        per_month = {
            moment.date() if hasattr(moment, "date") else moment: n for moment, n in per_month.items()
        }
        for back in range(1, MONTHS):
            assert per_month.get(_months_back(today, back), 0) >= 10, (slug, back)
        for field in ("channel", "requester_kind", "age_group", "school_type", "outcome", "status"):
            assert cases.values(field).distinct().count() >= 4, (slug, field)
        assert cases.values("themes").distinct().count() >= 12, slug
        # Consistent with the services: every status history starts at "new" and ends at the status.
        closed = cases.filter(status="closed")
        assert closed.filter(outcome="").count() == 0 and closed.filter(closed_at__isnull=True).count() == 0
        assert StatusChange.objects.filter(case__in=closed, to_status="closed").count() == closed.count()
        assert Contact.objects.filter(case__support_point=support_point).count() >= cases.count()
        assert Invitation.objects.filter(support_point=support_point).count() >= 100
        assert Response.objects.filter(support_point=support_point).count() >= 50
        statuses = set(support_point.concerns.values_list("status", flat=True))
        assert {ConcernStatus.CLOSED, ConcernStatus.FOLLOWED_UP, ConcernStatus.RESPONSE} <= statuses, slug
        assert support_point.concerns.exclude(change_made="").exists()
        assert Story.objects.filter(support_point=support_point, status="published").count() >= 3
        assert Meeting.objects.filter(support_point=support_point, starts_at__lt=timezone.now()).count() >= 3
        assert RegionalSupplement.objects.filter(support_point=support_point).count() >= 3
        # The support profiles come from schools/demo.py (the history no longer makes unmarked ones):
        # every school with an SOP link or file is marked demo (test_load_demo_data checks it all).
        profiles = School.objects.filter(partnerships__support_point=support_point).exclude(
            support_profile_url="", support_profile_file=""
        )
        assert profiles.distinct().count() >= 10
        assert not profiles.filter(profile_is_demo=False).exists(), slug
    before = Case.objects.count(), Contact.objects.count(), Response.objects.count(), Story.objects.count()
    call_command("load_demo_data", "--logins-file", str(tmp_path / "logins.json"))
    assert before == (
        Case.objects.count(),
        Contact.objects.count(),
        Response.objects.count(),
        Story.objects.count(),
    )


def test_the_demo_report_and_annual_report_show_their_main_figures(demo):
    today = timezone.localdate()
    quarter_start = datetime.date(today.year, 3 * ((today.month - 1) // 3) + 1, 1)
    last_quarter = Period(_months_back(quarter_start, 3), quarter_start)
    last_year = Period(_months_back(today.replace(day=1), 12), today.replace(day=1))
    for slug in ("noord", "midden"):
        for period in (last_quarter, last_year):
            report = build_report(demo[slug], period)
            assert not report.headline[0].current.hidden and not report.headline[2].current.hidden
            assert all(duration["current"] is not None for duration in report.durations), (slug, period)
            assert not report.evaluation["answered"].hidden, (slug, period)
            for table in report.tables:
                if table.key == "referrals":
                    continue  # one row per organisation on the social map: most are rightly "<5"
                assert not table.withheld and not table.total.current.hidden, (slug, period, table.key)
                largest = max(table.rows, key=lambda row: row.current.value)
                assert not largest.current.hidden, (slug, period, table.key)
        # A year: every headline figure and the main categories of who asks, how and what about.
        report = build_report(demo[slug], last_year)
        assert [row.current.hidden for row in report.headline] == [False] * 3, slug
        shown = {
            table.key: {row.label for row in table.rows if not row.current.hidden} for table in report.tables
        }
        kinds = (RequesterKind.PARENT, RequesterKind.YOUNG_PERSON, RequesterKind.PROFESSIONAL)
        assert {str(kind.label) for kind in kinds} <= shown["requester_kind"], slug
        assert {str(channel.label) for channel in Channel} <= shown["channel"], slug
        assert {str(outcome.label) for outcome in Outcome} <= shown["outcomes"], slug
        assert len(shown["themes"]) >= 12, slug
        annual = build_annual_report(demo[slug], last_year)
        assert annual.costs_shown and not annual.board.headline[0].current.hidden
        assert annual.board.headline[0].current.value >= 250, slug


# The main tables of the board report, by their keys in ``reports.build.TITLES``.
MAIN_TABLES = ("themes", "channel", "requester_kind", "school_type", "outcomes", "age_group")
# Categories that may rightly show "<5" in a quarter because they are realistically rare: none. One
# rare category would also hide a second one ("×", so that it cannot be worked out from the total), so
# the demo history (demo/history.py, ``MINIMUM``) gives every category at least five questions a
# quarter, including the rarest (questions about a child younger than 4, "no school at the moment",
# walk-in, the youngest requesters, withdrawn questions and the least asked themes).
RARE_IN_A_QUARTER = {}


def test_the_board_report_of_the_last_whole_quarter_and_year_hides_no_cell_of_its_main_tables(demo):
    """Issue 16: in each demo steunpunt's report of the last whole quarter and of the last whole year
    (the year the annual report opens on), no count of the main tables is hidden ("<5" or "×")."""
    today = timezone.localdate()
    quarter_start = datetime.date(today.year, 3 * ((today.month - 1) // 3) + 1, 1)
    last_quarter = Period(_months_back(quarter_start, 3), quarter_start)
    last_year = Period(datetime.date(today.year - 1, 1, 1), datetime.date(today.year, 1, 1))
    assert history_start(today) <= last_year.start
    assert last_quarter.start >= history_start(today)
    assert MINIMUM >= 5
    for slug in ("noord", "midden"):
        assert demo[slug].report_threshold == MINIMUM, slug
        for period, rare in ((last_quarter, RARE_IN_A_QUARTER), (last_year, {})):
            report = build_report(demo[slug], period)
            tables = {table.key: table for table in report.tables}
            for key in MAIN_TABLES:
                table = tables[key]
                assert not table.withheld and table.rows, (slug, period, key)
                hidden = {row.label for row in table.rows if row.current.hidden} - rare.get(key, set())
                assert hidden == set(), (slug, str(period.label), key, hidden)
                assert not table.total.current.hidden, (slug, key)


def test_every_whole_quarter_of_the_demo_history_reaches_the_minimum_in_each_category(demo):
    """Not only the last quarter: whichever quarter a board member picks shows its main figures."""
    today = timezone.localdate()
    quarters = list(whole_quarters(history_start(today), today))
    assert len(quarters) >= 5
    for slug in ("noord", "midden"):
        for first, after in quarters:
            report = build_report(demo[slug], Period(first, after))
            for table in report.tables:
                if table.key in MAIN_TABLES:
                    hidden = {row.label for row in table.rows if row.current.hidden}
                    assert hidden <= RARE_IN_A_QUARTER.get(table.key, set()), (slug, first, table.key, hidden)
