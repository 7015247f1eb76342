"""A real browser opens the root page and each demo site; axe-core finds no WCAG A/AA violation."""

import pytest

from steunpunt.core.tests.browser import violations

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]


# The root page (also with a postcode, and with one that is no postcode), each demo site, and the 404.
# One test over every page: each test starts from a fresh copy of the demo (conftest `demo`).
PAGES = [
    ("127.0.0.1", "/", "Ouder- en jeugdsteunpunten passend onderwijs"),
    ("127.0.0.1", "/?postcode=3511", "Ouder- en jeugdsteunpunten passend onderwijs"),
    ("127.0.0.1", "/?postcode=abc", "Ouder- en jeugdsteunpunten passend onderwijs"),
    ("noord.localhost", "/", "Ouder- en Jeugdsteunpunt Noord (demo)"),
    ("midden.localhost", "/", "Steunpunt Passend Onderwijs Midden (demo)"),
    ("noord.localhost", "/bestaat-niet/", "We kunnen deze pagina niet vinden"),
]


def test_public_pages_have_no_accessibility_violations(demo, live_server, browser):
    port = live_server.url.rsplit(":", 1)[1]
    found = {}
    for host, path, heading in PAGES:
        page = browser.new_page()
        errors = []
        page.on(
            "console",
            lambda message, errors=errors: errors.append(message.text) if message.type == "error" else None,
        )
        page.goto(f"http://{host}:{port}{path}")
        problems = []
        if page.locator("h1").inner_text() != heading:
            problems.append(f"heading {page.locator('h1').inner_text()!r}")
        problems += violations(page)
        # A CSP violation or a missing file shows up as a console error.
        problems += [error for error in errors if "404" not in error or path != "/bestaat-niet/"]
        if problems:
            found[f"{host}{path}"] = problems
        page.close()
    assert found == {}
