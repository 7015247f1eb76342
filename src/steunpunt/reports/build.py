"""The board report: raw figures from :mod:`.aggregates`, every count through small-cell suppression.

The result holds only what may be shown: suppressed cells (``Cell.shown``), percentages of shown
numbers, durations of large enough groups, and the signals' follow-up. Exports and the PDF are made
from this object, never from the raw figures.
"""

from dataclasses import dataclass, field

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from steunpunt.concerns.models import ConcernStatus, Severity
from steunpunt.schools.selectors import school_evaluation_figures

from . import aggregates
from .suppression import SMALL, WITHHELD, Cell, Unpublishable, legend, percentage, suppress_1d

# Tables whose total is the number of questions: one category per question. Their totals are
# shown in the headline, so a table that could only be protected by hiding its total is withheld.
PARTITIONS = {"requester_kind", "age_group", "school_type", "channel"}
TITLES = {
    "themes": gettext_lazy("Questions by theme"),
    "requester_kind": gettext_lazy("Who asked"),
    "age_group": gettext_lazy("Age group of the child"),
    "school_type": gettext_lazy("Type of school"),
    "channel": gettext_lazy("How the question came in"),
    "support": gettext_lazy("Support given"),
    "referrals": gettext_lazy("Referred to"),
    "outcomes": gettext_lazy("Outcome of closed questions"),
}

SCHOOL_QUESTIONS = {
    "reachable": gettext_lazy("Schools on how easy the steunpunt is to reach"),
    "useful": gettext_lazy("Schools on how useful the steunpunt is for their families"),
}


@dataclass
class Row:
    label: str
    current: Cell | None
    previous: Cell | None
    percent: str | None = None

    @property
    def change(self):
        """The difference with the period before, only when both numbers are shown; else ``None``."""
        if self.current is None or self.previous is None or self.current.hidden or self.previous.hidden:
            return None
        return self.current.value - self.previous.value

    @property
    def change_size(self):
        change = self.change
        return None if change is None else abs(change)


@dataclass
class Table:
    key: str
    title: str
    rows: list[Row] = field(default_factory=list)
    total: Row | None = None
    withheld: bool = False  # the current period's table cannot be shown at all
    withheld_previous: bool = False
    note: str = ""

    BAR_WIDTH = 340
    ROW_HEIGHT = 34

    @property
    def bars(self):
        """Bars for the chart: one per row, the width of a shown number; a hidden number gets no bar."""
        if self.withheld or not self.rows:
            return []
        shown = [row.current.value for row in self.rows if not row.current.hidden]
        if not any(shown):
            return []  # nothing to draw: a chart of names alone says nothing the table does not
        top = max(shown)
        return [
            {
                "label": row.label,
                "shown": row.current.shown,
                "width": 0 if row.current.hidden else max(1, round(self.BAR_WIDTH * row.current.value / top)),
                "y": index * self.ROW_HEIGHT,
            }
            for index, row in enumerate(self.rows)
        ]

    @property
    def chart_height(self):
        return len(self.rows) * self.ROW_HEIGHT


@dataclass
class Report:
    support_point: object
    period: object
    previous: object
    threshold: int
    headline: list[Row]
    tables: list[Table]
    durations: list[dict]
    evaluation: dict
    information: list[Table]
    schools: dict
    concerns: list[dict]
    legend: list[str]
    withheld_text: str = str(WITHHELD)


def _suppressed(counts, threshold, *, fixed_total=None):
    """Return the suppressed table, or ``None`` if it cannot be shown (also when a total that is shown
    elsewhere, ``fixed_total``, would have to be hidden)."""
    if not counts:
        return None
    try:
        table = suppress_1d(counts, threshold)
    except Unpublishable:
        return None
    if fixed_total is not None and not fixed_total.hidden and table.total.hidden:
        return None
    return table


def _count_cell(value, threshold):
    """A single count (a headline figure), shown only at or above the threshold."""
    return Cell(value, str(value)) if value >= threshold else Cell(value, f"<{threshold}", SMALL)


