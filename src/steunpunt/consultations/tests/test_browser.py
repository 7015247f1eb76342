"""A young person books a consultation time, staff move it, the young person cancels it: keyboard
only for the young person, the mails checked in a real SMTP server, axe-core on every page."""

import pytest
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from steunpunt.consultations.models import Booking
from steunpunt.core.tests.browser import violations
from steunpunt.support.models import Channel
from steunpunt.tenants.roles import Role
from steunpunt.tenants.tests.factories import PASSWORD, MembershipFactory, SupportPointFactory

from .factories import SlotFactory, next_week_at

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


def _staff_moves(browser, live_server, booking, later):
    """A consultant signs in (password and second factor) and moves the booking to ``later``."""
    consultant = MembershipFactory(support_point=booking.slot.support_point, role=Role.CONSULTANT).user
    device = TOTPDevice.objects.create(user=consultant, name="test", confirmed=True)
    page = browser.new_page()
    base = f"http://127.0.0.1:{live_server.url.rsplit(':', 1)[1]}"
    page.goto(f"{base}/admin/login/")
    page.locator("#id_username").fill(consultant.username)
    page.locator("#id_password").fill(PASSWORD)
    page.locator("#id_password").press("Enter")
    page.wait_for_url("**/beveiliging/**")
    page.locator("#id_token").fill(f"{totp(device.bin_key):06d}")
    page.get_by_role("button", name="Verder").click()
    page.wait_for_url("**/admin/")
    page.goto(f"{base}/admin/vragen/{booking.case.pk}/")
    page.locator("#spreekuur summary").click()
    page.get_by_role("link", name="Deze afspraak afzeggen of verplaatsen").click()
    page.wait_for_url(f"**/admin/spreekuur/afspraak/{booking.pk}/")
    assert violations(page) == []
    page.get_by_role("button", name="Afspraak verplaatsen").click()  # no time chosen
    page.locator(".error-message").filter(has_text="Kies de nieuwe tijd.").wait_for()
    assert violations(page) == []
    page.locator("#id_slot").select_option(str(later.pk))
    page.get_by_role("button", name="Afspraak verplaatsen").click()
    page.wait_for_url("**?gedaan=verplaatst")
    assert "De afspraak is verplaatst" in page.locator("main").inner_text()
    assert violations(page) == []
    page.goto(f"{base}/admin/vragen/{booking.case.pk}/")
    assert "Spreekuurafspraak verplaatst" in page.locator(".timeline").inner_text()
    page.close()


def test_a_young_person_books_a_time_staff_move_it_and_the_young_person_cancels_it(
    smtp_sink, noord_slot, live_server, browser
):
    later = SlotFactory(support_point=noord_slot.support_point, starts_at=next_week_at(16), place="Kamer 2")
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

    _tab_to(page, "main button[type=submit].button")
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
    _tab_to(page, "main button[type=submit].button")
    page.keyboard.press("Enter")
    page.wait_for_url("**/spreekuur/afspraak/**")
    booking = Booking.objects.get()
    assert (booking.requester_kind, booking.case.channel) == ("young_person", Channel.CONSULTATION)
    assert "Je afspraak staat vast" in page.locator("main").inner_text()
    assert violations(page) == []

    _staff_moves(browser, live_server, booking, later)
    page.goto(f"{base}/spreekuur/afspraak/{booking.token}/")
    assert "16:00" in page.locator("main").inner_text()

    # Cancelling asks first; "no" keeps the appointment.
    _tab_to(page, "main form button[type=submit]")
    page.keyboard.press("Enter")
    page.get_by_role("heading", name="Wil je deze afspraak echt afzeggen?").wait_for()
    assert violations(page) == []
    booking.refresh_from_db()
    assert booking.status == "booked"
    _tab_to(page, "main form button[type=submit]")
    page.keyboard.press("Enter")
    page.wait_for_url(f"**/spreekuur/afspraak/{booking.token}/?afgezegd=1")
    assert page.locator("h1").inner_text() == "Je afspraak is afgezegd"
    assert (
        "We hebben een bevestiging gestuurd naar jongere@example.test." in page.locator("main").inner_text()
    )
    assert violations(page) == []
    booking.refresh_from_db()
    assert booking.status == "cancelled" and booking.slot == later and errors == []

    subjects = [mail["Subject"] for mail in smtp_sink.messages if mail["To"] == "jongere@example.test"]
    assert len(subjects) == 3
    assert subjects[0].startswith("Je afspraak op") and "verplaatst naar" in subjects[1]
    assert "is afgezegd" in subjects[2]
