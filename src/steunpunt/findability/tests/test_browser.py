"""The site search in a real browser, by keyboard only: suggestions while typing (the WAI-ARIA
combobox pattern), the grouped results page and the no-result page, with axe-core on each, and no
request to any other host."""

import os
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from steunpunt.core.tests.browser import violations
from steunpunt.findability.models import ResultClick

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]
SCREENSHOTS = os.environ.get("STEUNPUNT_SCREENSHOTS")


def _tab_to(page, element_id, limit=40):
    for _press in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement && document.activeElement.id") == element_id:
            return
    raise AssertionError(f"#{element_id} is not reachable with Tab")


def test_a_parent_searches_with_the_keyboard_only_through_suggestions_and_results(demo, live_server, browser):
    port = live_server.url.rsplit(":", 1)[1]
    base = f"http://noord.localhost:{port}"
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    hosts = set()
    page.on("request", lambda request: hosts.add(urlsplit(request.url).netloc))
    page.goto(f"{base}/zoeken/")
    field = page.locator("#zoekterm")
    # The script makes the plain search field a combobox.
    expect(field).to_have_attribute("role", "combobox")
    expect(field).to_have_attribute("aria-expanded", "false")
    expect(field).to_have_attribute("aria-controls", "zoekterm-suggesties")
    expect(field).to_have_attribute("aria-autocomplete", "list")
    assert violations(page) == []

    _tab_to(page, "zoekterm")
    page.keyboard.type("thuisz", delay=30)
    listbox = page.get_by_role("listbox", name="Suggesties")
    expect(listbox).to_be_visible()
    expect(field).to_have_attribute("aria-expanded", "true")
    options = listbox.get_by_role("option")
    assert options.count() >= 1
    expect(page.locator("#zoekterm-aantal")).to_contain_text("Kies met de pijltjestoetsen")
    first_label = options.first.locator("span").first.inner_text()
    assert first_label.lower().startswith("thuisz")
    # With the suggestions open: no violation either.
    assert violations(page) == []
    if SCREENSHOTS:
        page.screenshot(path=f"{SCREENSHOTS}/search-suggestions.png", full_page=True)

    page.keyboard.press("ArrowDown")
    first_id = options.first.get_attribute("id")
    expect(field).to_have_attribute("aria-activedescendant", first_id)
    expect(options.first).to_have_attribute("aria-selected", "true")
    if options.count() > 1:
        page.keyboard.press("ArrowDown")
        expect(field).to_have_attribute("aria-activedescendant", options.nth(1).get_attribute("id"))
        page.keyboard.press("ArrowUp")
        expect(field).to_have_attribute("aria-activedescendant", first_id)
    page.keyboard.press("Escape")
    expect(field).to_have_attribute("aria-expanded", "false")
    expect(listbox).to_be_hidden()
    assert field.get_attribute("aria-activedescendant") is None
    assert field.input_value() == "thuisz"
    page.keyboard.press("ArrowDown")
    expect(field).to_have_attribute("aria-expanded", "true")
    expect(field).to_have_attribute("aria-activedescendant", first_id)
    page.keyboard.press("Enter")
    # The chosen suggestion is opened (a word explained or an article).
    page.wait_for_url(lambda url: "/zoeken/" not in url)
    expect(page.locator("h1")).to_contain_text("huiszit")

    # A whole question typed, Enter without choosing a suggestion: the form is sent as it is.
    page.goto(f"{base}/zoeken/")
    _tab_to(page, "zoekterm")
    page.keyboard.type("mijn kind gaat niet naar school", delay=10)
    page.keyboard.press("Enter")
    expect(page.locator("#resultaten-kop")).to_be_visible()
    first = page.locator(".search-results li.card").first
    assert first.locator("h3").inner_text() == "Thuiszitten: als uw kind niet naar school gaat"
    assert first.locator(".badge").inner_text() == "Beste antwoord"
    assert violations(page) == []
    if SCREENSHOTS:
        page.screenshot(path=f"{SCREENSHOTS}/search-results-grouped.png", full_page=True)
        page.set_viewport_size({"width": 390, "height": 844})
        page.screenshot(path=f"{SCREENSHOTS}/search-results-phone.png", full_page=True)
        page.set_viewport_size({"width": 1280, "height": 900})
    # Opening the first result with the keyboard counts one click at position 1, nothing else.
    first.locator("h3 a").focus()
    page.keyboard.press("Enter")
    expect(page.locator("h1")).to_have_text("Thuiszitten: als uw kind niet naar school gaat")
    click = ResultClick.objects.get()
    assert (click.query, click.kind, click.position, click.clicks) == (
        "mijn kind gaat niet naar school",
        "answer",
        1,
        1,
    )

    page.goto(f"{base}/zoeken/?q=qwxz+vliegtuig")
    assert page.locator("#resultaten-kop").inner_text() == "0 resultaten"
    assert violations(page) == []
    if SCREENSHOTS:
        page.screenshot(path=f"{SCREENSHOTS}/search-nothing.png", full_page=True)
    # Only the site itself was asked for anything.
    assert hosts == {f"noord.localhost:{port}"}
    page.close()