def _table(key, title, current, previous, threshold, *, current_total=None, previous_total=None):
    labels = list(dict.fromkeys([*current, *previous]))
    now = _suppressed(
        {label: current.get(label, 0) for label in labels}, threshold, fixed_total=current_total
    )
    before = _suppressed(
        {label: previous.get(label, 0) for label in labels}, threshold, fixed_total=previous_total
    )
    table = Table(key=key, title=str(title), withheld=now is None, withheld_previous=before is None)
    if not labels:
        table.note = _("Nothing in this period.")
        return table
    for label in labels:
        cell = now.cells[label] if now else None
        table.rows.append(
            Row(
                label=label,
                current=cell,
                previous=before.cells[label] if before else None,
                percent=percentage(cell, now.total) if now else None,
            )
        )
    table.total = Row(_("Total"), now.total if now else None, before.total if before else None)
    return table


def _days(duration):
    return None if duration is None else round(duration.total_seconds() / 86400, 1)


def build_report(support_point, period):
    """Return the :class:`Report` of ``support_point`` for ``period``, beside the period before."""
    threshold = support_point.report_threshold
    previous = period.previous()
    now, before = aggregates.case_figures_for(support_point, [period, previous])
    totals = (_count_cell(now["total"], threshold), _count_cell(before["total"], threshold))
    headline = [
        Row(_("Questions"), *totals),
        Row(
            _("Urgent questions"),
            _count_cell(now["urgent"], threshold),
            _count_cell(before["urgent"], threshold),
        ),
        Row(
            _("Closed questions"),
            _count_cell(now["closed"], threshold),
            _count_cell(before["closed"], threshold),
        ),
    ]
    tables = []
    for key, title in TITLES.items():
        fixed = totals if key in PARTITIONS else (None, None)
        tables.append(
            _table(
                key, title, now[key], before[key], threshold, current_total=fixed[0], previous_total=fixed[1]
            )
        )

    def hours(figures):
        return round(figures["minutes"] / 60, 1) if figures["total"] >= threshold else None

    durations = [
        {"label": _("Hours spent on these questions"), "current": hours(now), "previous": hours(before)},
    ]
    for key, label in (("first_contact", _("Days to first contact")), ("closing", _("Days to closing"))):
        for stat, stat_label in (("median", _("median")), ("p90", _("90% within"))):
            durations.append(
                {
                    "label": f"{label} ({stat_label})",
                    "current": _days(now[key][stat]) if now[key]["n"] >= threshold else None,
                    "previous": _days(before[key][stat]) if before[key]["n"] >= threshold else None,
                }
            )

    evaluation = aggregates.evaluation_figures(support_point, period)
    evaluation_before = aggregates.evaluation_figures(support_point, previous)
    invited = _count_cell(evaluation["invited"], threshold)
    answered = _count_cell(evaluation["answered"], threshold)
    invited_before = _count_cell(evaluation_before["invited"], threshold)
    answered_before = _count_cell(evaluation_before["answered"], threshold)
    earlier = {
        (question["text"], question["audience"]): question["counts"]
        for question in evaluation_before["questions"]
    }
    answers = []
    for question in evaluation["questions"]:
        answers.append(
            _table(
                "evaluation",
                f"{question['text']} ({question['audience']}, v{question['version']})",
                question["counts"],
                earlier.get((question["text"], question["audience"]), {}),
                threshold,
            )
        )
    info = aggregates.information_figures(support_point, period)
    info_before = aggregates.information_figures(support_point, previous)

    def frequent(searches):
        # A search is shown only when many people searched it: a rare search could name someone.
        return {query: n for query, n in searches.items() if n >= threshold}

    information = [
        _table("read", _("Most read articles"), info["read"], info_before["read"], threshold),
        _table(
            "not_found",
            _("Searches without a result"),
            frequent(info["not_found"]),
            frequent(info_before["not_found"]),
            threshold,
        ),
        _table(
            "not_helpful",
            _("Articles answered with 'did not help'"),
            info["not_helpful"],
            info_before["not_helpful"],
            threshold,
        ),
    ]
    return Report(
        schools=_school_evaluation(support_point, period, previous, threshold),
        support_point=support_point,
        period=period,
        previous=previous,
        threshold=threshold,
        headline=headline,
        tables=tables,
        durations=durations,
        evaluation={
            "invited": invited,
            "answered": answered,
            "rate": percentage(answered, invited),
            "invited_before": invited_before,
            "answered_before": answered_before,
            "rate_before": percentage(answered_before, invited_before),
            "tables": answers,
        },
        information=information,
        concerns=[
            {
                **concern,
                "status_label": ConcernStatus(concern["status"]).label,
                "severity_label": Severity(concern["severity"]).label,
            }
            for concern in aggregates.concern_figures(support_point, period)
        ],
        legend=legend(threshold),
    )


