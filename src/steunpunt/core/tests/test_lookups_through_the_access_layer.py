"""Issue 13: the platform's own views find their objects through the access layer (``tenants.access.scoped``
and ``get_scoped_or_404``, or a selector built on them), never with a steunpunt filter of their own.

What they answer is checked by the generated matrix (test_access_matrix.py): another steunpunt's id is
404 on every pattern, every shown personal field has its audit record. This test checks where that
answer comes from, so a new view cannot scope itself by hand."""

import re
from pathlib import Path

import pytest

from steunpunt.tenants import access

APPS = Path(__file__).resolve().parents[2]
# The apps with custom back-office views (cases, signals, development, consultations, meetings, stories,
# ambitions, social map, information's checks).
CUSTOM_VIEW_APPS = (
    "support",
    "concerns",
    "development",
    "consultations",
    "meetings",
    "stories",
    "ambitions",
    "socialmap",
    "information",
    "schools",
)
# A steunpunt filter built by hand: `support_point__in=...`, `slot__support_point_id__in=...`.
BY_HAND = re.compile(r"support_point(?:_id)?__in\s*=")


def _sources(app):
    for path in sorted((APPS / app).rglob("*.py")):
        if "tests" in path.parts or "migrations" in path.parts:
            continue
        yield path


@pytest.mark.parametrize("app", CUSTOM_VIEW_APPS)
def test_no_view_or_selector_filters_on_a_steunpunt_by_hand(app):
    found = [
        f"{path.relative_to(APPS)}:{number}: {line.strip()}"
        for path in _sources(app)
        for number, line in enumerate(path.read_text().splitlines(), 1)
        if BY_HAND.search(line)
    ]
    assert found == []


@pytest.mark.parametrize(
    "module, selectors",
    [
        (
            "steunpunt.support.selectors",
            ["cases_fully_readable_by", "cases_readable_by", "cases_listed_for", "workload_for"],
        ),
        ("steunpunt.concerns.selectors", ["concerns_visible_to"]),
        (
            "steunpunt.development.selectors",
            ["assessments_visible_to", "cycles_visible_to", "network_visible_to"],
        ),
        ("steunpunt.consultations.selectors", ["bookings_visible_to"]),
        ("steunpunt.ambitions.selectors", ["ambitions_visible_to", "criteria_visible_to"]),
        ("steunpunt.schools.selectors", ["contacts_visible_to", "proposals_visible_to"]),
    ],
)
def test_the_custom_views_selectors_read_through_the_layer(module, selectors, monkeypatch):
    """Each selector the custom views look objects up with asks ``tenants.access.scoped``."""
    import importlib

    from django.contrib.auth.models import AnonymousUser

    selectors_module = importlib.import_module(module)
    calls = []
    real = access.scoped

    def spy(queryset, user, *rules, **kwargs):
        calls.append(rules)
        return real(queryset, user, *rules, **kwargs)

    monkeypatch.setattr(selectors_module, "scoped", spy)
    for name in selectors:
        calls.clear()
        getattr(selectors_module, name)(AnonymousUser())
        assert calls, f"{module}.{name} does not read through tenants.access.scoped"
