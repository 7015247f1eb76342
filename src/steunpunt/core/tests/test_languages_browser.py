"""Issue 17 acceptance in Chromium: 0 axe-core violations in every language of the site (Dutch, English,
Arabic right to left, Turkish, Polish, Ukrainian) on the home page, an article (in the other languages the
missing-translation page), the question form and the self-help tools; the language switcher works by
keyboard and without JavaScript; Arabic reflows at 320 px and at 200 % text. One browser, one page
per language, reused."""

import pytest

from steunpunt.core.tests.browser import violations
from steunpunt.information.tests.factories import ArticlePageFactory
from steunpunt.information.tests.test_browser_reading import OVERFLOW as LEFT_TO_RIGHT_OVERFLOW
from steunpunt.selfhelp.starter import load_starter_selfhelp
from steunpunt.tenants.tests.factories import SupportPointFactory

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]

PATHS = [
    "/",
    "/informatie/zorgplicht/",
    "/vraag/",
    "/zelf-doen/",
    "/zelf-doen/wegwijzer/",
    "/zelf-doen/termijnen/",
    "/zelf-doen/brief/",
    "/zelf-doen/gesprek/",
]
# Right to left, "off the screen on purpose" (the robots' trap, the skip link) is past the right edge.
OVERFLOW = LEFT_TO_RIGHT_OVERFLOW.replace(
    "if (box.right <= 0) { return false; }", "if (box.right <= 0 || box.left >= width) { return false; }"
)
assert OVERFLOW != LEFT_TO_RIGHT_OVERFLOW
PREFIXES = {"nl": "", "en": "/en", "ar": "/ar", "tr": "/tr", "pl": "/pl", "uk": "/uk"}


@pytest.fixture
def site(transactional_db, platform, live_server):
    load_starter_selfhelp()
    support_point = SupportPointFactory(
        name="Steunpunt Noord", hostname="noord.localhost", partnership_codes=["PO2001"]
    )
    support_point.phone = "050 123 45 67"
    support_point.save()
    ArticlePageFactory(slug="zorgplicht", title="Zorgplicht")
    return f"http://noord.localhost:{live_server.url.rsplit(':', 1)[1]}"


def test_every_language_has_no_axe_violations_on_the_main_pages(site, browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.set_default_timeout(15000)
    page = context.new_page()
    found = []
    for code, prefix in PREFIXES.items():
        for path in PATHS:
            response = page.goto(f"{site}{prefix}{path}")
            assert response.status == 200, (code, path)
            direction = "rtl" if code == "ar" else "ltr"
            assert page.evaluate("[document.documentElement.lang, document.documentElement.dir]") == [
                code,
                direction,
            ]
            found += [(code, path, rule, targets) for rule, targets in violations(page)]
    context.close()
    assert found == []


def test_the_switcher_takes_a_keyboard_user_to_the_same_page_in_their_language(site, browser):
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto(f"{site}/vraag/")
    page.keyboard.press("Tab")  # the skip link
    for _ in range(20):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.lang") == "ar":
            break
    assert page.evaluate("document.activeElement.textContent") == "العربية"
    page.keyboard.press("Enter")
    page.wait_for_url(f"{site}/ar/vraag/")
    assert page.evaluate("document.documentElement.dir") == "rtl"
    current = page.locator('.language-switcher [aria-current="true"]')
    assert current.text_content() == "العربية" and current.get_attribute("lang") == "ar"
    context.close()
    # Without JavaScript, a plain link.
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{site}/ar/zelf-doen/")
    page.get_by_role("link", name="English").click()
    page.wait_for_url(f"{site}/en/zelf-doen/")
    context.close()


def test_arabic_reflows_at_320_px_and_at_200_percent_text(site, browser):
    problems = []
    for width, text in ((320, 1), (390, 2), (1280, 2)):
        context = browser.new_context(viewport={"width": width, "height": 800})
        page = context.new_page()
        for path in ("/", "/informatie/zorgplicht/", "/vraag/", "/zelf-doen/"):
            page.goto(f"{site}/ar{path}")
            if text != 1:
                page.evaluate(
                    "f => { const r = document.documentElement;"
                    " r.style.fontSize = parseFloat(getComputedStyle(r).fontSize) * f + 'px'; }",
                    text,
                )
            result = page.evaluate(OVERFLOW)
            if result["scroll"] > result["width"] or result["clipped"]:
                problems.append((width, text, path, result))
        context.close()
    assert problems == [], "\n".join(map(str, problems))
