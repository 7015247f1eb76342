"""Wagtail's sidebar is built once per user and kept (core/templatetags/kept_sidebar.py); every change of
who the user is or may do shows on the next page, and one user never sees another's menu."""

import json
import os
import re
from pathlib import Path

import pytest
import wagtail
from django.contrib.auth.models import Group, Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission, Page
from wagtail.users.models import UserProfile

from steunpunt.core import access_generation
from steunpunt.schools.models import SchoolContact
from steunpunt.schools.tests.factories import SchoolFactory
from steunpunt.tenants.models import Membership
from steunpunt.tenants.roles import Role
from steunpunt.tenants.services import membership_grant, membership_revoke
from steunpunt.tenants.tests.factories import MembershipFactory, SupportPointFactory, UserFactory

pytestmark = pytest.mark.django_db
PERMISSION_TABLES = (
    "auth_permission",
    "wagtailcore_grouppagepermission",
    "wagtailcore_groupcollectionpermission",
)
PROPS = re.compile(r'<script id="wagtail-sidebar-props" type="application/json">(.*?)</script>', re.S)


def _sidebar(client, path="/admin/"):
    response = client.get(path)
    assert response.status_code == 200
    return PROPS.search(response.content.decode()).group(1)


def _objects(props):
    """Every object of the sidebar's packed JSON, nested menus included."""
    stack = [json.loads(props)]
    while stack:
        value = stack.pop()
        if isinstance(value, dict):
            yield value
            stack.extend(value.values())
        elif isinstance(value, list):
            stack.extend(value)


def _menu_urls(props):
    """Every link the sidebar's menus show (submenus included)."""
    return [item["url"] for item in _objects(props) if isinstance(item.get("url"), str)]


def _account(props):
    """The name the account menu shows."""
    return [item["name"] for item in _objects(props) if "avatarUrl" in item]


def test_the_second_page_builds_no_sidebar_and_shows_the_same_one(staff_client, settings):
    consultant = MembershipFactory(role=Role.CONSULTANT).user
    client = staff_client(consultant)
    # The inbox checks access through the access layer only: what asks for permissions is the sidebar.
    first = _sidebar(client, "/admin/vragen/")
    with CaptureQueriesContext(connection) as queries:
        second = _sidebar(client, "/admin/vragen/")
    assert second == first
    assert "/admin/vragen/" in _menu_urls(second)
    assert not [q["sql"] for q in queries if any(table in q["sql"] for table in PERMISSION_TABLES)]

    # And it is what Wagtail builds itself.
    settings.ADMIN_SIDEBAR_SECONDS = 0
    with CaptureQueriesContext(connection) as queries:
        assert _sidebar(client, "/admin/vragen/") == first
    assert [q["sql"] for q in queries if any(table in q["sql"] for table in PERMISSION_TABLES)]


def test_a_role_granted_or_taken_shows_on_the_next_page(staff_client):
    editor = MembershipFactory(role=Role.EDITOR).user
    client = staff_client(editor)
    assert "/admin/vragen/" not in _menu_urls(_sidebar(client))

    membership = membership_grant(
        user=editor, support_point=Membership.objects.get(user=editor).support_point, role=Role.CONSULTANT
    )
    assert "/admin/vragen/" in _menu_urls(_sidebar(client))

    membership_revoke(membership=membership)
    assert "/admin/vragen/" not in _menu_urls(_sidebar(client))


