"""Staff log in with a password and a TOTP code before any back-office page opens."""

import re

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

from steunpunt.accounts.totp import current_code
from steunpunt.tenants.roles import Role
from steunpunt.tenants.tests.factories import PASSWORD, MembershipFactory, TOTPDeviceFactory

pytestmark = pytest.mark.django_db
HOST = {"HTTP_HOST": "127.0.0.1"}


@pytest.fixture
def consultant(platform):
    return MembershipFactory(role=Role.CONSULTANT).user


def login(client, username, password=PASSWORD):
    return client.post(reverse("wagtailadmin_login"), {"username": username, "password": password}, **HOST)


def test_a_new_staff_member_must_set_up_an_app_before_the_back_office(client, consultant):
    response = login(client, consultant.username)
    assert response.status_code == 302
    response = client.get(reverse("wagtailadmin_home"), **HOST)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:setup"))

    page = client.get(response["Location"], **HOST)
    assert page.status_code == 200
    assert "<svg" in page.content.decode()
    device = TOTPDevice.objects.get(user=consultant, confirmed=False)

    wrong = client.post(page.request["PATH_INFO"], {"token": "000000"}, **HOST)
    assert "klopt niet" in wrong.content.decode()
    assert client.get(reverse("wagtailadmin_home"), **HOST).status_code == 302

    # django-otp throttles after a wrong code; a second later the right one is accepted.
    device.refresh_from_db()
    device.throttle_reset()
    right = client.post(reverse("accounts:setup"), {"token": current_code(device)}, **HOST)
    assert right.status_code == 302
    device.refresh_from_db()
    assert device.confirmed
    assert client.get(reverse("wagtailadmin_home"), **HOST).status_code == 200


def test_staff_with_an_app_must_give_its_code_at_every_login(client, consultant):
    device = TOTPDeviceFactory(user=consultant)
    login(client, consultant.username)
    response = client.get("/admin/pages/", **HOST)
    assert response["Location"].startswith(reverse("accounts:verify"))
    assert "next=%2Fadmin%2Fpages%2F" in response["Location"]
    response = client.post(
        reverse("accounts:verify"), {"token": current_code(device), "next": "/admin/pages/"}, **HOST
    )
    assert response["Location"] == "/admin/pages/"
    home = client.get(reverse("wagtailadmin_home"), **HOST)
    assert home.status_code == 200
    # The back office speaks Dutch.
    assert '<html lang="nl"' in home.content.decode()
    assert "Uitloggen" in home.content.decode()


@pytest.mark.parametrize("token", ["", "12", "abcdef", "1234567"])
def test_a_malformed_code_gets_a_dutch_message(client, consultant, token):
    TOTPDeviceFactory(user=consultant)
    login(client, consultant.username)
    response = client.post(reverse("accounts:verify"), {"token": token}, **HOST)
    assert response.status_code == 200
    assert re.search(r"code|cijfers", response.content.decode())
    assert 'aria-invalid="true"' in response.content.decode()


def test_codes_are_throttled_after_a_wrong_one(client, consultant):
    """Guessing is slowed down: straight after a wrong code even the right one is refused."""
    device = TOTPDeviceFactory(user=consultant)
    login(client, consultant.username)
    client.post(reverse("accounts:verify"), {"token": "000000"}, **HOST)
    response = client.post(reverse("accounts:verify"), {"token": current_code(device)}, **HOST)
    assert "Te veel verkeerde codes" in response.content.decode()
    assert client.get(reverse("wagtailadmin_home"), **HOST).status_code == 302


def test_signing_out_from_the_code_page(client, consultant):
    TOTPDeviceFactory(user=consultant)
    login(client, consultant.username)
    page = client.get(reverse("accounts:verify"), **HOST).content.decode()
    assert f'action="{reverse("wagtailadmin_logout")}"' in page
    client.post(reverse("wagtailadmin_logout"), **HOST)
    assert "_auth_user_id" not in client.session


