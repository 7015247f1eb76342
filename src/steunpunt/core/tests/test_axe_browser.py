"""``violations`` (core/tests/browser.py), which every browser test asks, reports every element that
breaks a WCAG rule, not only the first of each rule."""

import pytest

from steunpunt.core.tests.browser import violations

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]


def test_every_violating_element_is_reported_with_its_rule(browser):
    page = browser.new_page()
    page.set_content(
        "<!doctype html><html lang='nl'><head><title>Proef</title></head><body><main><h1>Proef</h1>"
        "<img src='data:,' id='eerste'><img src='data:,' id='tweede'><img src='data:,' alt='Goed'>"
        "<label for='naam'>Naam</label><input id='naam'><input id='zonder-label'>"
        "</main></body></html>"
    )
    found = dict(violations(page))
    assert found["image-alt"] == [["#eerste"], ["#tweede"]]
    assert found["label"] == [["#zonder-label"]]
    page.set_content(
        "<!doctype html><html lang='nl'><head><title>Proef</title></head><body><main><h1>Proef</h1>"
        "<img src='data:,' alt='Goed'><label for='naam'>Naam</label><input id='naam'></main></body></html>"
    )
    assert violations(page) == []


def test_each_new_document_of_a_reused_page_is_checked(browser):
    """One page serving several documents (the back-office crawl): axe is sent into each new document
    again, so a violation of the second document is found, and a good third document passes."""
    page = browser.new_page()
    documents = {
        "eerste": "<img src='data:,' alt='Goed'>",
        "tweede": "<img src='data:,' id='zonder-alt'>",
        "derde": "<img src='data:,' alt='Ook goed'>",
    }
    page.route(
        "http://proef.test/**",
        lambda route: route.fulfill(
            content_type="text/html",
            body="<!doctype html><html lang='nl'><head><title>Proef</title></head><body><main><h1>Proef</h1>"
            f"{documents[route.request.url.rsplit('/', 1)[1]]}</main></body></html>",
        ),
    )
    page.goto("http://proef.test/eerste")
    assert violations(page) == []
    page.goto("http://proef.test/tweede")
    assert page.evaluate("typeof axe") == "undefined"
    assert violations(page) == [("image-alt", [["#zonder-alt"]])]
    page.goto("http://proef.test/derde")
    assert violations(page) == []
