"""Coordinators and administrators give and take roles at their own steunpunt."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from steunpunt.tenants.models import Membership
from steunpunt.tenants.roles import Role

from .factories import MembershipFactory, SupportPointFactory, UserFactory

pytestmark = pytest.mark.django_db(transaction=True)


def test_an_administrator_invites_a_new_colleague_by_e_mail(staff_client, smtp_sink):
    """The mail links to the steunpunt's configured address, whatever host the administrator used."""
    admin = MembershipFactory(role=Role.ADMINISTRATOR)
    client = staff_client(admin.user)
    response = client.post(
        reverse("memberships:add"),
        {
            "support_point": admin.support_point.pk,
            "role": Role.CONSULTANT,
            "email": "Mirjam@Example.test",
            "first_name": "Mirjam",
            "last_name": "de Vries",
        },
    )
    assert response.status_code == 302
    mirjam = get_user_model().objects.get(email__iexact="mirjam@example.test")
    assert not mirjam.has_usable_password()
    assert Membership.objects.filter(
        user=mirjam, support_point=admin.support_point, role=Role.CONSULTANT
    ).exists()
    [message] = smtp_sink.messages
    assert message["To"] == "Mirjam@example.test"
    body = message.get_content()
    assert admin.support_point.name in message["Subject"]
    hostname = admin.support_point.site.hostname
    link = re.search(rf"http://{re.escape(hostname)}(/admin/password_reset/confirm/\S+)", body).group(1)
    form = client.get(link, follow=True, HTTP_HOST=hostname)
    assert form.status_code == 200


def test_an_existing_account_gets_the_role_without_a_new_account(staff_client, smtp_sink):
    coordinator = MembershipFactory(role=Role.COORDINATOR)
    colleague = UserFactory(email="wim@example.test")
    client = staff_client(coordinator.user)
    client.post(
        reverse("memberships:add"),
        {"support_point": coordinator.support_point.pk, "role": Role.VOLUNTEER, "email": "wim@example.test"},
    )
    assert colleague.memberships.get().role == Role.VOLUNTEER
    assert get_user_model().objects.filter(email__iexact="wim@example.test").count() == 1
    assert smtp_sink.messages == []


def test_roles_can_only_be_given_at_ones_own_steunpunt(staff_client, smtp_sink):
    admin = MembershipFactory(role=Role.ADMINISTRATOR)
    other = SupportPointFactory()
    client = staff_client(admin.user)
    response = client.post(
        reverse("memberships:add"),
        {"support_point": other.pk, "role": Role.COORDINATOR, "email": "indringer@example.test"},
    )
    assert response.status_code == 200
    assert response.context["form"].errors["support_point"]
    assert not other.memberships.exists()


def test_bad_input_gets_a_dutch_message(staff_client):
    admin = MembershipFactory(role=Role.ADMINISTRATOR)
    client = staff_client(admin.user)
    response = client.post(
        reverse("memberships:add"),
        {"support_point": admin.support_point.pk, "role": "king", "email": "geen-adres"},
    )
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert "e-mailadres" in errors["email"][0]
    assert errors["role"]


def test_the_list_shows_only_ones_own_steunpunt_and_another_answers_404(staff_client):
    admin = MembershipFactory(role=Role.ADMINISTRATOR)
    elsewhere = MembershipFactory(role=Role.CONSULTANT)
    client = staff_client(admin.user)
    listing = client.get(reverse("memberships:index"))
    assert listing.status_code == 200
    assert list(listing.context["object_list"]) == [admin]
    assert client.get(reverse("memberships:delete", args=[elsewhere.pk])).status_code == 404
    assert client.post(reverse("memberships:delete", args=[elsewhere.pk])).status_code == 404
    assert Membership.objects.filter(pk=elsewhere.pk).exists()


def test_revoking_a_role(staff_client):
    admin = MembershipFactory(role=Role.ADMINISTRATOR)
    editor = MembershipFactory(role=Role.EDITOR, support_point=admin.support_point)
    client = staff_client(admin.user)
    assert client.post(reverse("memberships:delete", args=[editor.pk])).status_code == 302
    assert not Membership.objects.filter(pk=editor.pk).exists()


@pytest.mark.parametrize("role", [Role.CONSULTANT, Role.BOARD, Role.EDITOR, Role.VOLUNTEER])
def test_other_roles_cannot_manage_roles(staff_client, role):
    membership = MembershipFactory(role=role)
    client = staff_client(membership.user)
    assert client.get(reverse("memberships:index")).status_code == 404
    response = client.post(
        reverse("memberships:add"),
        {"support_point": membership.support_point.pk, "role": Role.COORDINATOR, "email": "x@example.test"},
    )
    assert response.status_code == 404
    assert not get_user_model().objects.filter(email="x@example.test").exists()


def test_changing_a_role_revokes_the_old_one_and_its_page_rights(staff_client):
    admin = MembershipFactory(role=Role.COORDINATOR)
    editor = MembershipFactory(role=Role.EDITOR, support_point=admin.support_point)
    home = admin.support_point.site.root_page
    assert home.permissions_for_user(editor.user).can_edit()
    client = staff_client(admin.user)
    response = client.post(reverse("memberships:edit", args=[editor.pk]), {"role": Role.VOLUNTEER})
    assert response.status_code == 302
    user = get_user_model().objects.get(pk=editor.user.pk)
    assert list(user.memberships.values_list("role", flat=True)) == [Role.VOLUNTEER]
    assert not home.permissions_for_user(user).can_edit()