@pytest.fixture
def small_site(transactional_db, live_server):
    """One steunpunt with two articles: enough to search, without loading the demo."""
    from steunpunt.information.tests.factories import ArticlePageFactory
    from steunpunt.tenants.tests.factories import SupportPointFactory

    SupportPointFactory(hostname="noord.localhost", name="Steunpunt Noord")
    ArticlePageFactory(
        title="Thuiszitten: als uw kind niet naar school gaat",
        slug="thuiszitten",
        summary="Gaat uw kind niet naar school? Dan kunt u hulp vragen.",
        body=[("paragraph", "Een kind dat thuiszit, heeft recht op onderwijs.")],
    )
    ArticlePageFactory(title="Leerlingenvervoer", slug="leerlingenvervoer", body=[("paragraph", "De taxi.")])
    return f"http://noord.localhost:{live_server.url.rsplit(':', 1)[1]}"


def test_without_javascript_a_search_is_typed_sent_and_answered_and_nothing_found_leads_to_the_form(
    small_site, browser
):
    """JavaScript switched off in Chromium: the field stays a plain search field, Enter sends the form,
    the results page lists the article; a search without a result offers the question form with the
    search text filled in, and following it shows the text in the form (not sent)."""
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{small_site}/zoeken/")
    field = page.locator("#zoekterm")
    # The script did not run: no combobox, no suggestion list.
    assert field.get_attribute("role") is None
    field.click()
    page.keyboard.type("mijn kind zit thuis", delay=10)
    page.keyboard.press("Enter")
    page.wait_for_url(lambda url: "/zoeken/?" in url and "q=mijn+kind+zit+thuis" in url)
    expect(page.locator("#resultaten-kop")).to_have_text("1 resultaat")
    titles = page.locator(".search-results li.card h3").all_inner_texts()
    assert titles == ["Thuiszitten: als uw kind niet naar school gaat"]
    expect(page.locator("#zoekterm")).to_have_value("mijn kind zit thuis")
    assert page.locator("#zoekterm-suggesties").is_hidden()

    # A new search from the results page, sent with the button.
    page.locator("#zoekterm").fill("qwxz vliegtuig")
    page.get_by_role("button", name="Zoeken", exact=True).click()
    page.wait_for_url(lambda url: "q=qwxz+vliegtuig" in url)
    expect(page.locator("#resultaten-kop")).to_have_text("0 resultaten")
    ask = page.locator(".search-results").get_by_role("link", name="Stel uw vraag")
    assert ask.get_attribute("href") == "/vraag/?vraag=qwxz%20vliegtuig"
    ask.click()
    page.wait_for_url(lambda url: url.endswith("/vraag/?vraag=qwxz%20vliegtuig"))
    expect(page.locator("textarea[name=question]")).to_have_value("qwxz vliegtuig")
    context.close()
