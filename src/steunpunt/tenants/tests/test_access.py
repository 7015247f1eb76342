"""The access layer (tenants/access.py): every view of a back-office model screen reads through the one
scoped queryset, so Wagtail's own history and usage views of another steunpunt's object answer 404
as its edit page does; reading personal data leaves one audit record per object shown."""

import pytest
from django.urls import reverse
from wagtail.permissions import policy_registry

from steunpunt.consultations.tests.factories import BookingFactory, SlotFactory
from steunpunt.meetings.tests.factories import MeetingFactory, RegistrationFactory
from steunpunt.privacy.models import AuditAction, AuditRecord
from steunpunt.stories.tests.factories import StoryFactory
from steunpunt.tenants.access import ScopedPermissionPolicy, ScopedViewSetMixin
from steunpunt.tenants.roles import Role

from .factories import MembershipFactory, SupportPointFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def own():
    return SupportPointFactory()


@pytest.fixture
def other():
    return SupportPointFactory()


def _coordinator(staff_client, support_point):
    return staff_client(MembershipFactory(support_point=support_point, role=Role.COORDINATOR).user)


# The attack of issue 13: Wagtail's history and usage views of another steunpunt's objects answered 200.
OTHER_STEUNPUNT_URLS = [
    ("stories:history", lambda other: StoryFactory(support_point=other)),
    ("stories:usage", lambda other: StoryFactory(support_point=other)),
    ("memberships:usage", lambda other: MembershipFactory(support_point=other, role=Role.CONSULTANT)),
    ("memberships:history", lambda other: MembershipFactory(support_point=other, role=Role.CONSULTANT)),
    ("support_points:history", lambda other: other),
    ("support_points:usage", lambda other: other),
    ("meetings:history", lambda other: MeetingFactory(support_point=other)),
    ("meetings:usage", lambda other: MeetingFactory(support_point=other)),
    ("consultation_slots:history", lambda other: SlotFactory(support_point=other)),
    ("consultation_slots:usage", lambda other: SlotFactory(support_point=other)),
]


@pytest.mark.parametrize(("url_name", "make"), OTHER_STEUNPUNT_URLS)
def test_wagtail_history_and_usage_of_another_steunpunts_object_answer_404(
    staff_client, own, other, url_name, make
):
    """A coordinator of one steunpunt gets 404 for the history and usage of another's objects."""
    client = _coordinator(staff_client, own)
    response = client.get(reverse(url_name, args=[make(other).pk]))
    assert response.status_code == 404


def test_the_history_of_an_own_story_opens_and_is_audited(staff_client, own):
    """The same view answers for the steunpunt's own story, and records that its text was read."""
    coordinator = MembershipFactory(support_point=own, role=Role.COORDINATOR).user
    client = staff_client(coordinator)
    story = StoryFactory(support_point=own)
    assert client.get(reverse("stories:history", args=[story.pk])).status_code == 200
    record = AuditRecord.objects.get(object_type="story", object_id=str(story.pk))
    assert record.action == AuditAction.READ and record.actor_id == coordinator.pk
    assert record.on_behalf_of == "coordinator" and record.support_point_id == own.pk


def test_a_role_outside_the_declaration_gets_404_even_at_its_own_steunpunt(staff_client, own):
    """A board member reaches no story, meeting or membership screen of its own steunpunt."""
    client = staff_client(MembershipFactory(support_point=own, role=Role.BOARD).user)
    story = StoryFactory(support_point=own)
    meeting = MeetingFactory(support_point=own)
    for url in (
        reverse("stories:index"),
        reverse("stories:edit", args=[story.pk]),
        reverse("stories:history", args=[story.pk]),
        reverse("meetings:usage", args=[meeting.pk]),
        reverse("memberships:index"),
    ):
        assert client.get(url).status_code == 404, url


def test_a_superuser_edits_every_steunpunt_but_reads_no_story(staff_client, other):
    """The platform administrator reaches every steunpunt's details, and nothing of its work."""
    client = staff_client(UserFactory(is_superuser=True))
    assert client.get(reverse("support_points:history", args=[other.pk])).status_code == 200
    story = StoryFactory(support_point=other)
    assert client.get(reverse("stories:history", args=[story.pk])).status_code == 404


def test_every_back_office_model_screen_is_declared_on_the_access_layer():
    """Every model with a ModelViewSet in the back office has the layer's policy, none its own."""
    from django.urls import get_resolver
    from wagtail.admin.viewsets import viewsets
    from wagtail.admin.viewsets.model import ModelViewSet

    get_resolver().url_patterns  # noqa: B018 - loading the back office's URLs registers its viewsets
    screens = [viewset for viewset in viewsets.viewsets if isinstance(viewset, ModelViewSet)]
    ours = [viewset for viewset in screens if viewset.model.__module__.startswith("steunpunt.")]
    assert len(ours) >= 12
    for viewset in ours:
        assert isinstance(viewset, ScopedViewSetMixin), type(viewset).__name__
        assert isinstance(policy_registry.get_by_type(viewset.model), ScopedPermissionPolicy)


def test_the_bookings_list_writes_one_audit_record_per_booking_shown(staff_client, own, other):
    """Reading the list of bookings (names, phone numbers) is logged per booking, in the reader's role."""
    volunteer = MembershipFactory(support_point=own, role=Role.VOLUNTEER).user
    client = staff_client(volunteer)
    shown = BookingFactory.create_batch(2, slot__support_point=own)
    BookingFactory(slot__support_point=other)
    response = client.get(reverse("consultation_bookings:index"))
    assert response.status_code == 200
    records = AuditRecord.objects.filter(object_type="booking", action=AuditAction.READ)
    assert sorted(records.values_list("object_id", flat=True)) == sorted(str(b.pk) for b in shown)
    assert {r.on_behalf_of for r in records} == {"volunteer"}
    assert {r.support_point_id for r in records} == {own.pk}


def test_the_registrations_list_writes_one_audit_record_per_registration_shown(staff_client, own):
    """Reading who registered for a meeting is logged per registration."""
    client = _coordinator(staff_client, own)
    shown = RegistrationFactory.create_batch(3, meeting__support_point=own)
    assert client.get(reverse("registrations:index")).status_code == 200
    assert sorted(
        AuditRecord.objects.filter(object_type="registration").values_list("object_id", flat=True)
    ) == sorted(str(r.pk) for r in shown)


def test_a_storys_edit_page_writes_an_audit_record(staff_client, own):
    """Opening a story to moderate it is a read of its text as sent."""
    client = _coordinator(staff_client, own)
    story = StoryFactory(support_point=own)
    assert client.get(reverse("stories:edit", args=[story.pk])).status_code == 200
    record = AuditRecord.objects.get(object_type="story", object_id=str(story.pk))
    assert record.detail == "screen stories:edit"


def test_a_list_without_personal_columns_writes_no_audit_record(staff_client, own):
    """The meetings list shows titles and dates only: nothing to log."""
    client = _coordinator(staff_client, own)
    MeetingFactory(support_point=own)
    assert client.get(reverse("meetings:index")).status_code == 200
    assert not AuditRecord.objects.exists()


def test_the_usage_of_a_steunpunt_lists_no_object_with_personal_data(staff_client, own):
    """Wagtail's usage page names each referring object by its text: a story's text as sent never shows."""
    client = _coordinator(staff_client, own)
    StoryFactory(support_point=own, submitted_text="Verhaal over Noor, 9 jaar")
    response = client.get(reverse("support_points:usage", args=[own.pk]))
    assert response.status_code == 200
    assert "Noor" not in response.content.decode()
