"""Headless Chromium (Debian's package, never a browser download) and axe-core for page tests."""

from axe_playwright_python.base import AXE_SCRIPT

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
# Only violations are read: axe then keeps one example of each passed or inapplicable rule instead of
# every element, a third of the time on a long back-office list (every violating element stays).
AXE_OPTIONS = {"runOnly": {"type": "tag", "values": WCAG_TAGS}, "resultTypes": ["violations"]}
# axe.run as axe-playwright-python calls it, but answering only what is read (each violated rule with
# the targets of its elements), not the whole result over the wire.
AXE_RUN = """options => axe.run(options).then(results =>
    results.violations.map(rule => [rule.id, rule.nodes.map(node => node.target)]))"""


def violations(page):
    """Return axe-core's WCAG 2.0/2.1/2.2 A and AA violations on ``page`` as ``(rule, targets)`` pairs.

    Waits for the page to have loaded whole first: right after a click, the next page may still be
    arriving, and axe would judge half a page. The script is sent every time, as
    axe-playwright-python does: Wagtail's core.js brings an ``axe`` of its own (its accessibility
    checker's) into back-office pages, and skipping the script there let that one judge, with another
    result.
    """
    page.wait_for_load_state("load")
    page.evaluate(AXE_SCRIPT)
    found = page.evaluate(AXE_RUN, AXE_OPTIONS)
    return [(rule, targets) for rule, targets in found]