def test_a_schools_grant_a_group_and_a_page_permission_each_show_on_the_next_page(staff_client):
    contact = MembershipFactory(role=Role.SCHOOL_CONTACT).user
    support_point = Membership.objects.get(user=contact).support_point
    client = staff_client(contact)
    before = _menu_urls(_sidebar(client))
    assert "/admin/mijn-school/" not in before

    grant = SchoolContact.objects.create(user=contact, school=SchoolFactory(), support_point=support_point)
    assert "/admin/mijn-school/" in _menu_urls(_sidebar(client))
    grant.delete()
    assert _menu_urls(_sidebar(client)) == before

    group = Group.objects.create(name="Beheer")
    contact.groups.add(group)
    change_user = Permission.objects.get(content_type__app_label="auth", codename="change_user")
    group.permissions.add(change_user)
    assert "/admin/users/" in _menu_urls(_sidebar(client))
    group.permissions.remove(change_user)
    assert "/admin/users/" not in _menu_urls(_sidebar(client))

    images = GroupCollectionPermission.objects.create(
        group=group,
        collection=Collection.get_first_root_node(),
        permission=Permission.objects.get(content_type__app_label="wagtailimages", codename="add_image"),
    )
    assert "/admin/images/" in _menu_urls(_sidebar(client))
    images.delete()
    assert "/admin/images/" not in _menu_urls(_sidebar(client))

    assert "/admin/pages/" not in _menu_urls(_sidebar(client))
    GroupPagePermission.objects.create(group=group, page=Page.get_first_root_node(), permission_type="change")
    assert "/admin/pages/" in _menu_urls(_sidebar(client))


def test_a_changed_name_or_profile_language_shows_and_another_user_never_gets_this_menu(staff_client, client):
    consultant = MembershipFactory(role=Role.CONSULTANT).user
    staff_client(consultant)
    assert _account(_sidebar(client)) == [consultant.first_name or consultant.username]

    consultant.first_name = "Fatima"
    consultant.save()
    assert _account(_sidebar(client)) == ["Fatima"]

    dutch = _sidebar(client)
    profile = UserProfile.get_for_user(consultant)
    profile.preferred_language = "en"
    profile.save()
    english = _sidebar(client)
    assert english != dutch and "Questions" in english and "Vragen" in dutch

    coordinator = MembershipFactory(role=Role.COORDINATOR, support_point=SupportPointFactory()).user
    client.logout()
    staff_client(coordinator)
    theirs = _sidebar(client)
    assert _account(theirs) == [coordinator.first_name or coordinator.username]
    assert theirs != english


def test_a_sign_in_does_not_move_the_access_generation_on_and_a_role_does():
    before = access_generation.current()
    user = UserFactory()
    assert access_generation.current() != before  # a new user
    before = access_generation.current()
    user.save(update_fields=["last_login"])
    assert access_generation.current() == before
    MembershipFactory(user=user)
    assert access_generation.current() != before


def test_the_base_template_is_wagtails_own_but_for_the_kept_sidebar():
    """After a Wagtail upgrade this fails until core/templates/wagtailadmin/base.html is copied again
    from Wagtail's and given the same two changes."""
    ours = (Path(__file__).resolve().parents[1] / "templates/wagtailadmin/base.html").read_text()
    wagtails = (Path(wagtail.__file__).parent / "admin/templates/wagtailadmin/base.html").read_text()
    ours_as_wagtails = re.sub(r"^\{# .*#\}\n", "", ours, flags=re.M).replace(" kept_sidebar %}", " %}")
    assert ours_as_wagtails.replace("{% kept_sidebar_props %}", "{% sidebar_props %}") == wagtails
    assert ours.count("{% kept_sidebar_props %}") == 1


def test_the_sidebar_is_kept_by_default_only_with_a_cache_shared_between_processes():
    """With local memory a change made in another process would not reach this one's kept sidebar."""
    import subprocess
    import sys

    import steunpunt

    def default(cache_url):
        script = (
            "import django; django.setup(); "
            "from django.conf import settings; print(settings.ADMIN_SIDEBAR_SECONDS)"
        )
        env = {k: v for k, v in os.environ.items() if k != "ADMIN_SIDEBAR_SECONDS"}
        env.update(
            CACHE_URL=cache_url,
            DJANGO_SETTINGS_MODULE="steunpunt.conf.dev",
            PYTHONPATH=str(Path(steunpunt.__file__).resolve().parents[1]),
        )
        result = subprocess.run(
            [sys.executable, "-c", script], env=env, capture_output=True, text=True, check=True
        )
        return result.stdout.strip().splitlines()[-1]

    assert default("locmem://") == "0"
    assert default("redis://127.0.0.1:6379/12") == "300"
