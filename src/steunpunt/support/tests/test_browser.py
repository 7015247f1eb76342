"""A parent asks, a consultant answers, the parent replies: a real browser, axe-core on every page."""

import base64

import pytest
from django_otp.oath import totp
from playwright.sync_api import expect

from steunpunt.core.tests.browser import violations
from steunpunt.support.models import Case, Message

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]


def _tab_to(page, selector, limit=80):
    """Press Tab until ``selector`` has the focus; fail if the keyboard cannot reach it."""
    for _ in range(limit):
        if page.evaluate("(s) => document.activeElement === document.querySelector(s)", selector):
            return
        page.keyboard.press("Tab")
    raise AssertionError(f"{selector} cannot be reached with the keyboard")


def test_a_parent_asks_a_consultant_answers_and_the_parent_replies(demo, live_server, browser):
    port = live_server.url.rsplit(":", 1)[1]
    base = f"http://noord.localhost:{port}"
    errors = []
    parent = browser.new_page()
    # JavaScript errors (the proof-of-work script); a 400 answer to a form with errors is intended.
    parent.on("pageerror", lambda error: errors.append(str(error)))
    parent.goto(f"{base}/")
    parent.get_by_role("link", name="Stel uw vraag").first.click()
    expect(parent.locator("h1")).to_have_text("Stel uw vraag")
    assert violations(parent) == []

    parent.get_by_role("button", name="Verstuur mijn vraag").click()
    summary = parent.locator(".error-summary").inner_text()
    assert "Schrijf uw vraag." in summary and "Zet een vinkje" in summary
    assert violations(parent) == []

    # Only an e-mail address, no name; the rest with the keyboard alone.
    parent.goto(f"{base}/vraag/")
    _tab_to(parent, "#id_question")
    parent.keyboard.type("Mijn dochter van 10 mag niet meer naar school komen. Wat kan ik doen?")
    _tab_to(parent, "#id_school_type")
    parent.keyboard.press("ArrowDown")  # the first choice after 'Basisschool'
    _tab_to(parent, "#id_requester_email")
    parent.keyboard.type("ouder@example.test")
    _tab_to(parent, "#id_consent")
    parent.keyboard.press("Space")
    _tab_to(parent, "main button[type=submit].button")
    with parent.expect_request(lambda request: request.method == "POST") as sent:
        parent.keyboard.press("Enter")
    # The browser solved the proof-of-work puzzle and sent its answer (base64 of a JSON object).
    assert "altcha=eyJ" in sent.value.post_data
    parent.wait_for_url("**/mijn-vraag/**")
    assert "Bedankt, wij hebben uw vraag ontvangen" in parent.locator("main").inner_text()
    case = Case.objects.get(question__startswith="Mijn dochter van 10")
    assert case.requester_name == "" and case.requester_email == "ouder@example.test"
    assert parent.locator(".reference").inner_text() == case.reference
    private_link = parent.locator(".private-link a").get_attribute("href")
    assert private_link.endswith(f"/mijn-vraag/{case.access_token}/")
    assert violations(parent) == []

    consultant = browser.new_page()
    login = demo["noord-consultant"]
    consultant.goto(f"http://127.0.0.1:{port}/admin/login/")
    consultant.locator("#id_username").fill(login["username"])
    consultant.locator("#id_password").fill(login["password"])
    consultant.locator("#id_password").press("Enter")
    consultant.wait_for_url("**/beveiliging/**")
    consultant.locator("#id_token").fill(f"{totp(base64.b32decode(login['totp_secret'])):06d}")
    consultant.get_by_role("button", name="Verder").click()
    consultant.goto(f"http://127.0.0.1:{port}/admin/vragen/")
    consultant.get_by_role("link", name=case.reference).click()
    expect(consultant.locator("main")).to_contain_text("Mijn dochter van 10")
    consultant.get_by_role("button", name="Versturen naar de vrager").click()
    # Wait for the answer to the empty message (reading at once could catch the page before it came).
    consultant.locator(".error-message").filter(has_text="Schrijf een bericht.").wait_for()
    consultant.locator("#id_body").fill("Dag, wat vervelend. Ik bel u morgen om 10 uur. Groet, de consulent")
    consultant.get_by_role("button", name="Versturen naar de vrager").click()
    # Each step waits for the answer to arrive before reading the page it brings.
    consultant.locator("main").filter(has_text="Ik bel u morgen om 10 uur").wait_for()

    parent.goto(private_link)
    assert "Ik bel u morgen om 10 uur" in parent.locator("#berichten").inner_text()
    parent.get_by_role("button", name="Bericht versturen").click()
    parent.locator(".error-summary").wait_for()
    assert violations(parent) == []
    parent.get_by_label("Uw bericht").fill("Dank u, morgen om 10 uur is goed.")
    parent.get_by_role("button", name="Bericht versturen").click()
    parent.locator("#berichten").filter(has_text="Uw bericht is verstuurd.").wait_for()
    assert violations(parent) == []
    assert list(Message.objects.filter(case=case).values_list("from_requester", flat=True)) == [False, True]
    assert errors == []


def test_a_young_person_asks_with_the_simpler_form_and_a_parent_asks_for_a_call_back(
    demo, live_server, browser
):
    port = live_server.url.rsplit(":", 1)[1]
    base = f"http://noord.localhost:{port}"
    page = browser.new_page()
    page.goto(f"{base}/vraag/jongeren/")
    assert violations(page) == []
    page.get_by_role("button", name="Versturen").click()
    expect(page.locator(".error-summary")).to_contain_text("Kies hoe oud je bent.")
    assert violations(page) == []
    page.get_by_label("Wat wil je vragen?").fill("Ik word gepest en de school doet niks.")
    page.get_by_label("12 tot 18 jaar").check()
    page.get_by_label("Alleen op mijn eigen pagina").check()
    page.locator("#id_consent").check()
    page.get_by_role("button", name="Versturen").click()
    page.wait_for_url("**/mijn-vraag/**")
    assert violations(page) == []

    page.goto(f"{base}/bel-mij-terug/")
    assert violations(page) == []
    page.get_by_role("button", name="Bel mij terug").click()
    expect(page.locator(".error-summary")).to_contain_text("Vul uw telefoonnummer in.")
    assert violations(page) == []
    page.goto(f"{base}/privacy/")
    assert violations(page) == []
