"""The eight steps as a living plan: the status table, rounds that close after step 8, and earlier
rounds that stay readable but can no longer change."""

import datetime
import itertools

import pytest
from django.urls import reverse
from django.utils import timezone

from steunpunt.development.choices import StepStatus
from steunpunt.development.models import Cycle, CycleStep
from steunpunt.development.selectors import current_cycle
from steunpunt.development.services import DevelopmentError, cycle_start, step_transition, step_update
from steunpunt.development.states import ALLOWED_TRANSITIONS, allowed_next, can_move
from steunpunt.tenants.roles import Role
from steunpunt.tenants.tests.factories import MembershipFactory, SupportPointFactory

pytestmark = pytest.mark.django_db
S = StepStatus
EXPECTED = {
    (S.NOT_STARTED, S.UNDER_WAY),
    (S.UNDER_WAY, S.COMPLETED),
    (S.COMPLETED, S.UNDER_WAY),
}


@pytest.fixture
def support_point(platform):
    return SupportPointFactory(name="Steunpunt Eigen")


def _step(cycle, number):
    return cycle.steps.get(number=number)


def _complete(step):
    step_transition(step=step, to=S.UNDER_WAY, by=None)
    return step_transition(step=step, to=S.COMPLETED, by=None)


def test_the_transition_table_is_exactly_the_documented_one():
    assert {(a, b) for a, targets in ALLOWED_TRANSITIONS.items() for b in targets} == EXPECTED
    assert allowed_next(S.NOT_STARTED) == [S.UNDER_WAY]
    assert allowed_next(S.COMPLETED) == [S.UNDER_WAY]


@pytest.mark.parametrize(("from_status", "to_status"), list(itertools.product(S, S)))
def test_every_pair_of_statuses_follows_the_table(support_point, from_status, to_status):
    step = _step(cycle_start(support_point=support_point, by=None), 3)
    CycleStep.objects.filter(pk=step.pk).update(status=from_status)
    allowed = (from_status, to_status) in EXPECTED or from_status == to_status
    assert can_move(from_status, to_status) is ((from_status, to_status) in EXPECTED)
    for service in (step_transition, step_update):
        CycleStep.objects.filter(pk=step.pk).update(status=from_status)
        change = (
            (lambda: step_transition(step=step, to=to_status, by=None))
            if service is step_transition
            else (lambda: step_update(step=step, status=to_status, by=None))
        )
        if allowed:
            assert change().status == to_status
        else:
            with pytest.raises(DevelopmentError, match="kan niet"):
                change()
            step.refresh_from_db()
            assert step.status == from_status


def test_completing_dates_the_step_and_reopening_clears_the_date(support_point):
    step = _step(cycle_start(support_point=support_point, by=None), 1)
    step = step_transition(step=step, to=S.UNDER_WAY, by=None)
    assert step.starts_on == timezone.localdate() and step.completed_on is None
    step = step_transition(step=step, to=S.COMPLETED, by=None)
    assert step.completed_on == timezone.localdate()
    step = step_transition(step=step, to=S.UNDER_WAY, by=None)
    assert step.completed_on is None and step.starts_on == timezone.localdate()


def test_a_new_round_starts_only_after_step_8_and_the_earlier_round_stays_read_only(support_point):
    first = cycle_start(support_point=support_point, by=None, on=datetime.date(2026, 1, 10))
    assert first.number == 1 and first.is_open and first.steps.count() == 8
    with pytest.raises(DevelopmentError, match="stap 8"):
        cycle_start(support_point=support_point, by=None)
    for number in range(1, 8):
        _complete(_step(first, number))
    with pytest.raises(DevelopmentError, match="stap 8"):
        cycle_start(support_point=support_point, by=None)
    _complete(_step(first, 8))

    second = cycle_start(support_point=support_point, by=None, on=datetime.date(2026, 9, 1))
    first.refresh_from_db()
    assert (second.number, second.is_open) == (2, True)
    assert first.closed_on == datetime.date(2026, 9, 1) and not first.is_open
    assert current_cycle(support_point) == second
    assert {s.status for s in second.steps.all()} == {S.NOT_STARTED}
    with pytest.raises(DevelopmentError, match="afgesloten"):
        step_update(step=_step(first, 8), status=S.COMPLETED, notes="Toch nog iets", by=None)
    with pytest.raises(DevelopmentError, match="afgesloten"):
        step_transition(step=_step(first, 8), to=S.UNDER_WAY, by=None)
    assert _step(first, 8).status == S.COMPLETED and _step(first, 8).notes == ""


