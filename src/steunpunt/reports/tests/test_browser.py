"""The coordinator reads the quarter's report in a browser and downloads the PDF and XLSX; axe-core on the
report page, the evaluation questionnaire and the public signals page."""

import base64
import io
import json

import pytest
from django.core.management import call_command
from django_otp.oath import totp
from openpyxl import load_workbook
from playwright.sync_api import expect
from pypdf import PdfReader

from steunpunt.concerns.services import concern_publish
from steunpunt.core.tests.browser import violations
from steunpunt.evaluations.models import Invitation
from steunpunt.reports.aggregates import cases_in
from steunpunt.reports.periods import period_from
from steunpunt.support.models import Case
from steunpunt.support.services import case_transition
from steunpunt.support.tests.factories import CaseFactory
from steunpunt.tenants.models import SupportPoint

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]


@pytest.fixture
def demo(transactional_db, tmp_path, live_server):
    path = tmp_path / "logins.json"
    call_command("load_demo_data", "--port", live_server.url.rsplit(":", 1)[1], "--logins-file", str(path))
    return {entry["username"]: entry for entry in json.loads(path.read_text())}


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
