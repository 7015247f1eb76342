"""A parent's journey in a real browser, with axe-core on every page type it passes."""

import os

import pytest
from playwright.sync_api import expect

from steunpunt.core.tests.browser import violations
from steunpunt.information.models import ArticleFeedback, ArticlePage, SearchSynonym

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]
# A folder to keep screenshots of the search pages in, to look at them (not set in CI).
SCREENSHOTS = os.environ.get("STEUNPUNT_SCREENSHOTS")


@pytest.fixture
def information(demo):
    # The demo loads the starter set: the article on thuiszitten, its youth version, the
    # glossary and the synonym 'thuiszitter'.
    assert ArticlePage.objects.filter(slug="thuiszitten", youth_title__gt="").exists()
    assert SearchSynonym.objects.filter(term="thuiszitter").exists()


def test_a_parent_searches_reads_switches_looks_up_a_word_and_answers(information, live_server, browser):
    port = live_server.url.rsplit(":", 1)[1]
    base = f"http://noord.localhost:{port}"
    page = browser.new_page()
    page.goto(f"{base}/")
    page.get_by_role("link", name="Zoeken").click()
    assert violations(page) == []
    page.get_by_label("Waar zoekt u naar?").fill("thuiszitter")
    # The suggestions unfold below the field; the button beside it stays free to click.
    expect(page.get_by_role("listbox", name="Suggesties")).to_be_visible()
    page.get_by_role("button", name="Zoeken").click()
    page.wait_for_url("**q=**")
    assert violations(page) == []
    page.get_by_role("link", name="Thuiszitten: als uw kind niet naar school gaat").click()
    expect(page.locator("h1")).to_have_text("Thuiszitten: als uw kind niet naar school gaat")
    assert violations(page) == []

    page.get_by_role("link", name="Jongeren (12+)").click()
    expect(page.locator("h1")).to_have_text("Thuiszitten: als jij niet naar school gaat")
    assert violations(page) == []

    page.get_by_role("button", name="Versturen").click()
    expect(page.locator(".error").first).to_have_text("Kies ja of nee.")
    assert violations(page) == []

    page.get_by_label("Nee").check()
    # The young people's version asks and thanks with "je" (core.address).
    page.get_by_label("Wat miste je? (mag leeg blijven)").fill("Wat als ik ziek ben?")
    page.get_by_role("button", name="Versturen").click()
    expect(page.locator("#reactie")).to_contain_text("Dank je wel voor je antwoord")
    answer = ArticleFeedback.objects.get()
    assert (answer.helpful, answer.audience, answer.missing) == (False, "youth", "Wat als ik ziek ben?")

    # A term opens in place; its popover links to the term's page for young people.
    page.locator("main button.term").first.click()
    expect(page.locator(".term-popover:popover-open")).to_contain_text("Zo noemt de overheid een leerling")
    page.locator(".term-popover:popover-open").get_by_role("link", name="Meer over dit woord").click()
    expect(page.locator("h1")).to_have_text("thuiszitter")
    # A term on a young people's page is explained in their words.
    assert page.url.endswith("/begrippen/thuiszitter/jongeren/")
    assert "Zo noemt de overheid een leerling" in page.locator("main").inner_text()
    assert violations(page) == []
    page.get_by_role("link", name="Alle woorden").click()
    assert violations(page) == []
    page.goto(f"{base}/informatie/")
    assert violations(page) == []
    page.close()


def test_a_parent_asks_a_whole_question_and_finds_the_answer_or_help(information, live_server, browser):
    """Everyday questions in a real browser: the answer first with its words marked, "Bedoelde u …?",
    the glossary explanation for "wat is …", and, when nothing is found, help and the question form
    with the search text filled in; axe-core finds no violation on any of these pages."""
    port = live_server.url.rsplit(":", 1)[1]
    base = f"http://noord.localhost:{port}"
    page = browser.new_page()
    page.goto(f"{base}/zoeken/")
    page.get_by_label("Waar zoekt u naar?").fill("mijn kind gaat niet naar school")
    page.get_by_role("button", name="Zoeken").click()
    page.wait_for_url("**q=**")
    first = page.locator(".search-results li.card").first
    assert first.locator("h3").inner_text() == "Thuiszitten: als uw kind niet naar school gaat"
    assert first.locator("mark").count() >= 1
    assert violations(page) == []
    if SCREENSHOTS:
        page.screenshot(path=f"{SCREENSHOTS}/search-results.png", full_page=True)

    page.goto(f"{base}/zoeken/?q=toelaatbaarheitsverklaring")
    page.locator(".suggestion").get_by_role("link", name="toelaatbaarheidsverklaring").click()
    expect(page.get_by_label("Waar zoekt u naar?")).to_have_value("toelaatbaarheidsverklaring")
    assert "Bedoelde u" not in page.content()

    page.goto(f"{base}/zoeken/?q=wat+is+een+tlv")
    assert page.locator(".answer h2").inner_text() == "Wat betekent “TLV”?"
    assert violations(page) == []

    page.goto(f"{base}/zoeken/?q=qwxz+vliegtuig")
    assert page.locator("#resultaten-kop").inner_text() == "0 resultaten"
    assert violations(page) == []
    if SCREENSHOTS:
        page.screenshot(path=f"{SCREENSHOTS}/search-nothing.png", full_page=True)
    page.get_by_role("link", name="Stel uw vraag").click()
    expect(page.get_by_label("Wat is uw vraag?")).to_have_value("qwxz vliegtuig")

    # On a phone the results fit the screen: nothing to scroll sideways (the list kept the browser's
    # indent and pushed each card past the right edge).
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"{base}/zoeken/?q=mijn+kind+gaat+niet+naar+school")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    page.close()
