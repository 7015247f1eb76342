"""The coordinator reads the quarter's report in a browser and downloads the PDF and XLSX; axe-core on the
report page, the evaluation questionnaire and the public signals page. A board member signs in and reads
the report: key figures, labels (never codes), no way into the questions themselves."""

import base64
import datetime
import io
import re

import pytest
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice
from openpyxl import load_workbook
from playwright.sync_api import expect
from pypdf import PdfReader

from steunpunt.ambitions.tests.factories import case_at
from steunpunt.concerns.services import concern_publish
from steunpunt.core.tests.browser import violations
from steunpunt.evaluations.models import Invitation
from steunpunt.portal.services import platform_site_ensure
from steunpunt.reports.aggregates import cases_in
from steunpunt.reports.periods import period_from
from steunpunt.support.models import Case
from steunpunt.support.models.choices import (
    AgeGroup,
    CaseSchoolType,
    CaseStatus,
    Channel,
    Outcome,
    RequesterKind,
    SupportKind,
)
from steunpunt.support.services import case_transition
from steunpunt.support.tests.factories import CaseFactory
from steunpunt.tenants.models import SupportPoint
from steunpunt.tenants.roles import Role
from steunpunt.tenants.tests.factories import PASSWORD, MembershipFactory, SupportPointFactory

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]


def test_the_coordinator_reads_the_quarter_and_downloads_pdf_and_xlsx(demo, live_server, browser):
    port = live_server.url.rsplit(":", 1)[1]
    noord = SupportPoint.objects.get(slug="noord")
    for _ in range(9):
        case = CaseFactory(support_point=noord, channel="web", evaluation_consent=True)
    case_transition(case=case, to="closed", by=None, outcome="solved")
    # The questions of the current quarter (the demo's history reaches 18 months back).
    questions = cases_in(noord, period_from({})[0]).count()
    concern = noord.concerns.create(title="Wachtlijst so", description="D", severity="high")
    concern_publish(concern=concern, published=True, heard="Ouders wachten lang.", changed="", by=None)

    page = browser.new_page()
    login = demo["noord-coordinator"]
    page.goto(f"http://127.0.0.1:{port}/admin/login/")
    page.locator("#id_username").fill(login["username"])
    page.locator("#id_password").fill(login["password"])
    page.locator("#id_password").press("Enter")
    page.wait_for_url("**/beveiliging/**")
    page.locator("#id_token").fill(f"{totp(base64.b32decode(login['totp_secret'])):06d}")
    page.get_by_role("button", name="Verder").click()
    page.goto(f"http://127.0.0.1:{port}/admin/rapportage/")
    page.locator("#periode").select_option(index=0)  # the current quarter
    page.get_by_role("button", name="Laat zien").click()
    expect(page.locator("main")).to_contain_text(f"Rapportage van {noord.name}")
    assert violations(page) == []

    with page.expect_download() as download:
        page.get_by_role("link", name="Downloaden als PDF").click()
    text = "\n".join(p.extract_text() for p in PdfReader(download.value.path()).pages)
    assert f"Rapportage van {noord.name}" in " ".join(text.split()) and f"Vragen {questions}" in " ".join(
        text.split()
    )
    with page.expect_download() as download:
        page.get_by_role("link", name="Downloaden als Excel (XLSX)").click()
    with open(download.value.path(), "rb") as handle:
        book = load_workbook(io.BytesIO(handle.read()))
    assert book.worksheets[0].title == "Inhoud"
    summary = book["Samenvatting"]
    assert summary["A3"].value == "Vragen" and summary["B3"].value == questions

    invitation = Invitation.objects.get(token=Case.objects.get(pk=case.pk).evaluation_token)
    public = browser.new_page()
    public.goto(f"http://noord.localhost:{port}/evaluatie/{invitation.token}/")
    assert violations(public) == []
    public.get_by_role("button", name="Verstuur mijn antwoorden").click()
    assert public.locator(".error-summary").is_visible()
    assert violations(public) == []
    public.get_by_label("4", exact=True).first.check()
    public.get_by_role("button", name="Verstuur mijn antwoorden").click()
    expect(public.locator("main")).to_contain_text("Dank u voor uw antwoorden")
    assert violations(public) == []
    public.goto(f"http://noord.localhost:{port}/wat-we-hoorden/")
    assert "Ouders wachten lang." in public.locator("main").inner_text()
    assert violations(public) == []


