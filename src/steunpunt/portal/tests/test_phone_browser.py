"""Phone first, in a real browser at 390 × 844: the heading and the main action of the home page, an
article, the question form and the search page are on the first screen (measured from the elements'
positions); the menu button works with and without JavaScript and passes axe-core open and closed;
a glossary word opens in place; every article ends with the steunpunt's own contact."""

import pytest
from playwright.sync_api import expect

from steunpunt.core.tests.browser import violations

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]
PHONE = {"width": 390, "height": 844}


def _on_first_screen(page, selector):
    box = page.locator(selector).first.bounding_box()
    assert box is not None, f"{selector} is not shown"
    assert box["y"] >= 0 and box["y"] + box["height"] <= PHONE["height"], (selector, box)
    assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"], (selector, box)


FIRST_SCREEN = [
    ("/", ["main h1", "main .actions a[href='/vraag/']"]),
    ("/informatie/thuiszitten/", ["main h1", "main .audiences", "main article .lead"]),
    ("/vraag/", ["main h1", "main form input[name='requester_kind']"]),
    ("/zoeken/", ["main h1", "main input[name='q']", "main form[role='search'] button[type='submit']"]),
]


def test_a_phone_shows_heading_and_main_action_first_and_a_menu_button(demo, live_server, browser):
    base = f"http://noord.localhost:{live_server.url.rsplit(':', 1)[1]}"
    page = browser.new_page(viewport=PHONE)
    for path, selectors in FIRST_SCREEN:
        page.goto(f"{base}{path}")
        for selector in selectors:
            _on_first_screen(page, selector)

    # The menu: closed, the links are hidden; the button opens it in place; axe is content both ways.
    page.goto(f"{base}/")
    menu_button = page.get_by_text("Menu", exact=True)
    nav = page.get_by_role("navigation", name="Hoofdmenu")
    expect(nav).to_be_hidden()
    assert violations(page) == []
    menu_button.click()
    expect(nav).to_be_visible()
    for name, href in (("Voor jongeren", "/jongeren/"), ("Spreekuur", "/spreekuur/"), ("Zoeken", "/zoeken/")):
        expect(nav.get_by_role("link", name=name, exact=True)).to_have_attribute("href", href)
    assert violations(page) == []
    page.keyboard.press("Escape")
    expect(nav).to_be_hidden()

    # An article: a glossary word opens its explanation without leaving the page.
    page.goto(f"{base}/informatie/thuiszitten/")
    term = page.locator("main button.term").first
    term.click()
    popover = page.locator(".term-popover:popover-open")
    expect(popover).to_be_visible()
    assert popover.locator(".term-explanation").inner_text().strip()
    assert page.url == f"{base}/informatie/thuiszitten/"
    assert violations(page) == []
    page.keyboard.press("Escape")
    expect(popover).to_have_count(0)
    # It ends with the steunpunt's own contact first, the national line after it.
    help_block = page.locator("section.need-help")
    expect(help_block.get_by_role("heading", level=2)).to_have_text("Wilt u hulp?")
    expect(help_block.get_by_role("link", name="Stel uw vraag")).to_have_attribute("href", "/vraag/")
    expect(help_block.get_by_role("link", name="Bel 050 000 0000")).to_be_visible()
    text = help_block.inner_text()
    assert text.index("050 000 0000") < text.index("0800-5010")
    page.goto(f"{base}/informatie/thuiszitten/jongeren/")
    expect(page.locator("section.need-help").get_by_role("link", name="Stel je vraag")).to_have_attribute(
        "href", "/vraag/jongeren/"
    )
    page.goto(f"{base}/jongeren/")
    expect(page.locator("h1")).to_have_text("Voor jongeren")
    expect(page.locator("main a[href$='/jongeren/']").first).to_be_visible()
    assert violations(page) == []
    page.close()

    # Without JavaScript the menu button still opens the menu.
    context = browser.new_context(viewport=PHONE, java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{base}/")
    page.get_by_text("Menu", exact=True).click()
    expect(
        page.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Informatie")
    ).to_be_visible()
    context.close()

    # The platform's index names regions by their gemeenten, never by partnership codes.
    page = browser.new_page()
    page.goto(f"http://127.0.0.1:{live_server.url.rsplit(':', 1)[1]}/")
    cards = page.locator("main .cards").inner_text()
    assert "PO2001" not in cards and "VO2001" not in cards
    assert "Voor basisscholen en middelbare scholen" in cards and "Utrecht" in cards
    page.locator(".municipalities summary").first.click()
    expect(page.locator(".municipalities").first).to_contain_text("Groningen")
    assert violations(page) == []
    page.close()
