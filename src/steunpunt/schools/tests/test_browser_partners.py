"""Issue 18 in a real browser (Debian's Chromium): a school contact person signs in, refers a family with
the parent's consent, the parent's confirmation arrives at the real SMTP server of the test, and the parent
follows the question through the private link. Every back-office screen of the role (its school, the
referral form with and without errors, the profile proposal, the opinion form) has no axe-core WCAG A/AA
violation, on a desktop and on a phone."""

import re
import time

import pytest
from django.utils import timezone
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import expect

from steunpunt.core.tests.browser import violations
from steunpunt.support.models import Case, Channel, SchoolReferral
from steunpunt.tenants.tests.factories import PASSWORD, SupportPointFactory, UserFactory

from .factories import SchoolFactory, school_contact

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]
KEY = "3132333435363738393031323334353637383930"


@pytest.fixture
def noord_school(transactional_db, live_server):
    from steunpunt.portal.services import platform_site_ensure

    port = int(live_server.url.rsplit(":", 1)[1])
    platform_site_ensure(port=port)
    noord = SupportPointFactory(
        name="Steunpunt Noord", hostname="noord.localhost", port=port, partnership_codes=["PO2001"]
    )
    school = SchoolFactory(name="De Regenboog", support_point=noord)
    user = UserFactory(username="ib-regenboog", first_name="Ilse", last_name="Bakker")
    school_contact(school, noord, user=user)
    TOTPDevice.objects.create(user=user, name="app", key=KEY, confirmed=True)
    return noord, school, user, f"http://127.0.0.1:{port}"


def _axe(page):
    """axe-core's violations once Wagtail's message banner has faded in (mid-fade its contrast is low)."""
    page.wait_for_function(
        "() => [...document.querySelectorAll('.messages > ul')].every("
        "(list) => getComputedStyle(list).opacity === '1')"
    )
    return violations(page)


def _sign_in(page, base, username):
    page.goto(f"{base}/admin/login/")
    page.locator("#id_username").fill(username)
    page.locator("#id_password").fill(PASSWORD)
    page.locator("#id_password").press("Enter")
    page.wait_for_url("**/beveiliging/**")
    page.locator("#id_token").fill(f"{totp(bytes.fromhex(KEY)):06d}")
    page.get_by_role("button", name="Verder").click()
    page.wait_for_url("**/admin/")


def _mail_to(sink, address, timeout=20):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        found = [message for message in sink.messages if message["To"] == address]
        if found:
            return found[0]
        time.sleep(0.2)
    raise AssertionError(f"no mail to {address}")


@pytest.mark.parametrize("viewport", [{"width": 1280, "height": 900}, {"width": 390, "height": 844}])
def test_a_school_refers_a_family_and_the_parent_follows_the_question(
    noord_school, smtp_sink, browser, viewport
):
    _noord, school, _user, base = noord_school
    context = browser.new_context(viewport=viewport)
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    _sign_in(page, base, "ib-regenboog")

    page.goto(f"{base}/admin/mijn-school/")
    expect(page.locator("h2").filter(has_text="De Regenboog")).to_be_visible()
    assert _axe(page) == []
    page.get_by_role("link", name="Wijziging van het ondersteuningsprofiel voorstellen").click()
    page.wait_for_url(f"**/admin/mijn-school/{school.pk}/profiel/")
    assert _axe(page) == []
    page.goto(f"{base}/admin/mijn-school/{school.pk}/mening/")
    assert _axe(page) == []

    page.goto(f"{base}/admin/mijn-school/")
    page.get_by_role("link", name="Gezin doorverwijzen naar het steunpunt").click()
    page.wait_for_url(f"**/admin/mijn-school/{school.pk}/doorverwijzen/")
    assert _axe(page) == []
    # Without the parent's consent nothing is sent: a Dutch message, the text kept.
    page.get_by_label("Naam van de ouder").fill("Fatima El Amrani")
    page.get_by_label("E-mailadres van de ouder").fill("fatima@example.test")
    page.get_by_label("De vraag van de ouder").fill(
        "Haar zoon mag niet mee op schoolreis vanwege zijn diabetes."
    )
    page.get_by_label("Wat er al geprobeerd is").fill("Gesprek met de leerkracht.")
    page.get_by_label("Soort school van het kind").select_option("primary")
    page.get_by_label("Leeftijd van het kind").select_option("4_12")
    page.get_by_role("button", name="Doorverwijzing versturen").click()
    expect(page.locator(".error-summary")).to_contain_text("zonder toestemming van de ouder")
    assert page.get_by_label("Naam van de ouder").input_value() == "Fatima El Amrani"
    assert _axe(page) == []
    assert not Case.objects.exists()

    page.get_by_label(re.compile("De ouder vindt het goed")).check()
    page.get_by_role("button", name="Doorverwijzing versturen").click()
    expect(page.locator("body")).to_contain_text("De doorverwijzing is aangekomen bij Steunpunt Noord")
    case = Case.objects.get()
    assert case.channel == Channel.SCHOOL and SchoolReferral.objects.get().case == case
    arrived = page.locator(".referrals-arrived")
    expect(arrived).to_contain_text(f"Aangekomen op {timezone.localdate().day}")
    main = page.locator("main").inner_text()
    assert case.reference not in main and "diabetes" not in main and "Fatima" not in main
    assert _axe(page) == []
    # The school never opens the case.
    assert page.goto(f"{base}/admin/vragen/{case.pk}/").status == 404

    mail = _mail_to(smtp_sink, "fatima@example.test")
    body = mail.get_body(preferencelist=("plain",)).get_content()
    link = re.search(r"http://noord\.localhost:\d+/mijn-vraag/[\w-]+/", body).group(0)
    assert case.access_token in link

    parent = browser.new_context(viewport=viewport).new_page()
    parent.goto(link)
    expect(parent.locator("main")).to_contain_text("diabetes")
    expect(parent.locator("main")).to_contain_text(case.reference)
    assert violations(parent) == []
    assert errors == []
    context.close()
