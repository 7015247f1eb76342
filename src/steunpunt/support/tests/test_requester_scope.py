"""Issue 13, hole 1: a coordinator entered a new question with the phone number of a case assigned to
someone else, assigned it to themself and exported "the requester's data" — which held the other
case's question, name, phone and contact log, with an audit record for the new case only. The export,
the requester-data page and erasure now reach only the cases the acting user may read, each audited;
the assign page offers a coordinator only people who may already read the case."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from steunpunt.privacy.models import AuditAction, AuditRecord
from steunpunt.support.models import Case
from steunpunt.support.services import contact_add
from steunpunt.tenants.roles import Role
from steunpunt.tenants.tests.factories import MembershipFactory, SupportPointFactory

from .factories import CaseFactory

pytestmark = pytest.mark.django_db

PHONE = "06 11223344"


@pytest.fixture
def setting():
    """A steunpunt with a coordinator, and a consultant's case of a parent with a known phone number."""
    own = SupportPointFactory()
    coordinator = MembershipFactory(support_point=own, role=Role.COORDINATOR).user
    consultant = MembershipFactory(support_point=own, role=Role.CONSULTANT).user
    theirs = CaseFactory(
        support_point=own,
        requester_name="Fatima de Vries",
        requester_phone=PHONE,
        question="Mijn dochter Noor wordt gepest.",
        assigned_to=consultant,
    )
    contact_add(
        case=theirs,
        channel="phone",
        on=timezone.localdate() - datetime.timedelta(days=1),
        minutes=20,
        summary="Gesprek over de thuissituatie",
        by=consultant,
    )
    return own, coordinator, consultant, theirs


def _enter_question(client, support_point):
    """The coordinator enters a new question by phone with the other case's number (/admin/vragen/nieuw/)."""
    response = client.post(
        reverse("support_case_create"),
        {
            "support_point": support_point.pk,
            "channel": "phone",
            "requester_kind": "parent",
            "question": "Een korte vraag.",
            "age_group": "4_12",
            "school_type": "primary",
            "requester_phone": PHONE,
            "answer_by": "phone",
        },
    )
    assert response.status_code == 302, response.context["form"].errors if response.context else response
    return Case.objects.exclude(requester_name="Fatima de Vries").get(requester_phone=PHONE)


def test_a_coordinator_cannot_assign_to_themself_a_question_they_may_not_read(staff_client, setting):
    """The assign page offers only those who may already read the case; posting oneself changes nothing."""
    own, coordinator, consultant, _theirs = setting
    client = staff_client(coordinator)
    mine = _enter_question(client, own)
    page = client.get(reverse("support_case_assign", args=[mine.pk])).content.decode()
    assert f'value="{consultant.pk}"' in page and f'value="{coordinator.pk}"' not in page
    response = client.post(reverse("support_case_assign", args=[mine.pk]), {"consultant": coordinator.pk})
    assert response.status_code == 400
    mine.refresh_from_db()
    assert mine.assigned_to is None


def test_the_requester_export_holds_only_cases_the_coordinator_may_read(staff_client, setting):
    """With the new question legitimately theirs, the export holds that one case only, and logs it."""
    own, coordinator, consultant, theirs = setting
    client = staff_client(coordinator)
    mine = _enter_question(client, own)
    # A consultant hands the new question to the coordinator (the legitimate way to get it).
    staff_client(consultant).post(
        reverse("support_case_assign", args=[mine.pk]), {"consultant": coordinator.pk}
    )
    client = staff_client(coordinator)
    before = list(AuditRecord.objects.values_list("pk", flat=True))
    response = client.get(reverse("support_requester_data_download", args=[mine.pk, "json"]))
    assert response.status_code == 200
    exported = response.content.decode()
    assert mine.reference in exported
    for secret in (theirs.reference, "Fatima de Vries", "Noor", "thuissituatie"):
        assert secret not in exported
    new = AuditRecord.objects.exclude(pk__in=before)
    assert [(r.action, r.object_id, r.on_behalf_of) for r in new] == [
        (AuditAction.EXPORT, str(mine.pk), "coordinator")
    ]


def test_the_requester_data_page_lists_and_audits_only_readable_cases(staff_client, setting):
    """The page lists the coordinator's own case only, with a read record for it."""
    own, coordinator, _consultant, theirs = setting
    mine = CaseFactory(support_point=own, requester_phone=PHONE, assigned_to=coordinator)
    client = staff_client(coordinator)
    page = client.get(reverse("support_requester_data", args=[mine.pk])).content.decode()
    assert mine.reference in page and theirs.reference not in page
    reads = AuditRecord.objects.filter(action=AuditAction.READ, detail="requester data page")
    assert list(reads.values_list("object_id", flat=True)) == [str(mine.pk)]


def test_erasure_through_a_matching_phone_number_leaves_cases_the_user_may_not_read(staff_client, setting):
    """Erasing "all questions of this requester" erases only the coordinator's own one, audited per case."""
    own, coordinator, _consultant, theirs = setting
    mine = CaseFactory(support_point=own, requester_phone=PHONE, assigned_to=coordinator)
    client = staff_client(coordinator)
    response = client.post(reverse("support_requester_data_erase", args=[mine.pk]), {"confirm": "yes"})
    assert response.status_code == 302
    theirs.refresh_from_db()
    mine.refresh_from_db()
    assert theirs.requester_name == "Fatima de Vries" and theirs.question
    assert mine.anonymised_at is not None
    erased = AuditRecord.objects.filter(action=AuditAction.ERASE)
    assert list(erased.values_list("object_id", "on_behalf_of")) == [(str(mine.pk), "coordinator")]


def test_a_consultant_exports_every_case_of_the_requester_each_audited(staff_client, setting):
    """Who may read every case of the steunpunt still gets them all, with one export record per case."""
    own, _coordinator, consultant, theirs = setting
    other = CaseFactory(support_point=own, requester_phone=PHONE)
    client = staff_client(consultant)
    exported = client.get(
        reverse("support_requester_data_download", args=[other.pk, "json"])
    ).content.decode()
    assert theirs.reference in exported and other.reference in exported
    assert sorted(
        AuditRecord.objects.filter(action=AuditAction.EXPORT).values_list("object_id", flat=True)
    ) == sorted([str(theirs.pk), str(other.pk)])
