"""The inbox and the case page stay fast with many questions (benchmark P7, issue 19), held here without
timing: the number of SQL statements does not grow with the rows or timeline entries shown, the
paginator counts the questions without reading their messages, and the coded columns still show the
Dutch labels, translated once per page."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils.html import escape

from steunpunt.information.models import Theme
from steunpunt.socialmap.models import Organisation
from steunpunt.support import admin_views
from steunpunt.support.services import (
    case_assign,
    case_transition,
    contact_add,
    message_from_requester,
    message_from_staff,
    referral_add,
    reminder_add,
)
from steunpunt.tenants.roles import Role
from steunpunt.tenants.tests.factories import MembershipFactory, SupportPointFactory, UserFactory

from .factories import CaseFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def noord(platform):
    return SupportPointFactory(name="Steunpunt Noord", hostname="noord.localhost")


@pytest.fixture
def consultant(noord):
    user = UserFactory(first_name="Anna", last_name="de Vries")
    MembershipFactory(user=user, support_point=noord, role=Role.CONSULTANT)
    return user


def _statements(client, url, **params):
    client.get(url, params)  # the first request of a session does extra work (e.g. its locale)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url, params)
    assert response.status_code == 200
    return [query["sql"] for query in captured.captured_queries], response


def _busy_case(noord, number, *, by):
    """A question with everything a row of the inbox shows: messages both ways, themes, a consultant
    of its own, a language with an interpreter."""
    colleague = UserFactory(first_name="Collega", last_name=f"{number}")
    MembershipFactory(user=colleague, support_point=noord, role=Role.CONSULTANT)
    case = CaseFactory(
        support_point=noord,
        channel="callback" if number % 2 else "phone",
        requester_kind="professional",
        language="ar",
        interpreter_needed=True,
        urgent=bool(number % 3),
    )
    case.themes.set([Theme.objects.create(slug=f"thema-{number}", name=f"Thema {number}")])
    case_assign(case=case, consultant=colleague, by=None)
    message_from_staff(case=case, body="Ik bel u morgen.", by=by)
    message_from_requester(case=case, body="Graag na tienen.")
    return case


def test_the_inbox_makes_as_many_statements_for_many_questions_as_for_one(staff_client, consultant, noord):
    client = staff_client(consultant)
    _busy_case(noord, 0, by=consultant)
    few, _response = _statements(client, reverse("support_inbox"))
    for number in range(1, 12):
        _busy_case(noord, number, by=consultant)
    many, response = _statements(client, reverse("support_inbox"))
    assert len(response.context["rows"]) == 12
    assert len(many) == len(few), "\n".join(many)


def test_the_inbox_counts_its_questions_without_their_messages(staff_client, consultant, noord, monkeypatch):
    """The page count is the number of questions, however many messages each has; the count statement
    reads no message."""
    monkeypatch.setattr(admin_views, "PAGE_SIZE", 2)
    cases = [_busy_case(noord, number, by=consultant) for number in range(5)]
    client = staff_client(consultant)
    statements, response = _statements(client, reverse("support_inbox"), status="all")
    counts = [sql for sql in statements if "COUNT(" in sql.upper() and "support_case" in sql]
    assert len(counts) == 1
    assert "support_message" not in counts[0] and "JOIN" not in counts[0].upper()
    assert response.context["cases"].paginator.count == 5
    assert "Pagina 1 van 3" in response.content.decode()
    shown = []
    for page in (1, 2, 3):
        html = client.get(reverse("support_inbox"), {"status": "all", "pagina": page}).content.decode()
        shown += [case.reference for case in cases if f">{case.reference}<" in html]
    assert sorted(shown) == sorted(case.reference for case in cases)


def _cell(html, reference, label):
    row = next(row for row in re.findall(r"<tr>.*?</tr>", html, re.S) if f">{reference}<" in row)
    found = re.search(rf'<td data-label="{re.escape(escape(label))}">(.*?)</td>', row, re.S)
    assert found, f"no cell {label!r} in the row of {reference}"
    return " ".join(re.sub(r"<[^>]+>", "", found.group(1)).split())


def test_the_inbox_shows_dutch_labels_never_codes(staff_client, consultant, noord):
    case = _busy_case(noord, 1, by=consultant)  # in progress after the steunpunt's message
    waiting = _busy_case(noord, 2, by=consultant)
    case_transition(case=waiting, to="waiting", by=consultant)
    plain = CaseFactory(support_point=noord, channel="phone", requester_kind="parent", language="nl")
    html = staff_client(consultant).get(reverse("support_inbox")).content.decode()
    assert _cell(html, case.reference, "Wie vraagt") == "Professional"
    assert _cell(html, case.reference, "Binnengekomen via") == "Terugbelverzoek"
    assert _cell(html, case.reference, "Taal") == "Arabisch · tolk"
    assert _cell(html, case.reference, "Status") == "In behandeling"
    assert _cell(html, case.reference, "Thema's") == "Thema 1"
    assert _cell(html, waiting.reference, "Status") == "Wacht op reactie"
    assert _cell(html, waiting.reference, "Binnengekomen via") == "Telefoon"
    assert _cell(html, plain.reference, "Wie vraagt") == "Ouder of verzorger"
    assert _cell(html, plain.reference, "Binnengekomen via") == "Telefoon"
    assert _cell(html, plain.reference, "Taal") == "Nederlands"
    assert _cell(html, plain.reference, "Status") == "Nieuw"
    for code in ("callback", "professional", "in_progress", "waiting", ">ar<", ">phone<", ">parent<"):
        assert code not in html.split("<tbody>", 1)[1], code
    # The filters' lists show the same labels.
    assert '<option value="in_progress">In behandeling</option>' in html
    assert '<option value="ar">Arabisch</option>' in html


def test_the_case_page_makes_as_many_statements_for_a_long_history_as_for_a_short_one(
    staff_client, consultant, noord
):
    client = staff_client(consultant)
    short = CaseFactory(support_point=noord)
    message_from_requester(case=short, body="Wanneer belt u?")
    few, _response = _statements(client, reverse("support_case", args=[short.pk]))
    long = _busy_case(noord, 1, by=consultant)
    organisation = Organisation.objects.create(
        name="Wijkteam Noord", category="jeugdhulp", helps_with="x", when_to_go="y", phone="050 1234567"
    )
    case_transition(case=long, to="waiting", by=consultant)
    for number in range(3):
        colleague = MembershipFactory(support_point=noord, role=Role.CONSULTANT).user
        message_from_staff(case=long, body=f"Bericht {number}", by=colleague)
        message_from_requester(case=long, body=f"Antwoord {number}")
        contact_add(
            case=long, by=colleague, channel="phone", on=long.created_at.date(), minutes=10, summary="x"
        )
        reminder_add(case=long, by=colleague, due_on=long.created_at.date(), note=f"Bellen {number}")
    referral_add(case=long, by=consultant, organisation=organisation, consent=True, note="")
    many, response = _statements(client, reverse("support_case", args=[long.pk]))
    assert len(response.context["timeline"]) > 12
    assert len(many) == len(few), "\n".join(many)
    # The assign list is shown from the people read for the page, by name and role, the current one chosen.
    html = response.content.decode()
    long.refresh_from_db()
    select = html[html.index('name="consultant"') : html.index("</select>", html.index('name="consultant"'))]
    assert '<option value="">Niemand</option>' in select
    assert f'<option value="{consultant.pk}">Anna de Vries (Consulent)</option>' in select
    assert f'<option value="{long.assigned_to_id}" selected>Collega 1 (Consulent)</option>' in select
    assert select.count("<option") == 2 + 1 + 3  # nobody, Anna, the assigned colleague, three others
