"""The annual report: plan, criteria, self-assessment and the board report's headline figures, for the
coordinator and the board of the steunpunt only, as a page and a PDF, without anything personal."""

import datetime
import io
from decimal import Decimal

import pytest
from django.urls import reverse
from pypdf import PdfReader

from steunpunt.ambitions.kinds import Direction, Kind
from steunpunt.ambitions.tests.factories import AmbitionFactory, CriterionFactory, case_at
from steunpunt.development.services import cycle_start, step_update
from steunpunt.development.tests.factories import NetworkMemberFactory, SelfAssessmentFactory, statuses
from steunpunt.reports.annual import build_annual_report
from steunpunt.reports.periods import Period
from steunpunt.tenants.roles import Role
from steunpunt.tenants.tests.factories import MembershipFactory, SupportPointFactory

pytestmark = pytest.mark.django_db

YEAR = Period(datetime.date(2025, 1, 1), datetime.date(2026, 1, 1))
QUERY = "?periode=2025"
ZONE = datetime.timezone(datetime.timedelta(hours=1))


@pytest.fixture
def world(platform, time_machine):
    time_machine.move_to(datetime.datetime(2026, 3, 2, 12, 0, tzinfo=ZONE))
    own = SupportPointFactory(hostname="noord.localhost")
    other = SupportPointFactory(hostname="midden.localhost")
    for day in range(6):
        created = datetime.datetime(2025, 3, 3 + day, 10, 0, tzinfo=ZONE)
        case_at(own, created, first_contact=created + datetime.timedelta(hours=2))
    # Self-assessments: the newest before the end of 2025 counts, the one of 2026 does not.
    SelfAssessmentFactory(
        support_point=own, assessed_on=datetime.date(2025, 3, 1), statuses=statuses("ooo ddd nnn")
    )
    SelfAssessmentFactory(
        support_point=own, assessed_on=datetime.date(2025, 10, 1), statuses=statuses("ooo nnn ddd")
    )
    SelfAssessmentFactory(
        support_point=own, assessed_on=datetime.date(2026, 2, 1), statuses=statuses("nnn ooo ooo")
    )
    cycle = cycle_start(support_point=own, by=None, on=datetime.date(2025, 2, 1))
    step_update(
        step=cycle.steps.get(number=1),
        status="under_way",
        notes="GEHEIMENOTITIE over de werkgroep",
        owner_name="Piet Planeigenaar",
        due_on=datetime.date(2025, 6, 1),
        by=None,
    )
    NetworkMemberFactory(support_point=own, name="Nina Netwerklid", contact=True)
    first_contact = CriterionFactory(
        ambition=AmbitionFactory(support_point=own, text="Snel contact met iedereen"),
        kind=Kind.FIRST_CONTACT,
        parameter=3,
        direction=Direction.AT_LEAST,
        target=Decimal(90),
    )
    return own, other, first_contact


def _text(client, query=QUERY):
    page = client.get(reverse("reports_annual") + query)
    assert page.status_code == 200
    pdf = client.get(reverse("reports_annual_pdf") + query)
    assert pdf["Content-Type"] == "application/pdf"
    return page, " ".join(
        "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf.content)).pages).split()
    )


def test_the_annual_report_combines_figures_criteria_stool_and_plan(staff_client, world):
    own, _other, _criterion = world
    client = staff_client(MembershipFactory(support_point=own, role=Role.COORDINATOR).user)
    page, pdf = _text(client)
    html = page.content.decode()
    annual = page.context["annual"]
    assert annual.period == YEAR and annual.support_point == own
    # The stool of 1 October 2025 (not the one of 2026), compared with the one of March.
    assert annual.stool.assessed_on == datetime.date(2025, 10, 1)
    assert annual.stool.weakest.pillar.code == annual.stool.legs[1].pillar.code
    for text in (html, pdf):
        assert f"Jaarverslag van {own.name}" in " ".join(text.split())
        assert "De zwakste poot is Steunen" in " ".join(text.split())
        assert "Snel contact met iedereen" in text and "Gehaald" in text
        assert "Wie gaat het doen?" in text
    assert "Vragen 6" in pdf
    line = annual.criteria[0]
    assert (line.ambition, line.status) == ("Snel contact met iedereen", "Gehaald")


