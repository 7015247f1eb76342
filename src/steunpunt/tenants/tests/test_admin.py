"""The back-office screens for steunpunten: one form to add one, scoped editing."""

import pytest
from django.urls import reverse

from steunpunt.tenants.models import SupportPoint
from steunpunt.tenants.roles import Role

from .factories import MembershipFactory, SupportPointFactory, UserFactory

pytestmark = pytest.mark.django_db
FORM = {
    "name": "Steunpunt Oost",
    "hostname": "oost.localhost",
    "partnership_codes": "PO2501, vo2501",
    "email": "info@oost.example",
    "phone": "024 000 0000",
    "address": "",
    "brand_colour": "#1f5c99",
}


def test_a_platform_administrator_creates_a_steunpunt_with_one_form(staff_client):
    client = staff_client(UserFactory(is_superuser=True))
    response = client.post(reverse("support_points:add"), FORM)
    assert response.status_code == 302
    support_point = SupportPoint.objects.get(name="Steunpunt Oost")
    assert support_point.site.hostname == "oost.localhost"
    assert sorted(support_point.partnerships.values_list("code", flat=True)) == ["PO2501", "VO2501"]
    assert client.get("/", HTTP_HOST="oost.localhost").status_code == 200


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("partnership_codes", "XX99"),
        ("hostname", "niet geldig"),
        ("brand_colour", "#eeeeee"),
        ("email", "geen"),
    ],
)
def test_the_add_form_explains_bad_input_and_creates_nothing(staff_client, field, value):
    client = staff_client(UserFactory(is_superuser=True))
    response = client.post(reverse("support_points:add"), {**FORM, field: value})
    assert response.status_code == 200
    assert response.context["form"].errors[field]
    assert not SupportPoint.objects.filter(name="Steunpunt Oost").exists()


@pytest.mark.parametrize("role", [Role.COORDINATOR, Role.ADMINISTRATOR, Role.CONSULTANT, Role.BOARD])
def test_only_a_platform_administrator_may_add_a_steunpunt(staff_client, role):
    """Anyone else finds no add form (404, as the access layer denies) and creates nothing."""
    client = staff_client(MembershipFactory(role=role).user)
    response = client.post(reverse("support_points:add"), FORM)
    assert response.status_code == 404
    assert not SupportPoint.objects.filter(name="Steunpunt Oost").exists()


def test_a_coordinator_sees_and_edits_only_its_own_steunpunt(staff_client):
    membership = MembershipFactory(role=Role.COORDINATOR)
    other = SupportPointFactory()
    client = staff_client(membership.user)
    listing = client.get(reverse("support_points:index"))
    assert listing.status_code == 200
    assert list(listing.context["object_list"]) == [membership.support_point]
    assert client.get(reverse("support_points:edit", args=[membership.support_point.pk])).status_code == 200
    assert client.get(reverse("support_points:edit", args=[other.pk])).status_code == 404


def test_board_members_do_not_reach_the_steunpunt_screens(staff_client):
    client = staff_client(MembershipFactory(role=Role.BOARD).user)
    response = client.get(reverse("support_points:index"))
    assert response.status_code == 404
