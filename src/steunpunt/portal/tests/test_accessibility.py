"""A real browser opens the root page and each demo site; axe-core finds no WCAG A/AA violation."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.core.management import call_command
from playwright.sync_api import sync_playwright

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--host-resolver-rules=MAP *.localhost 127.0.0.1",
]

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]


@pytest.fixture
def browser(monkeypatch):
    # Playwright's sync API runs an event loop in this thread; the ORM work of the
    # live server happens in its own thread, never inside that loop.
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def demo(transactional_db, tmp_path):
    call_command("load_demo_data", "--logins-file", str(tmp_path / "logins.json"))


def violations(page):
    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}})
    return [
        (item["id"], [node["target"] for node in item["nodes"]]) for item in results.response["violations"]
    ]


@pytest.mark.parametrize(
    ("host", "path", "heading"),
    [
        ("127.0.0.1", "/", "Ouder- en jeugdsteunpunten passend onderwijs"),
        ("127.0.0.1", "/?postcode=3511", "Ouder- en jeugdsteunpunten passend onderwijs"),
        ("127.0.0.1", "/?postcode=abc", "Ouder- en jeugdsteunpunten passend onderwijs"),
        ("noord.localhost", "/", "Ouder- en Jeugdsteunpunt Noord (demo)"),
        ("midden.localhost", "/", "Steunpunt Passend Onderwijs Midden (demo)"),
        ("noord.localhost", "/bestaat-niet/", "We kunnen deze pagina niet vinden"),
    ],
)
def test_public_pages_have_no_accessibility_violations(demo, live_server, browser, host, path, heading):
    port = live_server.url.rsplit(":", 1)[1]
    page = browser.new_page()
    errors = []
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.goto(f"http://{host}:{port}{path}")
    assert page.locator("h1").inner_text() == heading
    assert violations(page) == []
    # A CSP violation or a missing file shows up as a console error.
    assert [error for error in errors if "404" not in error or path != "/bestaat-niet/"] == []
    page.close()
