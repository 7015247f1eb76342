"""The case services: the transition table, assignment, lost-update protection, first contact."""

import itertools

import pytest

from steunpunt.privacy.models import AuditRecord
from steunpunt.support.models import CaseStatus, Message, Outcome, StatusChange
from steunpunt.support.services import (
    CaseConflict,
    TransitionNotAllowed,
    case_assign,
    case_transition,
    case_update,
    contact_add,
    message_from_requester,
    message_from_staff,
    referral_add,
)
from steunpunt.support.states import ALLOWED_TRANSITIONS
from steunpunt.tenants.roles import Role
from steunpunt.tenants.tests.factories import MembershipFactory, UserFactory

from .factories import CaseFactory

pytestmark = pytest.mark.django_db

# Written independently of states.py: the product brief's flow, with "heropend".
EXPECTED = {
    ("new", "in_progress"),
    ("new", "closed"),
    ("in_progress", "waiting"),
    ("in_progress", "closed"),
    ("waiting", "in_progress"),
    ("waiting", "closed"),
    ("closed", "reopened"),
    ("reopened", "in_progress"),
    ("reopened", "waiting"),
    ("reopened", "closed"),
}


def _case_in(status, consultant):
    case = CaseFactory()
    path = {
        "new": [],
        "in_progress": ["in_progress"],
        "waiting": ["in_progress", "waiting"],
        "closed": ["closed"],
        "reopened": ["closed", "reopened"],
    }[status]
    for step in path:
        case = case_transition(case=case, to=step, by=consultant, outcome=Outcome.SOLVED)
    return case


@pytest.mark.parametrize(("start", "to"), list(itertools.product(CaseStatus.values, repeat=2)))
def test_every_status_change_follows_the_table(platform, start, to):
    consultant = UserFactory()
    case = _case_in(start, consultant)
    assert case.status == start
    if (start, to) in EXPECTED:
        case = case_transition(case=case, to=to, by=consultant, outcome=Outcome.SOLVED)
        assert case.status == to
        assert StatusChange.objects.filter(case=case).last().to_status == to
    else:
        with pytest.raises(TransitionNotAllowed):
            case_transition(case=case, to=to, by=consultant, outcome=Outcome.SOLVED)
        case.refresh_from_db()
        assert case.status == start
    assert {(a, b) for a, targets in ALLOWED_TRANSITIONS.items() for b in targets} == EXPECTED


def test_closing_needs_an_outcome_and_reopening_clears_the_closing_date(platform):
    case = CaseFactory()
    with pytest.raises(TransitionNotAllowed, match="uitkomst"):
        case_transition(case=case, to="closed", by=None)
    case = case_transition(case=case, to="closed", by=None, outcome=Outcome.REFERRED, reason="Naar jeugdhulp")
    assert case.closed_at and case.outcome == Outcome.REFERRED
    case = case_transition(case=case, to="reopened", by=None)
    assert case.closed_at is None


def test_only_staff_who_handle_questions_can_be_assigned(platform):
    case = CaseFactory()
    consultant = MembershipFactory(support_point=case.support_point, role=Role.CONSULTANT).user
    editor = MembershipFactory(support_point=case.support_point, role=Role.EDITOR).user
    elsewhere = MembershipFactory(role=Role.CONSULTANT).user
    assert case_assign(case=case, consultant=consultant, by=None).assigned_to == consultant
    for person in (editor, elsewhere):
        with pytest.raises(TransitionNotAllowed):
            case_assign(case=case, consultant=person, by=None)
    case.refresh_from_db()
    assert case.assigned_to == consultant


def test_a_save_based_on_an_old_version_is_refused_and_nothing_is_overwritten(platform):
    case = CaseFactory(question="Oorspronkelijke vraag")
    opened_by_both = case.version
    data = {"question": "Versie van Anna", "urgent": True}
    case_update(
        case=case, data=data, themes=[], support_kinds=["advice"], expected_version=opened_by_both, by=None
    )
    with pytest.raises(CaseConflict) as clash:
        case_update(
            case=case,
            data={"question": "Versie van Bram"},
            themes=[],
            support_kinds=[],
            expected_version=opened_by_both,
            by=None,
        )
    case.refresh_from_db()
    assert (case.question, case.urgent) == ("Versie van Anna", True)
    assert list(case.support_given.values_list("kind", flat=True)) == ["advice"]
    assert clash.value.current.version == case.version


def test_the_first_message_or_contact_counts_as_first_contact_and_starts_the_work(platform):
    case = CaseFactory()
    assert case.first_contact_at is None and case.status == CaseStatus.NEW
    message_from_staff(case=case, body="Dag, ik bel u morgen.", by=None)
    case.refresh_from_db()
    first = case.first_contact_at
    assert first is not None and case.status == CaseStatus.IN_PROGRESS
    contact_add(case=case, channel="phone", on=case.created_at.date(), minutes=20, summary="Gebeld", by=None)
    case.refresh_from_db()
    assert case.first_contact_at == first


def test_a_reply_from_the_requester_picks_up_a_waiting_case_and_a_closed_case_refuses_it(platform):
    case = _case_in("waiting", None)
    message_from_requester(case=case, body="Hier is de informatie.")
    case.refresh_from_db()
    assert case.status == CaseStatus.IN_PROGRESS
    closed = _case_in("closed", None)
    with pytest.raises(TransitionNotAllowed, match="afgerond"):
        message_from_requester(case=closed, body="Nog iets")
    assert not Message.objects.filter(case=closed).exists()


def test_a_referral_needs_consent(platform):
    from steunpunt.socialmap.models import Organisation

    organisation = Organisation.objects.create(
        name="Wijkteam", category="jeugdhulp", helps_with="x", when_to_go="y"
    )
    case = CaseFactory()
    with pytest.raises(TransitionNotAllowed, match="toestemming"):
        referral_add(case=case, organisation=organisation, consent=False, note="", by=None)
    assert not case.referrals.exists()
    referral_add(case=case, organisation=organisation, consent=True, note="", by=None)
    assert case.support_given.filter(kind="referral").exists()


def test_every_change_writes_an_audit_record(platform):
    consultant = MembershipFactory(role=Role.CONSULTANT).user
    case = CaseFactory(support_point=consultant.memberships.get().support_point)
    before = AuditRecord.objects.count()
    case_assign(case=case, consultant=consultant, by=consultant)
    message_from_staff(case=case, body="Hallo", by=consultant)
    records = list(AuditRecord.objects.order_by("pk")[before:])
    assert [r.action for r in records] == ["change", "change"]
    assert all(r.actor == consultant.username and r.on_behalf_of == "consultant" for r in records)
    assert all(r.object_id == str(case.pk) and r.support_point_id == case.support_point_id for r in records)