def test_the_coordinator_works_through_the_plan_in_the_pages(staff_client, support_point):
    coordinator = MembershipFactory(support_point=support_point, role=Role.COORDINATOR)
    consultant = MembershipFactory(support_point=support_point, role=Role.CONSULTANT).user
    client = staff_client(coordinator.user)
    empty = client.get(reverse("development_plan")).content.decode()
    assert "Het plan is nog niet begonnen." in empty
    client.post(f"{reverse('development_cycle_start')}?steunpunt={support_point.pk}")
    cycle = Cycle.objects.get()
    page = client.get(reverse("development_plan")).content.decode()
    assert "Aanloopfase" in page and "Uitvoeringsfase" in page
    assert "Voor welk probleem was dit ook alweer de oplossing?" in page
    assert "Bron: Samen bouwen aan ouder- en jeugdsteunpunten, OCW 2021" in page

    step = _step(cycle, 5)
    form = client.get(reverse("development_step_edit", args=[step.pk])).content.decode()
    assert "Wat zijn de evaluatiecriteria?" in form
    assert 'value="completed"' not in form  # not offered from "niet begonnen"
    response = client.post(
        reverse("development_step_edit", args=[step.pk]),
        {
            "status": "under_way",
            "owner": consultant.pk,
            "starts_on": "2026-10-01",
            "due_on": "2026-12-31",
            "notes": "Ambitie: signaleren op gang.",
        },
    )
    assert response.status_code == 302
    step.refresh_from_db()
    assert (step.status, step.owner, step.due_on) == (S.UNDER_WAY, consultant, datetime.date(2026, 12, 31))
    page = client.get(reverse("development_plan")).content.decode()
    assert "Ambitie: signaleren op gang." in page

    for number in range(1, 9):
        _complete(_step(cycle, number))
    page = client.get(reverse("development_plan")).content.decode()
    assert "Nieuwe ronde beginnen" in page
    client.post(f"{reverse('development_cycle_start')}?steunpunt={support_point.pk}")
    old_step = _step(cycle, 5)
    assert client.get(reverse("development_step_edit", args=[old_step.pk])).status_code == 404
    assert (
        client.post(reverse("development_step_edit", args=[old_step.pk]), {"status": "under_way"}).status_code
        == 404
    )
    old = client.get(reverse("development_plan"), {"ronde": "1"}).content.decode()
    assert "Deze ronde is afgesloten op" in old and "Ambitie: signaleren op gang." in old
    assert reverse("development_step_edit", args=[old_step.pk]) not in old
    assert client.get(reverse("development_plan"), {"ronde": "x"}).status_code == 200


def test_starting_a_new_round_too_early_gets_a_dutch_message(staff_client, support_point):
    client = staff_client(MembershipFactory(support_point=support_point, role=Role.COORDINATOR).user)
    cycle_start(support_point=support_point, by=None)
    response = client.post(f"{reverse('development_cycle_start')}?steunpunt={support_point.pk}")
    assert response.status_code == 400
    assert "Een nieuwe ronde begint pas als stap 8" in response.content.decode()
    assert Cycle.objects.count() == 1


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"status": "completed"}, "Een stap die “Niet begonnen” is, kan niet “Afgerond” worden."),
        ({"status": "done"}, "Kies een status uit de lijst."),
        (
            {"status": "under_way", "starts_on": "2026-10-01", "due_on": "2026-09-01"},
            "De einddatum ligt vóór de begindatum.",
        ),
        ({"status": "under_way", "starts_on": "1-13-2026"}, "Vul een bestaande datum in"),
        (
            {"status": "under_way", "owner": "OTHER"},
            "Kies iemand die bij dit steunpunt werkt, of typ een naam.",
        ),
        (
            {"status": "under_way", "owner": "BOARD"},
            "Kies iemand die bij dit steunpunt werkt, of typ een naam.",
        ),
        ({"status": "under_way", "owner": "SELF", "owner_name": "Anna"}, "niet allebei"),
    ],
)
def test_bad_input_on_a_step_gets_a_dutch_message_and_changes_nothing(
    staff_client, support_point, data, message
):
    coordinator = MembershipFactory(support_point=support_point, role=Role.COORDINATOR).user
    users = {
        "OTHER": MembershipFactory(support_point=SupportPointFactory(), role=Role.COORDINATOR).user,
        "BOARD": MembershipFactory(support_point=support_point, role=Role.BOARD).user,
        "SELF": coordinator,
    }
    if "owner" in data:
        data = {**data, "owner": users[data["owner"]].pk}
    client = staff_client(coordinator)
    step = _step(cycle_start(support_point=support_point, by=None), 2)
    response = client.post(
        reverse("development_step_edit", args=[step.pk]), {**data, "notes": "Mijn notities"}
    )
    html = response.content.decode()
    assert response.status_code == 400
    assert message in html and "Mijn notities" in html
    step.refresh_from_db()
    assert (step.status, step.notes, step.owner, step.starts_on) == (S.NOT_STARTED, "", None, None)


def test_a_step_can_be_owned_by_someone_without_an_account(support_point):
    step = _step(cycle_start(support_point=support_point, by=None), 2)
    step = step_update(step=step, status=S.UNDER_WAY, owner_name=" Anna (ouder) ", by=None)
    assert step.owner_display == "Anna (ouder)"


def test_two_rounds_started_at_the_same_moment_give_a_message_not_an_error(support_point, monkeypatch):
    cycle_start(support_point=support_point, by=None)
    # The second request has not seen the round the first one just opened.
    monkeypatch.setattr(Cycle.objects, "select_for_update", lambda: Cycle.objects.none())
    with pytest.raises(DevelopmentError, match="op hetzelfde moment"):
        cycle_start(support_point=support_point, by=None)
    assert Cycle.objects.filter(support_point=support_point).count() == 1
