"""Every case URL × every role × own or other steunpunt. Another steunpunt's case always answers 404;
board, editors, panel, national editors, administrators and platform administrators never see a case."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from steunpunt.privacy.models import AuditRecord
from steunpunt.socialmap.models import Organisation
from steunpunt.tenants.roles import Role
from steunpunt.tenants.tests.factories import MembershipFactory, SupportPointFactory, UserFactory

from .factories import CaseFactory

pytestmark = pytest.mark.django_db

SEEN, DENIED = "seen", "denied"
# (name, method, data). Each is tried on a fresh new, unassigned question of the user's own steunpunt
# and of another steunpunt.
CASE_URLS = [
    ("support_case", "get", None),
    ("support_case_edit", "get", None),
    ("support_case_message", "post", {"body": "Dag, ik bel u morgen."}),
    ("support_case_status", "post", {"to": "in_progress"}),
    ("support_case_assign", "get", None),
    (
        "support_case_contact",
        "post",
        {"channel": "phone", "on": "TODAY", "minutes": "15", "summary": "Gebeld"},
    ),
    ("support_case_referral", "post", {"organisation": "ORG", "consent": "on", "note": ""}),
    ("support_case_reminder", "post", {"due_on": "IN_A_WEEK", "note": "Nabellen"}),
    ("support_requester_data", "get", None),
    ("support_requester_data_download:json", "get", None),
    ("support_requester_data_download:pdf", "get", None),
    ("support_requester_data_erase", "post", {"confirm": "yes"}),
]
# Who may use each URL on their own steunpunt's new, unassigned question (from the policy:
# volunteers only the intake and a first reply; coordinators assign but read only what is theirs).
ALLOWED = {
    "support_case": {Role.VOLUNTEER, Role.CONSULTANT},
    "support_case_edit": {Role.CONSULTANT},
    "support_case_message": {Role.VOLUNTEER, Role.CONSULTANT},
    "support_case_status": {Role.CONSULTANT},
    "support_case_assign": {Role.CONSULTANT, Role.COORDINATOR},
    "support_case_contact": {Role.CONSULTANT},
    "support_case_referral": {Role.CONSULTANT},
    "support_case_reminder": {Role.CONSULTANT},
    "support_requester_data": {Role.CONSULTANT},
    "support_requester_data_download:json": {Role.CONSULTANT},
    "support_requester_data_download:pdf": {Role.CONSULTANT},
    "support_requester_data_erase": {Role.CONSULTANT},
}
LIST_URLS = {
    "support_inbox": {Role.VOLUNTEER, Role.CONSULTANT, Role.COORDINATOR},
    "support_case_create": {Role.VOLUNTEER, Role.CONSULTANT, Role.COORDINATOR},
    "support_workload": {Role.COORDINATOR},
}


@pytest.fixture
def world(platform):
    own = SupportPointFactory(hostname="noord.localhost")
    other = SupportPointFactory(hostname="midden.localhost")
    organisation = Organisation.objects.create(
        name="Wijkteam", category="jeugdhulp", helps_with="x", when_to_go="y"
    )
    return own, other, organisation


def _request(client, name, method, data, case, organisation):
    name, _colon, extra = name.partition(":")
    url = reverse(name, args=[case.pk, extra] if extra else [case.pk])
    if method == "get":
        return client.get(url)
    # Placeholders: the organisation of the world, and dates relative to today (a contact cannot lie in
    # the future, a reminder not in the past).
    today = timezone.localdate()
    placeholders = {
        "ORG": str(organisation.pk),
        "TODAY": today.isoformat(),
        "IN_A_WEEK": (today + datetime.timedelta(days=7)).isoformat(),
    }
    data = {key: placeholders.get(value, value) for key, value in data.items()}
    return client.post(url, data)


def _outcome(response, method="get"):
    """SEEN for the answer the allowed user gets (a page, or the redirect after a form), DENIED for 404."""
    answers = {200 if method == "get" else 302: SEEN, 404: DENIED}
    assert response.status_code in answers, (method, response.status_code, response.content[:300])
    return answers[response.status_code]


@pytest.mark.parametrize("role", [*Role, "superuser"])
def test_every_case_url_for_every_role_on_its_own_and_another_steunpunt(staff_client, world, role):
    own, other, organisation = world
    if role == "superuser":
        user = UserFactory(is_superuser=True, is_staff=True)
    else:
        user = MembershipFactory(support_point=own, role=role).user
    client = staff_client(user)
    for name, method, data in CASE_URLS:
        mine, theirs = CaseFactory(support_point=own), CaseFactory(support_point=other)
        expected = SEEN if role in ALLOWED[name] else DENIED
        mine_answer = _request(client, name, method, data, mine, organisation)
        assert _outcome(mine_answer, method) == expected, (role, name)
        theirs_answer = _request(client, name, method, data, theirs, organisation)
        assert _outcome(theirs_answer, method) == DENIED, (role, name)
        theirs.refresh_from_db()
        assert theirs.status == "new" and not theirs.messages.exists() and not theirs.contacts.exists()
        assert theirs.question and theirs.anonymised_at is None
    for name, allowed in LIST_URLS.items():
        expected = SEEN if role in allowed else DENIED
        assert _outcome(client.get(reverse(name))) == expected, (role, name)


@pytest.mark.parametrize("role", [Role.VOLUNTEER, Role.CONSULTANT, Role.COORDINATOR])
def test_the_inbox_and_its_search_never_show_another_steunpunts_questions(staff_client, world, role):
    own, other, _organisation = world
    user = MembershipFactory(support_point=own, role=role).user
    mine = CaseFactory(support_point=own, question="Onze vraag over de TLV")
    theirs = CaseFactory(support_point=other, question="Hun vraag over de TLV")
    client = staff_client(user)
    listing = client.get(reverse("support_inbox")).content.decode()
    assert mine.reference in listing and theirs.reference not in listing
    found = client.get(reverse("support_inbox"), {"q": "TLV"}).content.decode()
    assert theirs.reference not in found
    assert (mine.reference in found) == (role != Role.COORDINATOR)
    by_number = client.get(reverse("support_inbox"), {"q": theirs.reference}).content.decode()
    assert f">{theirs.reference}<" not in by_number and "Er zijn hier geen vragen." in by_number


def test_a_volunteer_sees_the_intake_but_not_the_contact_log(staff_client, world):
    own, _other, _organisation = world
    volunteer = MembershipFactory(support_point=own, role=Role.VOLUNTEER).user
    case = CaseFactory(support_point=own)
    html = staff_client(volunteer).get(reverse("support_case", args=[case.pk])).content.decode()
    assert case.question in html and "Contactmomenten" not in html and "Doorverwijzingen" not in html


def test_a_coordinator_reads_a_question_once_it_is_assigned_to_them_and_sees_the_workload(
    staff_client, world
):
    own, _other, _organisation = world
    coordinator = MembershipFactory(support_point=own, role=Role.COORDINATOR).user
    consultant = MembershipFactory(support_point=own, role=Role.CONSULTANT).user
    case = CaseFactory(support_point=own, urgent=True)
    client = staff_client(coordinator)
    page = client.get(reverse("support_case_assign", args=[case.pk])).content.decode()
    assert case.question not in page
    client.post(reverse("support_case_assign", args=[case.pk]), {"consultant": consultant.pk})
    case.refresh_from_db()
    assert case.assigned_to == consultant
    assert client.get(reverse("support_case", args=[case.pk])).status_code == 404
    workload = client.get(reverse("support_workload")).content.decode()
    assert consultant.username in workload
    # Assigning it back to oneself is giving oneself the contents: only someone who reads it may.
    staff_client(consultant).post(
        reverse("support_case_assign", args=[case.pk]), {"consultant": coordinator.pk}
    )
    client = staff_client(coordinator)
    assert client.get(reverse("support_case", args=[case.pk])).status_code == 200


def test_every_read_of_a_case_page_is_in_the_audit_log(staff_client, world):
    own, _other, _organisation = world
    consultant = MembershipFactory(support_point=own, role=Role.CONSULTANT).user
    case = CaseFactory(support_point=own)
    staff_client(consultant).get(reverse("support_case", args=[case.pk]))
    record = AuditRecord.objects.filter(action="read").get()
    assert (record.actor, record.object_id, record.support_point_id) == (
        consultant.username,
        str(case.pk),
        own.pk,
    )
    assert record.on_behalf_of == "consultant" and record.role_display == "Consulent"


def test_an_export_or_erasure_of_another_steunpunts_requester_is_impossible_even_with_the_same_email(
    staff_client, world
):
    own, other, _organisation = world
    consultant = MembershipFactory(support_point=own, role=Role.CONSULTANT).user
    mine = CaseFactory(support_point=own, requester_email="ouder@example.test")
    theirs = CaseFactory(support_point=other, requester_email="ouder@example.test", question="Hun vraag")
    client = staff_client(consultant)
    exported = client.get(reverse("support_requester_data_download", args=[mine.pk, "json"])).content.decode()
    assert mine.reference in exported and theirs.reference not in exported and "Hun vraag" not in exported
    client.post(reverse("support_requester_data_erase", args=[mine.pk]), {"confirm": "yes"})
    theirs.refresh_from_db()
    assert theirs.question == "Hun vraag" and theirs.requester_email == "ouder@example.test"