def test_nothing_personal_or_internal_is_in_the_annual_report(staff_client, world):
    own, _other, _criterion = world
    client = staff_client(MembershipFactory(support_point=own, role=Role.BOARD).user)
    page, pdf = _text(client)
    for text in (page.content.decode(), pdf):
        for secret in ("GEHEIMENOTITIE", "Piet Planeigenaar", "Nina Netwerklid", "example.test", "Bewijs "):
            assert secret not in text
        assert "Mijn zoon zit al weken thuis" not in text


def test_a_criterion_resting_on_fewer_questions_than_the_threshold_is_not_shown(world):
    own, _other, _criterion = world
    own.report_threshold = 7
    own.save(update_fields=["report_threshold"])
    annual = build_annual_report(own, YEAR)
    line = annual.criteria[0]
    assert (line.value, line.status) == ("te weinig om te tonen", "–")
    assert annual.board.headline[0].current.shown == "<7"
    assert annual.costs_shown is False


@pytest.mark.parametrize(
    ("role", "status"),
    [
        (Role.COORDINATOR, 200),
        (Role.BOARD, 200),
        (Role.VOLUNTEER, 404),
        (Role.CONSULTANT, 404),
        (Role.EDITOR, 404),
        (Role.PANEL_MEMBER, 404),
        (Role.NATIONAL_EDITOR, 404),
        (Role.ADMINISTRATOR, 404),
    ],
)
def test_only_the_coordinator_and_the_board_open_the_annual_report(staff_client, world, role, status):
    own, _other, _criterion = world
    client = staff_client(MembershipFactory(support_point=own, role=role).user)
    assert client.get(reverse("reports_annual") + QUERY).status_code == status
    assert client.get(reverse("reports_annual_pdf") + QUERY).status_code == status


def test_another_steunpunt_sees_its_own_annual_report_whatever_it_asks(staff_client, world):
    own, other, _criterion = world
    client = staff_client(MembershipFactory(support_point=other, role=Role.COORDINATOR).user)
    for asked in (str(own.pk), "abc", "-1", "99999999999999999999"):
        page = client.get(reverse("reports_annual"), {"steunpunt": asked, "periode": "2025"})
        assert page.status_code == 200 and page.context["annual"].support_point == other
        assert "Snel contact met iedereen" not in page.content.decode()


def test_a_criterion_without_any_measurement_shows_a_dash_never_none(staff_client, world):
    """A year without questions has no value to show; the report says "–", not Python's "None"."""
    own, _other, _criterion = world
    client = staff_client(MembershipFactory(support_point=own, role=Role.COORDINATOR).user)
    page, pdf = _text(client, "?periode=&van=2019-01-01&tot=2019-12-31")
    assert page.context["annual"].criteria[0].value == "–"
    for text in (page.content.decode(), pdf):
        assert "None" not in text and "Snel contact met iedereen" in text


def test_without_a_period_the_annual_report_is_about_last_year_and_bad_dates_get_a_dutch_message(
    staff_client, world
):
    own, _other, _criterion = world
    client = staff_client(MembershipFactory(support_point=own, role=Role.COORDINATOR).user)
    assert client.get(reverse("reports_annual")).context["annual"].period == YEAR
    bad = client.get(reverse("reports_annual"), {"periode": "", "van": "vorig jaar", "tot": "x"})
    assert bad.status_code == 200 and "Vul beide datums in" in bad.content.decode()


def test_anonymous_visitors_are_sent_to_the_login(client, world):
    client.defaults["HTTP_HOST"] = "127.0.0.1"
    for url in (reverse("reports_annual"), reverse("reports_annual_pdf")):
        response = client.get(url + QUERY)
        assert response.status_code == 302 and "/admin/login/" in response["Location"]
