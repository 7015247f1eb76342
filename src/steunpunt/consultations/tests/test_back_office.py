"""The back office: slots scoped to one's own steunpunten, bookings only for those with case access."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from steunpunt.consultations.models import Booking, ConsultationSlot
from steunpunt.tenants.roles import Role
from steunpunt.tenants.tests.factories import MembershipFactory

from .factories import SlotFactory, next_week_at
from .helpers import book

pytestmark = pytest.mark.django_db


def _local(moment):
    return timezone.localtime(moment).strftime("%Y-%m-%d %H:%M")


@pytest.fixture
def booked(client, slot):
    book(client, slot)
    return Booking.objects.get()


def test_staff_see_and_add_the_slots_of_their_own_steunpunt_only(staff_client, slot, noord, midden):
    elsewhere = SlotFactory(support_point=midden)
    consultant = MembershipFactory(support_point=noord, role=Role.CONSULTANT).user
    client = staff_client(consultant)
    page = client.get(reverse("consultation_slots:index")).content.decode()
    assert reverse("consultation_slots:edit", args=[slot.pk]) in page
    assert reverse("consultation_slots:edit", args=[elsewhere.pk]) not in page
    assert client.get(reverse("consultation_slots:edit", args=[elsewhere.pk])).status_code == 404
    assert client.get(reverse("consultation_slots:delete", args=[elsewhere.pk])).status_code == 404

    form = client.get(reverse("consultation_slots:add")).context["form"]
    assert list(form.fields["support_point"].queryset) == [noord]
    starts_at = next_week_at(9)
    response = client.post(
        reverse("consultation_slots:add"),
        {
            "support_point": midden.pk,
            "starts_at": _local(starts_at),
            "ends_at": _local(starts_at + datetime.timedelta(minutes=30)),
            "place": "Elders",
            "repeat_weeks": 0,
        },
    )
    assert response.status_code == 200 and not ConsultationSlot.objects.filter(place="Elders").exists()


def test_a_weekly_series_is_added_at_once(staff_client, noord):
    volunteer = MembershipFactory(support_point=noord, role=Role.VOLUNTEER).user
    starts_at = next_week_at(15)
    response = staff_client(volunteer).post(
        reverse("consultation_slots:add"),
        {
            "support_point": noord.pk,
            "starts_at": _local(starts_at),
            "ends_at": _local(starts_at + datetime.timedelta(minutes=30)),
            "place": "",
            "online_url": "meet.example/noord",
            "note": "",
            "repeat_weeks": 3,
        },
    )
    assert response.status_code == 302
    slots = list(ConsultationSlot.objects.order_by("starts_at"))
    assert [timezone.localtime(slot.starts_at).strftime("%H:%M") for slot in slots] == ["15:00"] * 4
    assert [(slot.starts_at.date() - slots[0].starts_at.date()).days for slot in slots] == [0, 7, 14, 21]
    assert {(slot.online_url, slot.created_by) for slot in slots} == {
        ("https://meet.example/noord", volunteer)
    }


def test_a_slot_needs_a_place_or_an_online_link_and_a_later_end(staff_client, noord):
    coordinator = MembershipFactory(support_point=noord, role=Role.COORDINATOR).user
    starts_at = next_week_at(15)
    response = staff_client(coordinator).post(
        reverse("consultation_slots:add"),
        {
            "support_point": noord.pk,
            "starts_at": _local(starts_at),
            "ends_at": _local(starts_at),
            "repeat_weeks": 0,
        },
    )
    html = response.content.decode()
    assert "Het einde moet later zijn dan het begin." in html
    assert not ConsultationSlot.objects.exists()


def test_a_booked_slot_cannot_be_changed_or_deleted(staff_client, booked, noord):
    slot = booked.slot
    client = staff_client(MembershipFactory(support_point=noord, role=Role.CONSULTANT).user)
    response = client.post(
        reverse("consultation_slots:edit", args=[slot.pk]),
        {"starts_at": _local(next_week_at(11)), "ends_at": _local(next_week_at(12)), "place": "Elders"},
    )
    assert response.status_code == 200 and "Daarom kunt u de tijd niet wijzigen" in response.content.decode()
    client.post(reverse("consultation_slots:delete", args=[slot.pk]))
    slot.refresh_from_db()
    assert slot.place == "Voorbeeldstraat 1, Groningen"

    booked.status = Booking.Status.CANCELLED
    booked.save()
    assert client.post(reverse("consultation_slots:delete", args=[slot.pk])).status_code == 302
    assert not ConsultationSlot.objects.exists() and not Booking.objects.exists()


@pytest.mark.parametrize("role", [Role.VOLUNTEER, Role.CONSULTANT])
def test_who_receives_questions_sees_the_bookings_with_contact_details(staff_client, booked, noord, role):
    member = MembershipFactory(support_point=noord, role=role).user
    page = staff_client(member).get(reverse("consultation_bookings:index")).content.decode()
    assert "samira@example.test" in page and booked.case.reference in page


def test_a_coordinator_manages_slots_but_sees_only_bookings_assigned_to_them(staff_client, booked, noord):
    coordinator = MembershipFactory(support_point=noord, role=Role.COORDINATOR).user
    client = staff_client(coordinator)
    assert client.get(reverse("consultation_slots:index")).status_code == 200
    assert "samira@example.test" not in client.get(reverse("consultation_bookings:index")).content.decode()
    booked.case.assigned_to = coordinator
    booked.case.save()
    assert "samira@example.test" in client.get(reverse("consultation_bookings:index")).content.decode()


def test_bookings_of_another_steunpunt_stay_hidden(staff_client, booked, midden):
    outsider = MembershipFactory(support_point=midden, role=Role.CONSULTANT).user
    client = staff_client(outsider)
    assert "samira@example.test" not in client.get(reverse("consultation_bookings:index")).content.decode()
    assert booked.slot.place not in client.get(reverse("consultation_slots:index")).content.decode()


@pytest.mark.parametrize("role", [Role.BOARD, Role.EDITOR, Role.PANEL_MEMBER])
def test_roles_without_case_access_get_no_menu_item_and_no_page(staff_client, booked, noord, role):
    member = MembershipFactory(support_point=noord, role=role).user
    client = staff_client(member)
    assert (
        reverse("consultation_slots:index") not in client.get(reverse("wagtailadmin_home")).content.decode()
    )
    for url in (
        reverse("consultation_slots:index"),
        reverse("consultation_slots:edit", args=[booked.slot.pk]),
        reverse("consultation_bookings:index"),
    ):
        assert client.get(url).status_code == 404, url
