"""A consultant's day in a real browser: from the inbox to a case, a contact moment (its date filled
in), a message with a sample letter, to closing; the parent downloads the letter. axe-core finds no
WCAG A/AA violation on the inbox and the case page in each state, on a desktop and a phone. On a desktop
the actions stand beside the timeline, on a phone below it."""

import base64
import os
from pathlib import Path

import pytest
from django.utils import timezone
from django_otp.oath import totp
from playwright.sync_api import expect

from steunpunt.core.tests.browser import violations
from steunpunt.support.models import Attachment, Case, CaseStatus

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]
PDF = b"%PDF-1.4\n% voorbeeldbrief\n"


def _shot(page, name):
    """Keep a screenshot when SCREENSHOT_DIR is set (for looking at the pages; never asserted)."""
    folder = os.environ.get("SCREENSHOT_DIR")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(Path(folder) / f"{name}.png"), full_page=True)


@pytest.fixture
def demo(demo, tmp_path, settings):
    settings.PRIVATE_MEDIA_ROOT = str(tmp_path / "private")
    return demo


def _sign_in(page, base, login):
    page.goto(f"{base}/admin/login/")
    page.locator("#id_username").fill(login["username"])
    page.locator("#id_password").fill(login["password"])
    page.locator("#id_password").press("Enter")
    page.wait_for_url("**/beveiliging/**")
    page.locator("#id_token").fill(f"{totp(base64.b32decode(login['totp_secret'])):06d}")
    page.get_by_role("button", name="Verder").click()
    page.wait_for_url("**/admin/")


def test_a_consultant_works_a_question_from_inbox_to_closing(demo, live_server, browser):
    port = live_server.url.rsplit(":", 1)[1]
    base = f"http://127.0.0.1:{port}"
    case = Case.objects.get(
        support_point__slug="noord",
        status=CaseStatus.NEW,
        urgent=True,
        question__contains="Mijn zoon van 9 zit sinds",
    )
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    _sign_in(page, base, demo["noord-consultant"])

    page.goto(f"{base}/admin/vragen/")
    row = page.locator("tr").filter(has_text=case.reference)
    expect(row).to_contain_text("Mijn zoon van 9 zit sinds de herfstvakantie thuis")  # the preview
    expect(row).to_contain_text("Ouder of verzorger")
    expect(row).to_contain_text("Vragenformulier")
    assert violations(page) == []
    _shot(page, "inbox")
    # The filter boxes sit on the line of their labels.
    box, label = page.locator("#f-urgent").bounding_box(), page.locator("label[for=f-urgent]").bounding_box()
    assert abs((box["y"] + box["height"] / 2) - (label["y"] + label["height"] / 2)) < 4
    page.get_by_label("Dringend").check()
    page.get_by_role("button", name="Laat zien").click()
    page.wait_for_url("**urgent=1**")
    expect(page.locator("table.inbox-table")).to_contain_text(case.reference)
    assert violations(page) == []

    page.get_by_role("link", name=case.reference).click()
    page.wait_for_url(f"**/admin/vragen/{case.pk}/")
    case_url = page.url
    expect(page.locator(".case-question")).to_contain_text("Mijn zoon van 9")
    # On a desktop the actions stand beside the conversation, not below it: to the right of the
    # timeline and starting above its end.
    timeline = page.locator(".case-timeline").bounding_box()
    actions = page.locator("aside.case-actions").bounding_box()
    assert actions["x"] >= timeline["x"] + timeline["width"], (timeline, actions)
    assert actions["y"] < timeline["y"] + timeline["height"], (timeline, actions)
    assert page.evaluate("document.documentElement.scrollWidth") <= 1280
    assert violations(page) == []
    _shot(page, "case-new")

    # A contact moment: the date is today's, already filled in.
    page.locator("#contact summary").click()
    assert page.locator("#id_on").input_value() == f"{timezone.localdate():%Y-%m-%d}"
    page.locator("#id_minutes").fill("15")
    page.locator("#id_summary").fill("Moeder gebeld, uitleg over de zorgplicht gegeven.")
    page.get_by_role("button", name="Contactmoment vastleggen").click()
    page.wait_for_url(case_url)
    expect(page.locator(".case-status")).to_have_text("In behandeling")
    expect(page.locator(".timeline")).to_contain_text("Moeder gebeld")

    # An empty message: the error comes back on the case's own address.
    page.get_by_role("button", name="Versturen naar de vrager").click()
    page.locator(".error-message").filter(has_text="Schrijf een bericht.").wait_for()
    assert page.url == case_url
    assert violations(page) == []
    _shot(page, "case-error")

    page.locator("#id_body").fill("Hierbij de voorbeeldbrief voor de school.")
    page.locator("#id_files").set_input_files(
        [{"name": "Voorbeeldbrief.pdf", "mimeType": "application/pdf", "buffer": PDF}]
    )
    page.get_by_role("button", name="Versturen naar de vrager").click()
    page.wait_for_url(case_url)
    expect(page.locator(".case-latest")).to_contain_text("Hierbij de voorbeeldbrief")
    attachment = Attachment.objects.get(message__case=case)
    with page.expect_download() as download:
        page.locator(".case-latest").get_by_role("link", name="Voorbeeldbrief.pdf").click()
    assert Path(download.value.path()).read_bytes() == PDF
    assert violations(page) == []
    _shot(page, "case-in-progress")

    page.locator("#status summary").click()
    page.locator("#id_to").select_option("closed")
    page.locator("#id_outcome").select_option("solved")
    page.get_by_role("button", name="Status wijzigen").click()
    page.wait_for_url(case_url)
    expect(page.locator(".case-status")).to_have_text("Afgerond")
    assert violations(page) == []
    case.refresh_from_db()
    assert case.status == CaseStatus.CLOSED and case.contacts.count() == 1

    phone = browser.new_context(viewport={"width": 390, "height": 844}, storage_state=context.storage_state())
    small = phone.new_page()
    small.goto(case_url)
    # Stacked on a phone: the question first, the actions below the timeline, nothing wider than the screen.
    question = small.locator(".case-question").bounding_box()
    actions = small.locator(".case-actions").bounding_box()
    assert question["y"] < actions["y"]
    assert small.evaluate("document.documentElement.scrollWidth") <= 390
    assert violations(small) == []
    _shot(small, "case-phone")
    small.goto(f"{base}/admin/vragen/?status=all")
    assert violations(small) == []
    _shot(small, "inbox-phone")

    # The parent finds the letter on the private page.
    parent = browser.new_page()
    parent.goto(f"http://noord.localhost:{port}/mijn-vraag/{case.access_token}/")
    link = parent.get_by_role("link", name="Voorbeeldbrief.pdf")
    assert link.get_attribute("href") == f"/mijn-vraag/{case.access_token}/bijlage/{attachment.pk}/"
    assert violations(parent) == []
    assert errors == []