BOARD_NAME = "Ouder- en Jeugdsteunpunt Noord"
# What the database stores; a reader of the report sees the labels.
CODES = {
    str(value)
    for choices in (AgeGroup, CaseSchoolType, CaseStatus, Channel, Outcome, RequesterKind, SupportKind)
    for value in choices.values
}


@pytest.fixture
def board_member(transactional_db, live_server):
    port = int(live_server.url.rsplit(":", 1)[1])
    platform_site_ensure(port=port)
    noord = SupportPointFactory(name=BOARD_NAME, slug="noord-bestuur", hostname="noord-bestuur.localhost")
    now = datetime.datetime.now(datetime.UTC)
    cases = [
        case_at(noord, now - datetime.timedelta(days=day), channel=channel)
        for day in range(1, 7)
        for channel in ("phone", "web")
    ]
    user = MembershipFactory(support_point=noord, role=Role.BOARD, user__first_name="Bram").user
    device = TOTPDevice.objects.create(user=user, name="app", confirmed=True)
    return user, device, cases, f"http://127.0.0.1:{port}"


def test_a_board_member_signs_in_and_reads_the_report_without_seeing_any_question(board_member, browser):
    user, device, cases, base = board_member
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(f"{base}/admin/login/")
    page.get_by_label("Gebruikersnaam").fill(user.username)
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_label("Wachtwoord").press("Enter")
    page.wait_for_url("**/beveiliging/**")
    code = totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits)
    page.get_by_label("Code uit uw app").fill(f"{code:06d}")
    page.get_by_role("button", name="Verder").click()
    page.wait_for_url(f"{base}/admin/")
    assert "/admin/vragen/" not in page.content()  # no menu item, no panel leads to the questions

    page.goto(f"{base}/admin/rapportage/")
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Rapportage van {BOARD_NAME}")
    # The weeks with the questions, through the picker's own dates.
    today = datetime.date.today()
    page.locator("#periode").select_option("")
    page.locator("#van").fill(f"{today - datetime.timedelta(days=30):%Y-%m-%d}")
    page.locator("#tot").fill(f"{today:%Y-%m-%d}")
    page.get_by_role("button", name="Laat zien").click()
    page.wait_for_url("**van=**")
    expect(page).to_have_title(f"Rapportage – {BOARD_NAME}")

    # The key figures first, each with its label.
    figures = page.locator(".report-figure")
    questions = figures.filter(has=page.locator(".report-figure__label", has_text=re.compile("^Vragen$")))
    expect(questions.locator(".report-figure__value")).to_have_text("12")
    first_figure = figures.first.bounding_box()
    first_table = page.locator("main table").first.bounding_box()
    assert first_figure["y"] < first_table["y"]
    # Labels, never the stored codes.
    channels = page.locator("section.report-section").filter(
        has=page.get_by_role("heading", name="Hoe de vraag binnenkwam")
    )
    expect(channels.locator("table")).to_contain_text("Telefoon")
    expect(channels.locator("table")).to_contain_text("Vragenformulier")
    cells = {" ".join(text.split()) for text in page.locator("main table :is(th, td)").all_inner_texts()}
    assert cells.isdisjoint(CODES), cells & CODES
    main = page.locator("main").inner_text()
    assert "None" not in main
    assert violations(page) == []

    # Counts only: no question, reference or way into the questions.
    html = page.content()
    assert "/admin/vragen/" not in html
    assert not any(case.reference in html or case.question in html for case in cases)
    assert page.goto(f"{base}/admin/vragen/").status == 404
    assert page.goto(f"{base}/admin/vragen/{cases[0].pk}/").status == 404
