"""Only the coordinator of a steunpunt reaches its development pages; every other role, a
superuser without membership and a coordinator of another steunpunt get 404 (S3)."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import RequestFactory
from django.urls import reverse

from steunpunt.development.blocks import BLOCK_CODES
from steunpunt.development.models import Cycle, NetworkMember
from steunpunt.development.services import assessment_record, cycle_start
from steunpunt.development.wagtail_hooks import DevelopmentMenuItem
from steunpunt.tenants.roles import Role
from steunpunt.tenants.tests.factories import MembershipFactory, SupportPointFactory, UserFactory

from .factories import NetworkMemberFactory, WorkingGroupMeetingFactory

pytestmark = pytest.mark.django_db

OTHER_ROLES = [role for role in Role if role != Role.COORDINATOR]


@pytest.fixture
def world(platform):
    own = SupportPointFactory(name="Steunpunt Eigen")
    other = SupportPointFactory(name="Steunpunt Ander")
    pdf = SimpleUploadedFile("verslag.pdf", b"%PDF-1.4 verslag", content_type="application/pdf")
    blocks = {code: {"status": "developing"} for code in BLOCK_CODES}
    blocks[BLOCK_CODES[0]]["files"] = [pdf]
    assessment = assessment_record(
        support_point=own, assessed_on=datetime.date(2025, 1, 15), blocks=blocks, by=None
    )
    cycle = cycle_start(support_point=own, by=None)
    member = NetworkMemberFactory(support_point=own, name="Geheim Lid", contact=True)
    meeting = WorkingGroupMeetingFactory(support_point=own, attendees=[member])
    evidence = assessment.blocks.get(block=BLOCK_CODES[0]).files.get()
    return {
        "own": own,
        "other": other,
        "objects": {
            "development_assessment": assessment.pk,
            "development_evidence": evidence.pk,
            "development_step_edit": cycle.steps.get(number=1).pk,
            "development_member_edit": member.pk,
            "development_member_remove": member.pk,
            "development_meeting": meeting.pk,
            "development_meeting_edit": meeting.pk,
        },
    }


LIST_PAGES = [
    "development_overview",
    "development_history",
    "development_assess",
    "development_plan",
    "development_network",
    "development_member_add",
    "development_meetings",
    "development_meeting_add",
]


def _urls(world):
    urls = [reverse(name) for name in LIST_PAGES]
    urls += [reverse(name, args=[pk]) for name, pk in world["objects"].items()]
    return urls


def test_the_coordinator_of_the_steunpunt_opens_every_page(staff_client, world):
    client = staff_client(MembershipFactory(support_point=world["own"], role=Role.COORDINATOR).user)
    for url in _urls(world):
        response = client.get(url)
        assert response.status_code == 200, url
    download = client.get(reverse("development_evidence", args=[world["objects"]["development_evidence"]]))
    assert b"".join(download.streaming_content) == b"%PDF-1.4 verslag"


@pytest.mark.parametrize("role", OTHER_ROLES)
def test_every_other_role_of_the_steunpunt_gets_404_on_every_page(staff_client, world, role):
    client = staff_client(MembershipFactory(support_point=world["own"], role=role).user)
    for url in _urls(world):
        assert client.get(url).status_code == 404, (role, url)
    assert client.post(reverse("development_cycle_start")).status_code == 404
    member_pk = world["objects"]["development_member_remove"]
    assert client.post(reverse("development_member_remove", args=[member_pk])).status_code == 404
    assert NetworkMember.objects.filter(pk=member_pk).exists()


def test_a_superuser_without_membership_gets_404_on_every_page(staff_client, world):
    client = staff_client(UserFactory(is_superuser=True, is_staff=True))
    for url in _urls(world):
        assert client.get(url).status_code == 404, url


def test_anonymous_visitors_are_sent_to_the_login_page(client, world):
    for url in _urls(world):
        response = client.get(url, HTTP_HOST="127.0.0.1")
        assert response.status_code == 302 and "/admin/login/" in response["Location"], url


def test_a_coordinator_of_another_steunpunt_cannot_reach_this_ones_objects(staff_client, world):
    client = staff_client(MembershipFactory(support_point=world["other"], role=Role.COORDINATOR).user)
    for name, pk in world["objects"].items():
        assert client.get(reverse(name, args=[pk])).status_code == 404, name
    member_pk = world["objects"]["development_member_remove"]
    assert client.post(reverse("development_member_remove", args=[member_pk])).status_code == 404
    step_pk = world["objects"]["development_step_edit"]
    assert (
        client.post(reverse("development_step_edit", args=[step_pk]), {"status": "under_way"}).status_code
        == 404
    )
    assert NetworkMember.objects.filter(pk=member_pk).exists()
    # Asking for the other steunpunt by number shows one's own instead.
    for name in LIST_PAGES:
        page = client.get(reverse(name), {"steunpunt": world["own"].pk})
        assert page.status_code == 200 and page.context["support_point"] == world["other"], name
    network = client.get(reverse("development_network"), {"steunpunt": world["own"].pk}).content.decode()
    assert "Geheim Lid" not in network
    # Starting a plan "for" the other steunpunt starts one's own.
    client.post(f"{reverse('development_cycle_start')}?steunpunt={world['own'].pk}")
    assert Cycle.objects.filter(support_point=world["other"]).count() == 1
    assert Cycle.objects.filter(support_point=world["own"]).count() == 1


def test_a_coordinator_of_two_steunpunten_picks_one(staff_client, world):
    user = MembershipFactory(support_point=world["own"], role=Role.COORDINATOR).user
    MembershipFactory(user=user, support_point=world["other"], role=Role.COORDINATOR)
    client = staff_client(user)
    first = client.get(reverse("development_overview"))
    assert 'name="steunpunt"' in first.content.decode()
    for support_point in (world["own"], world["other"]):
        page = client.get(reverse("development_overview"), {"steunpunt": support_point.pk})
        assert page.context["support_point"] == support_point
        assert f"Ontwikkeling van {support_point.name}" in page.content.decode()
    for odd in ("abc", "-1", "99999999999999999999"):
        assert client.get(reverse("development_plan"), {"steunpunt": odd}).status_code == 200


def test_the_menu_items_are_shown_to_coordinators_only(world):
    item = DevelopmentMenuItem("Kruk", "/admin/ontwikkeling/")
    request = RequestFactory().get("/admin/")
    for role in Role:
        request.user = MembershipFactory(support_point=world["own"], role=role).user
        assert item.is_shown(request) is (role == Role.COORDINATOR), role
    request.user = UserFactory(is_superuser=True)
    assert item.is_shown(request) is False
