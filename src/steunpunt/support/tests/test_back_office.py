"""The case back office as a consultant uses it: entering a phone question, working a case, a conflict."""

import pytest
from django.urls import reverse
from django.utils import timezone

from steunpunt.information.tests.factories import ThemeFactory
from steunpunt.support.models import Case, CaseStatus, Channel
from steunpunt.tenants.roles import Role
from steunpunt.tenants.tests.factories import MembershipFactory, SupportPointFactory

from .factories import CaseFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def consultant(platform):
    support_point = SupportPointFactory(hostname="noord.localhost")
    return MembershipFactory(support_point=support_point, role=Role.CONSULTANT).user


def _intake(**overrides):
    data = {
        "channel": "phone",
        "requester_kind": "parent",
        "question": "Moeder belt: zoon mag na de zomer niet terugkomen.",
        "age_group": "12_18",
        "school_type": "secondary",
        "school_name": "",
        "answer_by": "phone",
        "requester_name": "Mevrouw Jansen",
        "requester_email": "",
        "requester_phone": "06 11111111",
        "callback_times": "",
        "support_kinds": ["information"],
    }
    data.update(overrides)
    return data


def test_the_inbox_button_to_enter_a_question_carries_its_icon(staff_client, consultant):
    """Wagtail's two-coloured button keeps room for an icon: without one it showed an empty block."""
    inbox = staff_client(consultant).get(reverse("support_inbox")).content.decode()
    start = inbox.index(f'href="{reverse("support_case_create")}"')
    button = inbox[start : inbox.index("</a>", start)]
    assert 'class="icon-wrapper"' in button and "#icon-plus" in button
    assert button.rstrip().endswith("Vraag invoeren")


def test_staff_enter_a_question_that_came_in_by_phone(staff_client, consultant):
    theme = ThemeFactory()
    client = staff_client(consultant)
    assert client.get(reverse("support_case_create")).status_code == 200
    bad = client.post(reverse("support_case_create"), _intake(question="", channel="carrier-pigeon"))
    assert bad.status_code == 400 and not Case.objects.exists()
    response = client.post(reverse("support_case_create"), _intake(themes=[theme.pk], urgent="on"))
    case = Case.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse("support_case", args=[case.pk])
    assert (case.channel, case.requester_name, case.urgent) == (Channel.PHONE, "Mevrouw Jansen", True)
    assert list(case.support_given.values_list("kind", flat=True)) == ["information"]
    assert case.support_point == consultant.memberships.get().support_point


def test_a_consultant_works_a_case_from_inbox_to_closing(staff_client, consultant):
    support_point = consultant.memberships.get().support_point
    case = CaseFactory(support_point=support_point)
    client = staff_client(consultant)
    assert case.reference in client.get(reverse("support_inbox")).content.decode()
    client.post(reverse("support_case_assign", args=[case.pk]), {"consultant": consultant.pk})
    client.post(reverse("support_case_message", args=[case.pk]), {"body": "Ik bel u morgen om 10 uur."})
    client.post(
        reverse("support_case_contact", args=[case.pk]),
        {
            "channel": "phone",
            "on": timezone.localdate().isoformat(),
            "minutes": "30",
            "summary": "Gesprek over de TLV",
        },
    )
    refused = client.post(reverse("support_case_status", args=[case.pk]), {"to": "closed"})
    assert refused.status_code == 400 and "Kies een uitkomst" in refused.content.decode()
    client.post(reverse("support_case_status", args=[case.pk]), {"to": "closed", "outcome": "solved"})
    case.refresh_from_db()
    assert case.assigned_to == consultant and case.status == CaseStatus.CLOSED and case.first_contact_at
    page = client.get(reverse("support_case", args=[case.pk])).content.decode()
    assert "30 minuten" in page and "Gesprek over de TLV" in page and "Ik bel u morgen" in page
    closed = client.get(reverse("support_inbox")).content.decode()
    assert case.reference not in closed
    assert case.reference in client.get(reverse("support_inbox"), {"status": "closed"}).content.decode()


def test_two_consultants_save_the_same_case_and_the_second_gets_a_conflict_to_merge(staff_client, consultant):
    support_point = consultant.memberships.get().support_point
    colleague = MembershipFactory(support_point=support_point, role=Role.CONSULTANT).user
    case = CaseFactory(support_point=support_point, question="Eerste versie")
    client = staff_client(consultant)
    form = client.get(reverse("support_case_edit", args=[case.pk])).context["form"]
    opened_version = form.initial["version"]
    edit = _intake(version=opened_version)
    del edit["channel"]

    assert (
        client.post(
            reverse("support_case_edit", args=[case.pk]), {**edit, "question": "Versie Anna"}
        ).status_code
        == 302
    )
    client = staff_client(colleague)
    clash = client.post(reverse("support_case_edit", args=[case.pk]), {**edit, "question": "Versie Bram"})
    html = clash.content.decode()
    assert clash.status_code == 409
    assert (
        "Iemand anders heeft deze vraag gewijzigd" in html and "Versie Anna" in html and "Versie Bram" in html
    )
    case.refresh_from_db()
    assert case.question == "Versie Anna"
    merged = clash.context["form"].data.copy()
    merged["question"] = "Versie Anna, aangevuld door Bram"
    assert client.post(reverse("support_case_edit", args=[case.pk]), merged).status_code == 302
    case.refresh_from_db()
    assert case.question == "Versie Anna, aangevuld door Bram"


