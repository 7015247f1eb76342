"""Issue 18: the schools' anonymous opinion of the steunpunt in the board report, under the same small-number
suppression as every other figure, and never with anything that names a school."""

import datetime

import pytest
from django.urls import reverse

from steunpunt.reports.build import build_report, export_tables
from steunpunt.reports.periods import Period
from steunpunt.schools.models import SchoolEvaluation
from steunpunt.schools.services import school_evaluation_give
from steunpunt.schools.tests.factories import SchoolFactory, school_contact
from steunpunt.tenants.roles import Role
from steunpunt.tenants.tests.factories import MembershipFactory, SupportPointFactory

pytestmark = pytest.mark.django_db
FIRST_HALF = Period(datetime.date(2026, 1, 1), datetime.date(2026, 7, 1))


@pytest.fixture
def noord(platform):
    return SupportPointFactory(hostname="noord.localhost")


def _opinions(support_point, count, *, useful=5):
    for index in range(count):
        school = SchoolFactory(name=f"Herkenbare School {index}", support_point=support_point)
        grant = school_contact(school, support_point).school_contacts.get()
        school_evaluation_give(
            grant=grant,
            reachable=4,
            useful=useful,
            remark=f"Opmerking {index} over de bereikbaarheid",
            period=FIRST_HALF.start,
        )


def test_few_school_opinions_are_suppressed_and_their_remarks_not_shown(staff_client, noord):
    _opinions(noord, 3)
    report = build_report(noord, FIRST_HALF)
    assert report.schools["answered"].shown == "<5"
    assert report.schools["remarks"] == []
    reachable = report.schools["tables"][0]
    assert {row.label: row.current.shown for row in reachable.rows}["Goed"] == "<5"
    assert reachable.total.current.hidden
    page = _board_page(staff_client, noord)
    assert "Evaluatie door scholen" in page and "Opmerking 0" not in page and "Herkenbare School" not in page


def test_enough_school_opinions_are_shown_without_naming_a_school(staff_client, noord):
    _opinions(noord, 5)
    # Twenty more schools, five for every answer: every count reaches the threshold.
    for rating in (1, 2, 3, 4, 5):
        for _index in range(4 if rating == 4 else 5):
            SchoolEvaluation.objects.create(
                support_point=noord, period=FIRST_HALF.start, reachable=rating, useful=rating
            )
    report = build_report(noord, FIRST_HALF)
    assert report.schools["answered"].shown == "29"
    reachable, useful = report.schools["tables"]
    # Every answer has its row, also those nobody gave, so a row never tells one school's answer.
    assert [row.label for row in reachable.rows] == ["Heel slecht", "Slecht", "Redelijk", "Goed", "Zeer goed"]
    assert {row.label: row.current.shown for row in reachable.rows} == {
        "Heel slecht": "5",
        "Slecht": "5",
        "Redelijk": "5",
        "Goed": "9",
        "Zeer goed": "5",
    }
    assert {row.label: row.current.shown for row in useful.rows}["Zeer goed"] == "10"
    assert reachable.total.current.shown == "29"
    assert len(report.schools["remarks"]) == 5
    page = _board_page(staff_client, noord)
    assert "Opmerking 4 over de bereikbaarheid" in page
    assert "Herkenbare School" not in page
    titles = [title for title, _header, _rows in export_tables(report)]
    assert (
        "Evaluatie door scholen" in titles and "Scholen over hoe goed het steunpunt bereikbaar is" in titles
    )


def _board_page(staff_client, support_point):
    client = staff_client(MembershipFactory(support_point=support_point, role=Role.BOARD).user)
    response = client.get(reverse("reports_report") + "?van=2026-01-01&tot=2026-06-30")
    assert response.status_code == 200
    return response.content.decode()
