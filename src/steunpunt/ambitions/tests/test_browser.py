"""The coordinator sets a criterion with a target and sees its measured value and whether it is met;
axe-core finds no violations on the ambitions page, the criterion form (empty and with errors) and the
cost page."""

import base64

import pytest
from django.utils import timezone
from django_otp.oath import totp
from pypdf import PdfReader

from steunpunt.ambitions.models import Ambition
from steunpunt.core.tests.browser import violations
from steunpunt.information.models import SearchCount
from steunpunt.tenants.models import SupportPoint

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]


def _axe(page):
    """axe-core's violations once Wagtail's message banner has faded in (mid-fade its contrast is low)."""
    page.wait_for_function(
        "() => [...document.querySelectorAll('.messages > ul')].every("
        "(list) => getComputedStyle(list).opacity === '1')"
    )
    return violations(page)


def _log_in(page, port, login):
    page.goto(f"http://127.0.0.1:{port}/admin/login/")
    page.locator("#id_username").fill(login["username"])
    page.locator("#id_password").fill(login["password"])
    page.locator("#id_password").press("Enter")
    page.wait_for_url("**/beveiliging/**")
    page.locator("#id_token").fill(f"{totp(base64.b32decode(login['totp_secret'])):06d}")
    page.get_by_role("button", name="Verder").click()


def test_the_coordinator_sets_a_target_and_sees_the_measured_value_and_whether_it_is_met(
    demo, live_server, browser
):
    port = live_server.url.rsplit(":", 1)[1]
    noord = SupportPoint.objects.get(slug="noord")
    today = timezone.localdate()
    # This quarter: 10 searches on the website, 3 of them without a result → 30%.
    SearchCount.objects.create(support_point=noord, query="rugzakje", day=today, searches=3, results=0)
    SearchCount.objects.create(support_point=noord, query="tlv", day=today, searches=7, results=4)
    # Start without the demo's ambitions: the page then invites to add the first one.
    Ambition.objects.filter(support_point=noord).delete()

    page = browser.new_page()
    _log_in(page, port, demo["noord-coordinator"])
    page.goto(f"http://127.0.0.1:{port}/admin/ontwikkeling/ambities/")
    assert "Nog geen ambities" in page.locator("main").inner_text()
    assert _axe(page) == []

    page.get_by_role("link", name="Ambitie toevoegen").click()
    page.get_by_label("Ambitie", exact=True).fill("Ouders vinden wat ze zoeken")
    page.get_by_role("button", name="Opslaan").click()

    # The criterion form: first sent empty, then filled in.
    page.wait_for_url("**/criterium/nieuw/")
    assert _axe(page) == []
    page.get_by_role("button", name="Opslaan").click()
    page.locator(".error-summary").wait_for(state="visible")
    assert "Kies wat er gemeten wordt." in page.locator(".error-summary").inner_text()
    assert _axe(page) == []
    page.get_by_label("Wat wordt gemeten").select_option(label="Zoekvragen zonder resultaat")
    page.get_by_label("ten hoogste").check()
    page.locator("#id_target").fill("20")
    page.get_by_role("button", name="Opslaan").click()

    page.wait_for_url("**/ontwikkeling/ambities/?steunpunt=*")
    row = page.locator("tr.criterium")
    text = row.inner_text()
    assert "Zoekvragen zonder resultaat" in text
    assert "30%" in text and "3 van 10 zoekvragen" in text
    assert "ten hoogste 20%" in text and "Niet gehaald" in text
    assert _axe(page) == []

    # A less strict target: now it is met.
    row.get_by_role("link", name="Wijzigen").click()
    page.locator("#id_target").fill("40")
    page.get_by_role("button", name="Opslaan").click()
    page.wait_for_url("**/ontwikkeling/ambities/?steunpunt=*")
    text = page.locator("tr.criterium").inner_text()
    assert "ten hoogste 40%" in text and "Gehaald" in text and "Niet gehaald" not in text

    page.goto(f"http://127.0.0.1:{port}/admin/ontwikkeling/kosten/")
    assert "In totaal" in page.locator("main").inner_text()
    assert _axe(page) == []
    page.goto(f"http://127.0.0.1:{port}/admin/ontwikkeling/kosten/uurtarief/")
    page.get_by_label("Euro per uur").fill("veel")
    page.get_by_role("button", name="Opslaan").click()
    page.locator(".error-summary").wait_for(state="visible")
    assert "Vul een getal in" in page.locator(".error-summary").inner_text()
    assert _axe(page) == []

    # The annual report of this year carries the criterion and is readable by everyone.
    page.goto(f"http://127.0.0.1:{port}/admin/rapportage/jaarverslag/?periode={today.year}")
    main = page.locator("main").inner_text()
    assert f"Jaarverslag van {noord.name}" in main and "Ouders vinden wat ze zoeken" in main
    assert "De zwakste poot is" in main or "even sterk" in main
    assert _axe(page) == []
    with page.expect_download() as download:
        page.get_by_role("link", name="Downloaden als PDF").click()
    text = " ".join("\n".join(p.extract_text() for p in PdfReader(download.value.path()).pages).split())
    assert f"Jaarverslag van {noord.name}" in text and "Ouders vinden wat ze zoeken" in text
