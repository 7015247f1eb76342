"""Only the steunpunt's coordinator opens these pages; every other role, a superuser without membership,
and a coordinator of another steunpunt get 404; anonymous visitors go to the login."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.test import RequestFactory
from django.urls import reverse

from steunpunt.ambitions.models import Ambition, Criterion, HourlyRate, OtherCost, PupilCount
from steunpunt.ambitions.wagtail_hooks import DevelopmentMenuItem
from steunpunt.tenants.roles import Role
from steunpunt.tenants.tests.factories import MembershipFactory, SupportPointFactory, UserFactory

from .factories import (
    AmbitionFactory,
    CriterionFactory,
    HourlyRateFactory,
    OtherCostFactory,
    PupilCountFactory,
)

pytestmark = pytest.mark.django_db

OTHER_ROLES = [
    Role.VOLUNTEER,
    Role.CONSULTANT,
    Role.EDITOR,
    Role.PANEL_MEMBER,
    Role.BOARD,
    Role.NATIONAL_EDITOR,
    Role.ADMINISTRATOR,
]


@pytest.fixture
def world(platform):
    own = SupportPointFactory(partnership_codes=["PO8301"])
    other = SupportPointFactory(partnership_codes=["PO8302"])
    ambition = AmbitionFactory(support_point=own, text="Ouders horen snel van ons")
    objects = {
        "ambition": ambition,
        "criterion": CriterionFactory(ambition=ambition),
        "rate": HourlyRateFactory(support_point=own),
        "cost": OtherCostFactory(support_point=own, description="Huur van de zaal"),
        "pupils": PupilCountFactory(partnership=own.partnerships.get()),
    }
    return own, other, objects


def pages(objects):
    """Every GET page of the app."""
    return [
        reverse("ambitions_list"),
        reverse("ambitions_add"),
        reverse("ambitions_edit", args=[objects["ambition"].pk]),
        reverse("ambitions_delete", args=[objects["ambition"].pk]),
        reverse("ambitions_criterion_add", args=[objects["ambition"].pk]),
        reverse("ambitions_criterion_edit", args=[objects["criterion"].pk]),
        reverse("ambitions_criterion_delete", args=[objects["criterion"].pk]),
        reverse("ambitions_costs"),
        reverse("ambitions_rates"),
        reverse("ambitions_other_costs"),
        reverse("ambitions_pupils"),
    ]


def removals(objects):
    """Every POST that removes one object."""
    return [
        reverse("ambitions_delete", args=[objects["ambition"].pk]),
        reverse("ambitions_criterion_delete", args=[objects["criterion"].pk]),
        reverse("ambitions_rate_delete", args=[objects["rate"].pk]),
        reverse("ambitions_other_cost_delete", args=[objects["cost"].pk]),
        reverse("ambitions_pupil_delete", args=[objects["pupils"].pk]),
    ]


def _all_kept():
    return (
        Ambition.objects.count(),
        Criterion.objects.count(),
        HourlyRate.objects.count(),
        OtherCost.objects.count(),
        PupilCount.objects.count(),
    ) == (1, 1, 1, 1, 1)


def test_the_coordinator_of_the_steunpunt_opens_every_page(world, staff_client):
    own, _other, objects = world
    client = staff_client(MembershipFactory(support_point=own, role=Role.COORDINATOR).user)
    for url in pages(objects):
        response = client.get(url)
        assert response.status_code == 200, url
        assert "no-store" in response.get("Cache-Control", ""), url
    assert "Ouders horen snel van ons" in client.get(reverse("ambitions_list")).content.decode()
    assert "Huur van de zaal" in client.get(reverse("ambitions_other_costs")).content.decode()


def test_the_coordinator_removes_each_kind_of_object(world, staff_client):
    own, _other, objects = world
    client = staff_client(MembershipFactory(support_point=own, role=Role.COORDINATOR).user)
    for url in reversed(removals(objects)):
        assert client.post(url).status_code == 302, url
    assert not any(
        model.objects.exists() for model in (Ambition, Criterion, HourlyRate, OtherCost, PupilCount)
    )


@pytest.mark.parametrize("role", OTHER_ROLES)
def test_every_other_role_of_the_steunpunt_gets_404_everywhere(world, staff_client, role):
    own, _other, objects = world
    client = staff_client(MembershipFactory(support_point=own, role=role).user)
    for url in pages(objects):
        assert client.get(url).status_code == 404, (role, url)
    for url in removals(objects):
        assert client.post(url).status_code == 404, (role, url)
    assert client.post(reverse("ambitions_add"), {"text": "Iets"}).status_code == 404
    assert (
        client.post(reverse("ambitions_rates"), {"valid_from": "2025-06-01", "amount": "50"}).status_code
        == 404
    )
    assert _all_kept()


def test_a_superuser_without_membership_gets_404_everywhere(world, staff_client):
    _own, _other, objects = world
    superuser = get_user_model().objects.create_superuser("beheer", "beheer@example.test", "x" * 20)
    client = staff_client(superuser)
    for url in pages(objects):
        assert client.get(url).status_code == 404, url
    for url in removals(objects):
        assert client.post(url).status_code == 404, url
    assert _all_kept()


def test_a_coordinator_of_another_steunpunt_cannot_reach_this_ones_objects(world, staff_client):
    own, other, objects = world
    client = staff_client(MembershipFactory(support_point=other, role=Role.COORDINATOR).user)
    own_objects = pages(objects)[2:7]
    for url in own_objects:
        assert client.get(url).status_code == 404, url
    for url in removals(objects):
        assert client.post(url).status_code == 404, url
    assert (
        client.post(reverse("ambitions_criterion_add", args=[objects["ambition"].pk]), {}).status_code == 404
    )
    # Asking for this steunpunt by number shows their own steunpunt instead.
    for name in (
        "ambitions_list",
        "ambitions_costs",
        "ambitions_rates",
        "ambitions_other_costs",
        "ambitions_pupils",
    ):
        response = client.get(reverse(name), {"steunpunt": own.pk})
        assert response.status_code == 200 and response.context["chosen"] == other, name
    html = client.get(reverse("ambitions_list"), {"steunpunt": own.pk}).content.decode()
    assert "Ouders horen snel van ons" not in html
    # A pupil number for this steunpunt's partnership is refused, a rate lands at their own steunpunt.
    refused = client.post(
        reverse("ambitions_pupils"),
        {
            "steunpunt": own.pk,
            "partnership": own.partnerships.get().pk,
            "school_year": "2025",
            "pupils": "10",
        },
    )
    assert (
        refused.status_code == 400
        and "Kies een samenwerkingsverband van dit steunpunt." in refused.content.decode()
    )
    client.post(reverse("ambitions_rates"), {"steunpunt": own.pk, "valid_from": "2025-06-01", "amount": "50"})
    assert HourlyRate.objects.get(valid_from=datetime.date(2025, 6, 1)).support_point == other
    assert HourlyRate.objects.filter(support_point=own).count() == 1
    assert (Ambition.objects.count(), Criterion.objects.count(), OtherCost.objects.count()) == (1, 1, 1)
    assert PupilCount.objects.count() == 1


def test_anonymous_visitors_are_sent_to_the_login(world, client):
    _own, _other, objects = world
    client.defaults["HTTP_HOST"] = "127.0.0.1"
    for url in pages(objects):
        response = client.get(url)
        assert response.status_code == 302 and "/admin/login/" in response["Location"], url
    for url in removals(objects):
        assert client.post(url).status_code == 302, url
    assert _all_kept()


def test_a_coordinator_of_two_steunpunten_picks_one(world, staff_client):
    own, other, _objects = world
    user = MembershipFactory(support_point=own, role=Role.COORDINATOR).user
    MembershipFactory(user=user, support_point=other, role=Role.COORDINATOR)
    AmbitionFactory(support_point=other, text="Jongeren vinden ons")
    client = staff_client(user)
    first = client.get(reverse("ambitions_list"), {"steunpunt": own.pk}).content.decode()
    second = client.get(reverse("ambitions_list"), {"steunpunt": other.pk}).content.decode()
    assert "Ouders horen snel van ons" in first and "Jongeren vinden ons" not in first
    assert "Jongeren vinden ons" in second and "Ouders horen snel van ons" not in second
    assert 'name="steunpunt"' in first and own.name in first and other.name in first
    form = client.get(reverse("ambitions_add"), {"steunpunt": other.pk}).content.decode()
    assert f'<option value="{other.pk}" selected>' in form
    client.post(reverse("ambitions_add"), {"support_point": other.pk, "text": "Scholen kennen ons"})
    assert Ambition.objects.get(text="Scholen kennen ons").support_point == other
    costs = client.get(reverse("ambitions_costs"), {"steunpunt": other.pk})
    assert costs.context["summary"].support_point == other
    rates = client.get(reverse("ambitions_rates"), {"steunpunt": other.pk}).content.decode()
    assert "€ 60,00" not in rates  # the own steunpunt's rate
    client.post(
        reverse("ambitions_other_costs"),
        {"steunpunt": other.pk, "on": "2025-03-01", "description": "Zaal", "amount": "10"},
    )
    assert OtherCost.objects.get(description="Zaal").support_point == other


def test_the_menu_items_are_shown_to_coordinators_only(world):
    own, _other, _objects = world
    item = DevelopmentMenuItem("Ambities", "/admin/ontwikkeling/ambities/")
    request = RequestFactory().get("/admin/")
    request.user = MembershipFactory(support_point=own, role=Role.COORDINATOR).user
    assert item.is_shown(request)
    for role in OTHER_ROLES:
        request.user = MembershipFactory(support_point=own, role=role).user
        assert not item.is_shown(request), role
    request.user = UserFactory(is_superuser=True, is_staff=True)
    assert not item.is_shown(request)


def test_an_odd_number_in_an_address_never_gives_a_500(world, staff_client):
    own, _other, _objects = world
    client = staff_client(MembershipFactory(support_point=own, role=Role.COORDINATOR).user)
    for odd in ("abc", "-1", "99999999999999999999", ""):
        for name in ("ambitions_list", "ambitions_costs", "ambitions_pupils"):
            response = client.get(reverse(name), {"steunpunt": odd, "periode": odd, "van": odd, "tot": odd})
            assert response.status_code == 200 and response.context["chosen"] == own, (name, odd)
    bad = client.get(reverse("ambitions_list"), {"periode": "", "van": "gisteren", "tot": "x"})
    assert "Vul beide datums in" in bad.content.decode()
    assert client.get(reverse("ambitions_edit", args=[99999999])).status_code == 404
