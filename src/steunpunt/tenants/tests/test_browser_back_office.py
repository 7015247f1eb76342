"""One look from sign-in to the report, in the steunpunt's colours: a coordinator signs in (a wrong password
first), passes the two-step page (a wrong code first), opens the dashboard, the report and an address
that does not exist; axe-core finds no WCAG A/AA violation on any of them, in every state."""

import datetime

import pytest
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import expect

from steunpunt.ambitions.tests.factories import case_at
from steunpunt.core.tests.browser import violations
from steunpunt.portal.services import platform_site_ensure
from steunpunt.tenants.roles import Role
from steunpunt.tenants.tests.factories import PASSWORD, MembershipFactory, SupportPointFactory

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]

NAME = "Ouder- en Jeugdsteunpunt Noord"
BRAND = "#7a1f5c"  # rgb(122, 31, 92)


@pytest.fixture
def coordinator(transactional_db, live_server):
    port = int(live_server.url.rsplit(":", 1)[1])
    platform_site_ensure(port=port)
    noord = SupportPointFactory(name=NAME, slug="noord-look", hostname="noord-look.localhost")
    noord.brand_colour = BRAND
    noord.save(update_fields=["brand_colour"])
    zone = datetime.UTC
    today = datetime.datetime.now(zone)
    for day in range(8):
        case_at(noord, today - datetime.timedelta(days=day), channel="phone")
    user = MembershipFactory(support_point=noord, role=Role.COORDINATOR, user__first_name="Cora").user
    device = TOTPDevice.objects.create(user=user, name="app", confirmed=True)
    return user, device, f"http://127.0.0.1:{port}"


def _code(device, offset=0):
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits, drift=offset):06d}"


def test_sign_in_two_step_dashboard_report_and_404_are_one_accessible_look(coordinator, browser):
    user, device, base = coordinator
    page = browser.new_page(viewport={"width": 1280, "height": 900})

    page.goto(f"{base}/admin/login/")
    expect(page).to_have_title("Inloggen – Steunpunten passend onderwijs")
    expect(page.get_by_role("heading", level=1)).to_have_text("Inloggen")
    assert violations(page) == []
    page.get_by_label("Gebruikersnaam").fill(user.username)
    page.get_by_label("Wachtwoord").fill("niet-het-wachtwoord")
    page.get_by_label("Wachtwoord").press("Enter")
    page.wait_for_load_state("load")
    expect(page.locator(".messages .error")).to_be_visible()
    assert violations(page) == []
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_label("Wachtwoord").press("Enter")

    page.wait_for_url("**/beveiliging/**")
    expect(page).to_have_title(f"Tweestapsverificatie – {NAME}")
    assert violations(page) == []
    page.get_by_label("Code uit uw app").fill("12345")
    page.get_by_role("button", name="Verder").click()
    expect(page.locator(".field--error")).to_be_visible()
    assert violations(page) == []
    page.get_by_label("Code uit uw app").fill(_code(device))
    page.get_by_role("button", name="Verder").click()

    page.wait_for_url(f"{base}/admin/")
    expect(page).to_have_title(f"Dashboard – {NAME}")
    # The steunpunt's colour on the sidebar: one look, its own.
    sidebar = page.locator(".sidebar")
    expect(sidebar).to_have_css("background-color", "rgb(122, 31, 92)")
    assert violations(page) == []

    page.goto(f"{base}/admin/rapportage/")
    expect(page).to_have_title(f"Rapportage – {NAME}")
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Rapportage van {NAME}")
    expect(page.locator(".report-figure").first).to_contain_text("Vragen")
    assert violations(page) == []

    response = page.goto(f"{base}/admin/bestaat-niet/")
    assert response.status == 404
    expect(page).to_have_title(f"Pagina niet gevonden – {NAME}")
    assert "Wagtail" not in page.locator("body").inner_text()
    assert violations(page) == []
    page.get_by_role("link", name="Naar het begin van de backoffice").click()
    page.wait_for_url(f"{base}/admin/")
