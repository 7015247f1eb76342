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
