"""A young person books a consultation time and cancels it: keyboard only, axe-core on every page."""

import pytest

from steunpunt.consultations.models import Booking
from steunpunt.core.tests.browser import violations
from steunpunt.support.models import Channel
from steunpunt.tenants.tests.factories import SupportPointFactory

from .factories import SlotFactory

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]


def _tab_to(page, selector, limit=60):
    """Press Tab until ``selector`` has the focus; fail if the keyboard cannot reach it."""
    for _ in range(limit):
        if page.evaluate("(s) => document.activeElement === document.querySelector(s)", selector):
            return
        page.keyboard.press("Tab")
    raise AssertionError(f"{selector} cannot be reached with the keyboard")


@pytest.fixture
def noord_slot(transactional_db, platform, live_server):
    noord = SupportPointFactory(
        name="Steunpunt Noord", hostname="noord.localhost", partnership_codes=["PO2001"]
    )
    return SlotFactory(support_point=noord, note="Bel aan bij de zijdeur.")


def test_a_young_person_books_a_time_and_cancels_it(noord_slot, live_server, browser):
    base = f"http://noord.localhost:{live_server.url.rsplit(':', 1)[1]}"
    page = browser.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(f"{base}/spreekuur/")
    assert page.locator("h1").inner_text() == "Spreekuur"
    assert violations(page) == []

    _tab_to(page, f'a[href="/spreekuur/{noord_slot.pk}/"]')
    page.keyboard.press("Enter")
    page.wait_for_url(f"**/spreekuur/{noord_slot.pk}/")
    assert violations(page) == []

    _tab_to(page, "button[type=submit].button")
    page.keyboard.press("Enter")
    summary = page.locator(".error-summary").inner_text()
    assert "Vul uw e-mailadres in." in summary and "Zet een vinkje" in summary
    assert page.locator("#id_email").get_attribute("aria-describedby") == "id_email-hint id_email-error"
    assert violations(page) == []

    _tab_to(page, "#id_requester_kind_0")
    page.keyboard.press("ArrowRight")  # Jongere
    _tab_to(page, "#id_topic")
    page.keyboard.type("Mijn rooster is te zwaar.")
    _tab_to(page, "#id_email")
    page.keyboard.type("jongere@example.test")
    _tab_to(page, "#id_consent")
    page.keyboard.press("Space")
    _tab_to(page, "button[type=submit].button")
    page.keyboard.press("Enter")
    page.wait_for_url("**/spreekuur/afspraak/**")
    booking = Booking.objects.get()
    assert (booking.requester_kind, booking.case.channel) == ("young_person", Channel.CONSULTATION)
    assert "Je afspraak staat vast" in page.locator("main").inner_text()
    assert violations(page) == []

    _tab_to(page, "main form button[type=submit]")
    page.keyboard.press("Enter")
    page.wait_for_url(f"**/spreekuur/afspraak/{booking.token}/")  # without "?geboekt=1"
    assert page.locator("h1").inner_text() == "Je afspraak is afgezegd"
    assert violations(page) == []
    booking.refresh_from_db()
    assert booking.status == "cancelled" and errors == []
