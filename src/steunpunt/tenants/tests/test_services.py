"""Creating a steunpunt: one service call or one command, never code."""

import pytest
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command
from wagtail.models import Page, Site

from steunpunt.portal.models import SupportPointHomePage
from steunpunt.tenants.models import Partnership, SupportPoint
from steunpunt.tenants.roles import Role
from steunpunt.tenants.services import membership_grant, support_point_create

from .factories import SupportPointFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_creating_a_steunpunt_makes_its_site_home_page_and_partnerships():
    support_point = support_point_create(
        name="Steunpunt West", hostname="west.localhost", partnership_codes=["po2701", "VO2701"]
    )
    assert support_point.slug == "steunpunt-west"
    assert support_point.site.hostname == "west.localhost"
    home = support_point.site.root_page.specific
    assert isinstance(home, SupportPointHomePage)
    assert home.live and home.starter_text
    assert sorted(support_point.partnerships.values_list("code", "sector")) == [
        ("PO2701", "po"),
        ("VO2701", "vo"),
    ]


@pytest.mark.parametrize(
    ("kwargs", "field", "message"),
    [
        ({"name": ""}, "name", "Vul de naam van het steunpunt in."),
        ({"hostname": "bad host"}, "hostname", "Vul een hostnaam in, zoals noord.example.nl."),
        ({"partnership_codes": ["XX12"]}, "partnership_codes", "PO2701"),
        ({"partnership_codes": []}, "partnership_codes", "samenwerkingsverband"),
        ({"brand_colour": "#ffff00"}, "brand_colour", "contrast van 1,0 op 1"),
        ({"brand_colour": "red"}, "brand_colour", "#"),
    ],
)
def test_bad_input_gets_a_dutch_message_and_changes_nothing(kwargs, field, message):
    before = (
        SupportPoint.objects.count(),
        Site.objects.count(),
        Page.objects.count(),
        Partnership.objects.count(),
    )
    arguments = {
        "name": "Steunpunt Oost",
        "hostname": "oost.localhost",
        "partnership_codes": ["PO2501"],
        **kwargs,
    }
    with pytest.raises(ValidationError) as raised:
        support_point_create(**arguments)
    assert message in " ".join(raised.value.message_dict[field])
    after = (
        SupportPoint.objects.count(),
        Site.objects.count(),
        Page.objects.count(),
        Partnership.objects.count(),
    )
    assert after == before


def test_a_partnership_is_served_by_one_steunpunt_only():
    first = SupportPointFactory(partnership_codes=["PO2202"])
    with pytest.raises(ValidationError) as raised:
        support_point_create(name="Tweede", hostname="tweede.localhost", partnership_codes=["PO2202"])
    assert first.name in raised.value.message_dict["partnership_codes"][0]
    assert Partnership.objects.get(code="PO2202").support_point == first


def test_a_host_name_belongs_to_one_site():
    SupportPointFactory(hostname="dubbel.localhost")
    with pytest.raises(ValidationError) as raised:
        SupportPointFactory(hostname="dubbel.localhost")
    assert "al in gebruik" in raised.value.message_dict["hostname"][0]


def test_create_steunpunt_command(capsys):
    call_command(
        "create_steunpunt",
        "--name",
        "Steunpunt Zuid",
        "--hostname",
        "zuid.localhost",
        "--partnership",
        "PO3007",
        "--partnership",
        "VO3007",
        "--email",
        "info@zuid.example",
    )
    support_point = SupportPoint.objects.get(slug="steunpunt-zuid")
    assert support_point.email == "info@zuid.example"
    assert support_point.partnerships.count() == 2
    assert "zuid.localhost" in capsys.readouterr().out


def test_create_steunpunt_command_reports_bad_input_in_dutch():
    with pytest.raises(CommandError, match="PO of VO"):
        call_command("create_steunpunt", "--name", "X", "--hostname", "x.localhost", "--partnership", "12")
    assert not SupportPoint.objects.exists()


def test_granting_a_role_twice_changes_nothing():
    support_point = SupportPointFactory()
    user = UserFactory()
    membership_grant(user=user, support_point=support_point, role=Role.EDITOR)
    membership_grant(user=user, support_point=support_point, role=Role.EDITOR)
    assert user.memberships.count() == 1


def test_content_roles_may_edit_their_own_pages_only(staff_client):
    """Editors and coordinators get Wagtail page rights on their own steunpunt's tree."""
    from wagtail.models import Page

    from steunpunt.tenants.services import membership_revoke

    own, other = SupportPointFactory(), SupportPointFactory()
    editor = UserFactory()
    membership = membership_grant(user=editor, support_point=own, role=Role.EDITOR)
    consultant = UserFactory()
    membership_grant(user=consultant, support_point=own, role=Role.CONSULTANT)
    own_home, other_home = own.site.root_page, other.site.root_page
    assert own_home.permissions_for_user(editor).can_edit()
    assert not other_home.permissions_for_user(editor).can_edit()
    assert not own_home.permissions_for_user(consultant).can_edit()
    client = staff_client(editor)
    assert client.get(f"/admin/pages/{own_home.pk}/edit/").status_code == 200
    assert client.get(f"/admin/pages/{other_home.pk}/edit/").status_code == 404
    membership_revoke(membership=membership)
    editor = type(editor).objects.get(pk=editor.pk)
    assert not Page.objects.get(pk=own_home.pk).permissions_for_user(editor).can_edit()