def test_the_dashboard_tells_a_consultant_what_needs_attention_and_shows_nothing_to_the_board(
    staff_client, consultant
):
    import datetime

    from django.utils import timezone

    from steunpunt.support.services import reminder_add

    support_point = consultant.memberships.get().support_point
    CaseFactory(support_point=support_point)
    mine = CaseFactory(support_point=support_point, assigned_to=consultant)
    reminder_add(
        case=mine, due_on=timezone.localdate() - datetime.timedelta(days=1), note="Nabellen school", by=None
    )
    html = staff_client(consultant).get(reverse("wagtailadmin_home")).content.decode()
    assert "2 nieuwe vragen" in html and "1 open vraag aan u toegewezen" in html and "Nabellen school" in html
    board = MembershipFactory(support_point=support_point, role=Role.BOARD).user
    assert "nieuwe vragen" not in staff_client(board).get(reverse("wagtailadmin_home")).content.decode()


def test_the_inbox_and_the_case_page_use_a_bounded_number_of_queries(staff_client, consultant):
    """quality.md P7: at most 30 queries per view, not growing with the number of cases or messages."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from steunpunt.support.services import contact_add, message_from_staff

    support_point = consultant.memberships.get().support_point
    client = staff_client(consultant)
    theme = ThemeFactory()

    def measure(url):
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        return len(queries)

    first = CaseFactory(support_point=support_point, assigned_to=consultant)
    first.themes.add(theme)
    # The first page of a session writes its start time; the last-seen time then at most once a minute.
    client.get(reverse("support_inbox"))
    small = (measure(reverse("support_inbox")), measure(reverse("support_case", args=[first.pk])))
    for number in range(25):
        case = CaseFactory(support_point=support_point, assigned_to=consultant)
        case.themes.add(theme)
        message_from_staff(case=first, body=f"Bericht {number}", by=consultant)
        contact_add(
            case=first, channel="phone", on=case.created_at.date(), minutes=5, summary="Kort", by=consultant
        )
    large = (measure(reverse("support_inbox")), measure(reverse("support_case", args=[first.pk])))
    assert large == small
    assert max(large) <= 30


def test_the_overdue_view_lists_questions_past_their_first_contact_target(staff_client, consultant):
    import datetime

    import time_machine

    support_point = consultant.memberships.get().support_point
    with time_machine.travel(datetime.datetime(2026, 11, 2, 9, 0, tzinfo=datetime.UTC), tick=False):
        late = CaseFactory(support_point=support_point)  # due three working days later, 5 November
        urgent = CaseFactory(support_point=support_point, school_type="none")  # due the next working day
    answered = CaseFactory(support_point=support_point)
    with time_machine.travel(datetime.datetime(2026, 11, 4, 9, 0, tzinfo=datetime.UTC), tick=False):
        client = staff_client(consultant)
        html = client.get(reverse("support_inbox"), {"te_laat": "1"}).content.decode()
    assert urgent.reference in html and late.reference not in html and answered.reference not in html
    assert urgent.urgent and urgent.first_contact_due.date() == datetime.date(2026, 11, 3)


def test_the_outcome_of_a_referral_is_recorded(staff_client, consultant):
    from steunpunt.socialmap.models import Organisation
    from steunpunt.support.services import referral_add

    support_point = consultant.memberships.get().support_point
    case = CaseFactory(support_point=support_point)
    organisation = Organisation.objects.create(
        name="Wijkteam", category="jeugdhulp", helps_with="x", when_to_go="y"
    )
    referral = referral_add(case=case, organisation=organisation, consent=True, note="", by=consultant)
    client = staff_client(consultant)
    client.post(reverse("support_case_referral_outcome", args=[case.pk, referral.pk]), {"outcome": "arrived"})
    referral.refresh_from_db()
    assert referral.outcome == "arrived"
    assert "Daar aangekomen" in client.get(reverse("support_case", args=[case.pk])).content.decode()


def test_an_odd_steunpunt_number_in_the_new_question_form_uses_the_own_steunpunt(staff_client, consultant):
    client = staff_client(consultant)
    assert client.get(reverse("support_case_create"), {"steunpunt": "abc"}).status_code == 200
    response = client.post(reverse("support_case_create"), {**_intake(), "support_point": "x"})
    assert response.status_code == 302
    assert Case.objects.get().support_point == consultant.memberships.get().support_point
