"""The inbox's rows built in Python (support/inbox_rows.py) say exactly what the template said before,
escaped as the template escaped it: held against that template's row markup, kept here as the
reference, for every kind of row."""

import datetime
import html
import re
from pathlib import Path
from types import SimpleNamespace

import pytest
from django.template import Context, Template
from django.utils import translation

from steunpunt.support.inbox_rows import InboxRows

from .factories import CaseFactory

# The row of support/admin/inbox.html before its cells moved to Python (commit 348560d).
REFERENCE_ROW = Template((Path(__file__).parent / "inbox_row_reference.html").read_text())

NOW = datetime.datetime(2026, 11, 30, 23, 30, tzinfo=datetime.UTC)  # already 1 December in Amsterdam


def _same(markup):
    """``markup`` as a browser reads it: no white space between tags, one space between words, and
    characters rather than their references (the template wrote "Thema's" where ``format_html``
    writes "Thema&#x27;s"; the escaping itself is held in the test below)."""
    return html.unescape(re.sub(r"\s+", " ", re.sub(r">\s+<", "><", markup)).strip())


def _row(*, readable=True, waiting_since=None, overdue=False, consultant="", themes=(), **case):
    fields = {
        "pk": 4711,
        "reference": "SP-2026-0042",
        "question": "Mijn zoon zit al weken thuis.",
        "urgent": False,
        "created_at": datetime.datetime(2026, 11, 2, 9, 0, tzinfo=datetime.UTC),
        "first_contact_due": datetime.datetime(2026, 11, 4, 23, 15, tzinfo=datetime.UTC),
        "first_contact_at": None,
        **case,
    }
    built = CaseFactory.build(support_point=None, **fields)
    built.theme_list = [SimpleNamespace(name=name) for name in themes]
    return {
        "case": built,
        "readable": readable,
        "waiting_since": waiting_since,
        "overdue": overdue,
        "consultant": consultant,
        "requester_kind": "Ouder",
        "channel": "Website",
        "language": "Arabisch · tolk",
        "status": "Nieuw",
    }


ROWS = {
    "readable, new, waiting, not yet due": _row(
        waiting_since=datetime.datetime(2026, 11, 2, 9, 0, tzinfo=datetime.UTC)
    ),
    "urgent and overdue, with a consultant and themes": _row(
        urgent=True,
        overdue=True,
        waiting_since=datetime.datetime(2026, 10, 1, 8, 0, tzinfo=datetime.UTC),
        consultant="Anna de Vries (Consulent)",
        themes=["Thuiszitten", "Extra ondersteuning"],
    ),
    "first contact made, nobody waiting": _row(
        first_contact_at=datetime.datetime(2026, 11, 3, 10, 0, tzinfo=datetime.UTC)
    ),
    "not readable (another consultant's question)": _row(readable=False),
    "a question that needs escaping and is long": _row(
        question='<script>alert("x")</script> & "aanhalingstekens" ' + "heel lang " * 30,
        reference="SP-<b>&",
        consultant="O'Brien & <Zn>",
        themes=["Rekenen & taal"],
    ),
    "came in just before midnight (UTC), the next day in Amsterdam": _row(
        created_at=datetime.datetime(2026, 3, 31, 22, 30, tzinfo=datetime.UTC),
        first_contact_due=datetime.datetime(2026, 12, 31, 23, 30, tzinfo=datetime.UTC),
        waiting_since=datetime.datetime(2026, 11, 30, 23, 29, tzinfo=datetime.UTC),
    ),
}


@pytest.mark.parametrize("may_assign", [True, False], ids=["coordinator", "consultant"])
@pytest.mark.parametrize("language", ["nl", "en"])
@pytest.mark.parametrize("kind", ROWS)
def test_a_row_built_in_python_is_the_templates_row(kind, language, may_assign):
    row = ROWS[kind]
    with translation.override(language):
        expected = REFERENCE_ROW.render(Context({"row": row, "now": NOW, "can_see_workload": may_assign}))
        built = InboxRows(now=NOW, may_assign=may_assign).cells(row)
    assert _same(built) == _same(expected)


def test_the_cells_are_escaped_and_the_dates_are_amsterdams():
    with translation.override("nl"):
        table = InboxRows(now=NOW, may_assign=False)
        escaped = table.cells(ROWS["a question that needs escaping and is long"])
        midnight = table.cells(ROWS["came in just before midnight (UTC), the next day in Amsterdam"])
    assert (
        "<script>" not in escaped
        and "&lt;script&gt;" in escaped
        and "O&#x27;Brien &amp; &lt;Zn&gt;" in escaped
    )
    assert "…" in escaped  # shortened to 140 characters
    assert "Ontvangen 1 april 2026" in midnight and "1 januari 2027" in midnight
    assert '<td data-label="Wacht al">1\xa0minuut</td>' in midnight