def _school_evaluation(support_point, period, previous, threshold):
    """The schools' anonymous opinion of the steunpunt: how many schools answered, and per question the
    answers, each through the same suppression as every other figure. The remarks only when at least
    ``threshold`` schools answered, alphabetically; nothing names a school."""
    now, before = school_evaluation_figures(
        support_point,
        [(period.start, period.end), (previous.start, previous.end)],
        remarks_from=threshold,
    )
    tables = [
        _table(
            "school_" + key,
            title,
            now[key] if now["answered"] else {},
            before[key] if before["answered"] else {},
            threshold,
        )
        for key, title in SCHOOL_QUESTIONS.items()
    ]
    return {
        "answered": _count_cell(now["answered"], threshold),
        "answered_before": _count_cell(before["answered"], threshold),
        "tables": tables,
        "remarks": now["remarks"],
        "remarks_note": _(
            "Remarks are shown only when at least %(threshold)d schools answered, and never with the name "
            "of a school."
        )
        % {"threshold": threshold},
    }


def export_tables(report):
    """Every table of the report as ``(title, header, rows)`` of shown text only, for CSV and XLSX."""
    current, previous = report.period.label, report.previous.label
    out = [
        (
            _("Summary"),
            [_("Figure"), current, previous],
            [[r.label, _shown(r.current), _shown(r.previous)] for r in report.headline],
        )
    ]
    evaluation = report.evaluation
    out.append(
        (
            _("Response"),
            [_("Figure"), current, previous],
            [
                [_("Invited"), evaluation["invited"].shown, evaluation["invited_before"].shown],
                [_("Answered"), evaluation["answered"].shown, evaluation["answered_before"].shown],
                [_("Response"), evaluation["rate"] or "", evaluation["rate_before"] or ""],
            ],
        )
    )
    schools = report.schools
    out.append(
        (
            _("Evaluation by schools"),
            [_("Figure"), current, previous],
            [
                [
                    _("Schools that gave their opinion"),
                    schools["answered"].shown,
                    schools["answered_before"].shown,
                ]
            ],
        )
    )
    for table in [*report.tables, *report.evaluation["tables"], *schools["tables"], *report.information]:
        rows = [
            [row.label, _shown(row.current), row.percent or "", _shown(row.previous)] for row in table.rows
        ]
        if table.total:
            rows.append([table.total.label, _shown(table.total.current), "", _shown(table.total.previous)])
        out.append((table.title, [_("Category"), current, _("Share"), previous], rows))
    out.append(
        (
            _("Time"),
            [_("Figure"), current, previous],
            [[d["label"], _value(d["current"]), _value(d["previous"])] for d in report.durations],
        )
    )
    out.append(
        (
            _("Signals"),
            [_("Signal"), _("Status"), _("Signalled on"), _("Response of the board"), _("What changed")],
            [
                [
                    c["title"],
                    str(c["status_label"]),
                    str(c["raised_on"]),
                    c["board_response"],
                    c["change_made"],
                ]
                for c in report.concerns
            ],
        )
    )
    return out


def _shown(cell):
    return str(WITHHELD_SHORT) if cell is None else cell.shown


def _value(value):
    return "" if value is None else str(value).replace(".", ",")


WITHHELD_SHORT = gettext_lazy("not shown")
