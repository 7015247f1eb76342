"""Signals: recorded from questions of their own steunpunt, followed up, published in plain words."""

import datetime

import pytest
from django.urls import reverse

from steunpunt.concerns.models import Concern
from steunpunt.concerns.services import ConcernError, concern_create, concern_transition
from steunpunt.information.tests.factories import ThemeFactory
from steunpunt.support.tests.factories import CaseFactory
from steunpunt.tenants.roles import Role
from steunpunt.tenants.tests.factories import MembershipFactory, SupportPointFactory

pytestmark = pytest.mark.django_db
HOST = {"HTTP_HOST": "noord.localhost"}


@pytest.fixture
def world(platform):
    own = SupportPointFactory(hostname="noord.localhost")
    other = SupportPointFactory(hostname="midden.localhost")
    return own, other


def test_a_consultant_records_a_signal_from_questions_of_their_own_steunpunt(staff_client, world):
    own, other = world
    consultant = MembershipFactory(support_point=own, role=Role.CONSULTANT).user
    mine, theirs = CaseFactory(support_point=own), CaseFactory(support_point=other)
    theme = ThemeFactory()
    client = staff_client(consultant)
    data = {
        "title": "Wachtlijst speciaal onderwijs",
        "description": "Vijf ouders wachten al maanden op een plek in het so.",
        "severity": "high",
        "themes": [theme.pk],
        "references": f"{mine.reference} {theirs.reference}",
    }
    refused = client.post(reverse("concerns_add"), data)
    assert refused.status_code == 400 and theirs.reference in refused.content.decode()
    assert not Concern.objects.exists()
    response = client.post(reverse("concerns_add"), {**data, "references": mine.reference.lower()})
    concern = Concern.objects.get()
    assert response.status_code == 302
    assert list(concern.cases.all()) == [mine] and concern.support_point == own and concern.status == "raised"
    page = client.get(reverse("concerns_detail", args=[concern.pk])).content.decode()
    assert mine.reference in page


def test_the_follow_up_goes_step_by_step_with_dates_and_texts(world):
    own, _other = world
    concern = concern_create(support_point=own, title="T", description="D", severity="low", by=None)
    with pytest.raises(ConcernError):
        concern_transition(concern=concern, to="response", text="Te vroeg", by=None)
    concern = concern_transition(concern=concern, to="discussed", on=datetime.date(2026, 10, 1), by=None)
    with pytest.raises(ConcernError, match="reactie van het bestuur"):
        concern_transition(concern=concern, to="response", text=" ", by=None)
    concern = concern_transition(concern=concern, to="response", text="Extra plaatsen in 2027", by=None)
    concern = concern_transition(concern=concern, to="followed_up", text="Er kwamen 12 plaatsen bij", by=None)
    concern = concern_transition(concern=concern, to="closed", by=None)
    assert concern.discussed_on == datetime.date(2026, 10, 1)
    assert (concern.board_response, concern.change_made) == (
        "Extra plaatsen in 2027",
        "Er kwamen 12 plaatsen bij",
    )
    assert [c.to_status for c in concern.status_changes.all()] == [
        "raised",
        "discussed",
        "response",
        "followed_up",
        "closed",
    ]
    with pytest.raises(ConcernError):
        concern_transition(concern=concern, to="raised", by=None)


def test_only_the_coordinator_publishes_and_the_public_page_shows_only_published_plain_words(
    staff_client, client, world
):
    own, other = world
    case = CaseFactory(support_point=own, requester_name="Fatima de Vries")
    concern = concern_create(
        support_point=own,
        title="Wachtlijst so",
        description="Intern: zie vraag",
        severity="high",
        cases=[case],
        by=None,
    )
    concern_create(support_point=own, title="Niet gepubliceerd", description="D", severity="low", by=None)
    concern_create(support_point=other, title="Ander steunpunt", description="D", severity="low", by=None)
    consultant = MembershipFactory(support_point=own, role=Role.CONSULTANT).user
    data = {
        "published": "on",
        "heard": "Ouders wachten lang op een plek.",
        "changed": "Er komen plaatsen bij.",
    }
    assert (
        staff_client(consultant).post(reverse("concerns_publish", args=[concern.pk]), data).status_code == 404
    )
    coordinator = MembershipFactory(support_point=own, role=Role.COORDINATOR).user
    coordinator_client = staff_client(coordinator)
    empty = coordinator_client.post(
        reverse("concerns_publish", args=[concern.pk]), {"published": "on", "heard": ""}
    )
    assert empty.status_code == 400
    coordinator_client.post(reverse("concerns_publish", args=[concern.pk]), data)

    html = client.get("/wat-we-hoorden/", **HOST).content.decode()
    assert "Ouders wachten lang op een plek." in html and "Er komen plaatsen bij." in html
    assert "Niet gepubliceerd" not in html and "Ander steunpunt" not in html
    assert "Intern: zie vraag" not in html and case.reference not in html and "Fatima" not in html
    assert (
        "Ander steunpunt" not in client.get("/wat-we-hoorden/", HTTP_HOST="midden.localhost").content.decode()
    )


@pytest.mark.parametrize(
    "role", [Role.BOARD, Role.EDITOR, Role.VOLUNTEER, Role.PANEL_MEMBER, Role.ADMINISTRATOR]
)
def test_roles_without_signal_work_get_404(staff_client, world, role):
    own, _other = world
    concern = concern_create(support_point=own, title="T", description="D", severity="low", by=None)
    client = staff_client(MembershipFactory(support_point=own, role=role).user)
    for url in (
        reverse("concerns_list"),
        reverse("concerns_add"),
        reverse("concerns_detail", args=[concern.pk]),
    ):
        assert client.get(url).status_code == 404, (role, url)


def test_another_steunpunts_signal_answers_404(staff_client, world):
    own, other = world
    concern = concern_create(support_point=other, title="T", description="D", severity="low", by=None)
    client = staff_client(MembershipFactory(support_point=own, role=Role.COORDINATOR).user)
    for name in ("concerns_detail", "concerns_edit"):
        assert client.get(reverse(name, args=[concern.pk])).status_code == 404
    assert (
        client.post(
            reverse("concerns_status", args=[concern.pk]), {"to": "closed", "on": "2026-11-01"}
        ).status_code
        == 404
    )
