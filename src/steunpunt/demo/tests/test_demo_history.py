"""The demo steunpunten show eighteen months of real-looking work, so that the board report and the
annual report have figures to show (not only "<5")."""

import datetime

import pytest
from django.core.management import call_command
from django.db.models import Count
from django.db.models.functions import TruncMonth
from django.utils import timezone

from steunpunt.concerns.models import ConcernStatus
from steunpunt.demo.history import MONTHS, QUESTIONS
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
        profiles = School.objects.filter(partnerships__support_point=support_point).exclude(
            support_profile_url=""
        )
        assert profiles.distinct().count() >= 10
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
