"""The demo coordinator records a self-assessment in a real browser and sees the stool with its
weakest leg; axe-core finds no WCAG A/AA violation on the stool, the form (also with errors), the
plan and the network."""

import base64
import datetime

import pytest
from django.utils import timezone, translation
from django.utils.formats import date_format
from django_otp.oath import totp
from playwright.sync_api import expect

from steunpunt.core.tests.browser import violations
from steunpunt.development.demo import load_demo
from steunpunt.development.models import EvidenceFile, SelfAssessment
from steunpunt.tenants.models import SupportPoint

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]

# Informeren all in order, Steunen one block being developed, Signaleren all being developed.
CHOICES = {
    "inform_collect": 2,
    "inform_translate": 2,
    "inform_integrate": 2,
    "support_reachable": 0,
    "support_active": 1,
    "support_integrated": 0,
    "signal_register": 1,
    "signal_evaluate": 1,
    "signal_analyse": 1,
}


@pytest.fixture
def demo(demo):
    load_demo(SupportPoint.objects.get(slug="noord"))
    return demo


def test_the_coordinator_records_a_self_assessment_and_sees_the_weakest_leg(demo, live_server, browser):
    base = f"http://127.0.0.1:{live_server.url.rsplit(':', 1)[1]}"
    noord = SupportPoint.objects.get(slug="noord")
    page = browser.new_page()
    login = demo["noord-coordinator"]
    page.goto(f"{base}/admin/login/")
    page.locator("#id_username").fill(login["username"])
    page.locator("#id_password").fill(login["password"])
    page.locator("#id_password").press("Enter")
    page.wait_for_url("**/beveiliging/**")
    page.locator("#id_token").fill(f"{totp(base64.b32decode(login['totp_secret'])):06d}")
    page.get_by_role("button", name="Verder").click()

    page.goto(f"{base}/admin/ontwikkeling/")
    main = page.locator("main")
    assert "De zwakste poot is Signaleren" in main.inner_text()
    assert violations(page) == []

    page.get_by_role("link", name="Zelfevaluatie invullen").first.click()
    page.wait_for_url("**/zelfevaluatie/nieuw/**")
    assert violations(page) == []
    page.locator("#id_assessed_on").fill("")
    page.locator("#id_support_active-evidence").fill("Scholen noemen ons in de schoolgids.")
    page.get_by_role("button", name="Zelfevaluatie opslaan").click()
    page.locator(".error-summary").wait_for()
    assert "Vul een datum in." in page.locator(".error-summary").inner_text()
    assert page.locator("#id_support_active-evidence").input_value() == "Scholen noemen ons in de schoolgids."
    assert violations(page) == []
    assert SelfAssessment.objects.filter(support_point=noord).count() == 2

    # A recent day: the form refuses a self-assessment dated in the future.
    assessed_on = timezone.localdate() - datetime.timedelta(days=16)
    page.locator("#id_assessed_on").fill(assessed_on.isoformat())
    for code, index in CHOICES.items():
        page.locator(f"#id_{code}-status_{index}").check()
    page.locator("#id_inform_collect-files").set_input_files(
        {"name": "website.pdf", "mimeType": "application/pdf", "buffer": b"%PDF-1.4 website"}
    )
    page.get_by_role("button", name="Zelfevaluatie opslaan").click()
    page.wait_for_url("**/admin/ontwikkeling/?steunpunt=*")
    # Wagtail fades its "saved" message in; axe must see it fully shown, not half-transparent.
    expect(page.locator(".messages > ul")).to_have_css("opacity", "1")
    text = main.inner_text()
    assert "De zelfevaluatie is opgeslagen." in text
    assert "De zwakste poot is Steunen (17%)." in text
    with translation.override("nl"):
        assert f"Uit de zelfevaluatie van {date_format(assessed_on, 'j F Y')}." in text
    svg = page.get_by_role("img", name=f"Driepotige kruk van {noord.name}")
    assert svg.is_visible()
    assert violations(page) == []
    newest = SelfAssessment.objects.filter(support_point=noord).first()
    assert EvidenceFile.objects.get(block_assessment__assessment=newest).name == "website.pdf"

    page.goto(f"{base}/admin/ontwikkeling/plan/")
    assert "Wees ambitieus, maak een plan en deel dat" in main.inner_text()
    assert violations(page) == []
    page.get_by_role("link", name="Stap 5 wijzigen").click()
    page.wait_for_url("**/plan/stap/**")
    assert violations(page) == []
    page.goto(f"{base}/admin/ontwikkeling/netwerk/")
    assert "(Voorbeeld) Anna de Boer" in main.inner_text()
    assert violations(page) == []

    # The other pages of the menu, and a form in its error state.
    page.get_by_role("link", name="Toevoegen aan het netwerk").click()
    page.locator("#id_name").fill("Karin Smit")
    page.locator("#id_email").fill("karin@example.test")
    page.get_by_role("button", name="Opslaan").click()
    page.locator(".error-summary").wait_for()
    assert "alleen bewaren met toestemming" in page.locator(".error-summary").inner_text()
    assert violations(page) == []
    for address in ("zelfevaluatie/", f"zelfevaluatie/{newest.pk}/", "werkgroep/"):
        page.goto(f"{base}/admin/ontwikkeling/{address}")
        assert violations(page) == [], address