def test_the_verify_page_does_not_open_redirects_elsewhere(client, consultant):
    device = TOTPDeviceFactory(user=consultant)
    login(client, consultant.username)
    response = client.post(
        reverse("accounts:verify"), {"token": current_code(device), "next": "https://evil.example/"}, **HOST
    )
    assert response["Location"] == reverse("wagtailadmin_home")


def _error_text(response):
    html = response.content.decode()
    # CSRF tokens differ per response; everything else must be identical.
    html = re.sub(r"[A-Za-z0-9]{64}", "", html)
    return re.sub(r'value="[^"]*"', "", html)


def test_a_wrong_password_reads_the_same_whether_or_not_the_account_exists(client, consultant):
    existing = login(client, consultant.username, "wrong-password")
    missing = login(client, "nobody-by-this-name", "wrong-password")
    assert existing.status_code == missing.status_code == 200
    assert _error_text(existing) == _error_text(missing)


@pytest.mark.parametrize("username_exists", [True, False])
def test_repeated_failures_lock_the_login(client, consultant, username_exists, settings):
    username = consultant.username if username_exists else "nobody-by-this-name"
    for _attempt in range(settings.AXES_FAILURE_LIMIT):
        login(client, username, "wrong-password")
    locked = login(client, username, PASSWORD)
    assert locked.status_code == 429
    assert "geblokkeerd" in locked.content.decode()
    assert client.get(reverse("wagtailadmin_home"), **HOST).status_code == 302


def test_back_office_pages_are_never_stored(client, consultant):
    device = TOTPDeviceFactory(user=consultant)
    login(client, consultant.username)
    client.post(reverse("accounts:verify"), {"token": current_code(device)}, **HOST)
    for path in (reverse("wagtailadmin_home"), reverse("wagtailadmin_login"), reverse("accounts:verify")):
        response = client.get(path, **HOST)
        assert "no-store" in response["Cache-Control"], path


def test_the_session_ends_after_idle_time(client, consultant, settings):
    device = TOTPDeviceFactory(user=consultant)
    login(client, consultant.username)
    client.post(reverse("accounts:verify"), {"token": current_code(device)}, **HOST)
    session = client.session
    session["staff_last_seen"] -= settings.STAFF_SESSION_IDLE_SECONDS + 1
    session.save()
    response = client.get(reverse("wagtailadmin_home"), **HOST)
    assert response["Location"].startswith(reverse("wagtailadmin_login"))


def test_demo_totp_prints_the_current_code_of_a_demo_account(capsys):
    membership = MembershipFactory(role=Role.VOLUNTEER, support_point__is_demo=True)
    device = TOTPDeviceFactory(user=membership.user)
    call_command("demo_totp", membership.user.username)
    assert capsys.readouterr().out.strip() == current_code(device)


def test_demo_totp_refuses_real_accounts():
    membership = MembershipFactory(role=Role.VOLUNTEER)
    TOTPDeviceFactory(user=membership.user)
    with pytest.raises(CommandError):
        call_command("demo_totp", membership.user.username)


def test_pages_within_a_minute_do_not_write_the_session_and_a_later_page_does(client, consultant):
    """The last-seen time is written at most once a minute (bench P7: every back-office page wrote the
    session row); the idle sign-out still counts from it."""
    import time_machine
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    device = TOTPDeviceFactory(user=consultant)
    with time_machine.travel("2026-12-07 10:00:00+01:00", tick=False) as traveller:
        login(client, consultant.username)
        client.post(reverse("accounts:verify"), {"token": current_code(device)}, **HOST)
        client.get(reverse("wagtailadmin_home"), **HOST)
        seen = client.session["staff_last_seen"]

        def session_writes():
            with CaptureQueriesContext(connection) as queries:
                assert client.get(reverse("wagtailadmin_home"), **HOST).status_code == 200
            return [q for q in queries if q["sql"].startswith("UPDATE") and "django_session" in q["sql"]]

        traveller.shift(30)
        assert session_writes() == []
        assert client.session["staff_last_seen"] == seen
        traveller.shift(31)
        assert session_writes()
        assert client.session["staff_last_seen"] == seen + 61
