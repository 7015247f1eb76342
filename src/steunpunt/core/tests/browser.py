"""Headless Chromium (Debian's package, never a browser download) and axe-core for page tests."""

from axe_playwright_python.sync_playwright import Axe

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


def violations(page):
    """Return axe-core's WCAG 2.0/2.1/2.2 A and AA violations on ``page`` as ``(rule, targets)`` pairs.

    Waits for the page to have loaded whole first: right after a click, the next page may still be
    arriving, and axe would judge half a page.
    """
    page.wait_for_load_state("load")
    # Only violations are read: axe then keeps one example of each passed or inapplicable rule instead
    # of every element, a third of the time on a long back-office list (every violating element stays).
    options = {"runOnly": {"type": "tag", "values": WCAG_TAGS}, "resultTypes": ["violations"]}
    results = Axe().run(page, options=options)
    return [
        (item["id"], [node["target"] for node in item["nodes"]]) for item in results.response["violations"]
    ]
