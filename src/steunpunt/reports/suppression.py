"""Small-cell suppression for the anonymised reports: no child may be recognisable.

Contract. Every number a report or an export shows goes through :func:`suppress_1d` or
:func:`suppress_2d` (counts per category with a total; rows × columns with row, column and grand
totals), and every percentage through :func:`percentage`. Then:

* Primary suppression: every count below the threshold, zero included, is shown as ``"<t"``
  (``"<5"`` by default). The threshold is configurable per steunpunt but never below 3
  (:func:`validate_threshold`).
* Secondary suppression: more numbers, cells or totals, are hidden as ``"×"`` so that no hidden
  number can be computed from what is shown. A ``"×"`` is never shown as ``"<t"``: it is larger.
* Shown numbers are the true counts, and shown totals are the true sums.
* Same input, same output: the choice of what to hide is deterministic.
* A table that cannot be protected at all raises :class:`Unpublishable`; show :data:`WITHHELD`.

Attacker model and protection criterion. The reader knows every shown number, that the table adds
up (cells to row and column totals, those to the grand total), that counts are non-negative
integers, that a ``"<t"`` lies in 0..t-1, and that a ``"×"`` is at least t (every smaller count
would have been a ``"<t"``). A hidden number is *protected* when at least two values of it are
consistent with all of that, i.e. its feasible interval has width ≥ 1: the reader cannot arrive at
one exact number, which is what "cannot be computed" asks. This is decided exactly: the table is a
flow network (below), whose constraint matrix is totally unimodular, so reasoning over fractions
would give the reader nothing that reasoning over whole numbers does not.

Algorithm. A table is a network: a source S, a node per row, a node per column, a sink T; a cell
is an arc row → column, a row total S → row, a column total column → T, the grand total T → S
(a 1-D table: each category S → T, the total T → S). "The table adds up" is flow conservation.
A hidden number can change iff its arc lies on a cycle of hidden arcs that can all move by one
(up unless a ``"<t"`` is at t-1; down unless at the lower bound, 0 for ``"<t"`` and t for
``"×"``), since the other numbers on the cycle change with it. For each primary number in table
order without such a cycle, Dijkstra finds the cheapest cycle, where a shown number costs its value
plus a penalty for a row or column total and twice that for the grand total (so totals are hidden
only when needed), and the shown numbers on it are hidden as ``"×"``. Every number on a cycle is
protected and hiding more never unprotects, so one pass suffices; a 20 × 10 table takes at most
some 20 ms. If even hiding everything leaves no cycle, the table is :class:`Unpublishable`.

Limits. Each call protects one table. A report that shows the same numbers in two tables (by theme,
and theme × channel) must take both from one :class:`Table2D` (its row totals are the by-theme
table), or a number hidden in one is read in the other. The protection is against computing a
number, not against narrowing it down (a ``"<5"`` may be known to be 3 or 4), and it assumes the
reader does not also reason about which numbers this algorithm prefers to hide.
"""

import heapq
import math
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

DEFAULT_THRESHOLD = 5
MINIMUM_THRESHOLD = 3

# A percentage needs a whole of at least 20. It never reveals more than the shown counts it is
# computed from (a hidden part or whole gives no percentage), so this rule is about honesty, not
# disclosure: below 20 one question moves a percentage by more than 5 points (of 12, 5 questions are
# 42% and 6 are 50%), a precision the numbers do not have.
MIN_DENOMINATOR = 20

SMALL = "small"  # primary: below the threshold
PROTECT = "protect"  # secondary: hidden so that no small count can be worked out
PROTECT_MARKER = "×"

_SMALL_LEGEND = _("<%(threshold)d fewer than %(threshold)d, the exact number is not shown")
_PROTECT_LEGEND = _("× hidden so that a small number cannot be worked out")
WITHHELD = _("Too few questions to show this table without making someone recognisable.")


class Unpublishable(ValueError):
    """No way of hiding numbers protects every small count: the table has too few cases to be shown
    in any form. Show :data:`WITHHELD` instead. For example rows (1, 1) and (2, 2) at threshold 3: with
    every number hidden, the column totals ("×", so at least 3 each) need 6, which the first row ("<3")
    and the small cells of the second reach in one way only."""


@dataclass(frozen=True)
class Cell:
    """One published number. Render ``shown`` (also ``str(cell)``); ``value`` is for computation only."""

    value: int
    shown: str
    reason: str = ""  # "" (shown), SMALL or PROTECT

    @property
    def hidden(self) -> bool:
        return bool(self.reason)

    def __str__(self) -> str:
        return self.shown


@dataclass(frozen=True)
class Table1D:
    threshold: int
    cells: dict[str, Cell]  # in the order of the counts given
    total: Cell


@dataclass(frozen=True)
class Table2D:
    threshold: int
    rows: tuple[str, ...]
    columns: tuple[str, ...]
    cells: dict[tuple[str, str], Cell]  # (row, column), every combination
    row_totals: dict[str, Cell]
    column_totals: dict[str, Cell]
    total: Cell


def validate_threshold(value: int) -> int:
    """Return ``value`` if it is a valid threshold (an integer of at least 3), else raise."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"The threshold must be an integer, not {value!r}.")
    if value < MINIMUM_THRESHOLD:
        raise ValueError(f"The threshold must be at least {MINIMUM_THRESHOLD}, not {value}.")
    return value


def suppress_1d(counts: dict[str, int], threshold: int = DEFAULT_THRESHOLD) -> Table1D:
    """Suppress a table of counts per category (give every category, also those with 0) and its total."""
    threshold = validate_threshold(threshold)
    if not counts:
        raise ValueError("A table needs at least one category.")
    values = [_count(v) for v in counts.values()]
    # Nodes: 0 = S, 1 = T.
    arcs = [_Arc(0, 1, v, 0) for v in values] + [_Arc(1, 0, sum(values), 2)]
    *cells, total = _suppress(arcs, 2, threshold)
    return Table1D(threshold, dict(zip(counts, cells, strict=True)), total)


def suppress_2d(
    counts: dict[tuple[str, str], int],
    rows: list[str],
    columns: list[str],
    threshold: int = DEFAULT_THRESHOLD,
) -> Table2D:
    """Suppress a rows × columns table with its totals; a combination missing from ``counts`` is 0."""
    threshold = validate_threshold(threshold)
    if not rows or not columns or len(set(rows)) < len(rows) or len(set(columns)) < len(columns):
        raise ValueError("A table needs at least one row and one column, each named once.")
    keys = [(r, c) for r in rows for c in columns]
    if unknown := set(counts) - set(keys):
        raise ValueError(f"Counts for unknown rows or columns: {sorted(unknown)}.")
    grid = [[_count(counts.get((r, c), 0)) for c in columns] for r in rows]
    # Nodes: 0 = S, 1 = T, 2 + i = row i, 2 + len(rows) + j = column j.
    row_node = [2 + i for i in range(len(rows))]
    column_node = [2 + len(rows) + j for j in range(len(columns))]
    arcs = [
        _Arc(row_node[i], column_node[j], grid[i][j], 0)
        for i in range(len(rows))
        for j in range(len(columns))
    ]
    arcs += [_Arc(0, row_node[i], sum(grid[i]), 1) for i in range(len(rows))]
    arcs += [_Arc(column_node[j], 1, sum(line[j] for line in grid), 1) for j in range(len(columns))]
    arcs.append(_Arc(1, 0, sum(map(sum, grid)), 2))
    published = _suppress(arcs, 2 + len(rows) + len(columns), threshold)
    cells, rest = published[: len(keys)], published[len(keys) :]
    return Table2D(
        threshold,
        tuple(rows),
        tuple(columns),
        dict(zip(keys, cells, strict=True)),
        dict(zip(rows, rest[: len(rows)], strict=True)),
        dict(zip(columns, rest[len(rows) : -1], strict=True)),
        rest[-1],
    )


def percentage(part: Cell, whole: Cell, *, min_denominator: int = MIN_DENOMINATOR) -> str | None:
    """``part`` as a whole percentage of ``whole`` (half rounds up), or None when either is hidden or
    ``whole`` is below ``min_denominator``."""
    if min_denominator < 1:
        raise ValueError("The minimum denominator must be at least 1.")
    if part.hidden or whole.hidden or whole.value < min_denominator:
        return None
    if part.value > whole.value:
        raise ValueError("A part cannot be larger than its whole.")
    return f"{(200 * part.value + whole.value) // (2 * whole.value)}%"


def legend(threshold: int) -> list[str]:
    """The sentences that explain the markers, in the active language: call it when rendering."""
    return [_SMALL_LEGEND % {"threshold": threshold}, str(_PROTECT_LEGEND)]


@dataclass(frozen=True)
class _Arc:
    tail: int
    head: int
    value: int
    level: int  # 0 a cell, 1 a row or column total, 2 the grand total: the higher, the later it is hidden


def _count(value: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise ValueError(f"A count must be a non-negative integer, not {value!r}.")
    return value


def _suppress(arcs: list[_Arc], node_count: int, threshold: int) -> list[Cell]:
    """Decide for every arc whether it is shown, SMALL or PROTECT (see the module docstring)."""
    reasons = [SMALL if arc.value < threshold else "" for arc in arcs]
    incident: list[list[int]] = [[] for _ in range(node_count)]
    for index, arc in enumerate(arcs):
        incident[arc.tail].append(index)
        incident[arc.head].append(index)
    penalty = 1 + sum(arc.value for arc in arcs)  # more than any path through cells alone costs

    def moves(index: int) -> tuple[bool, bool]:
        """Can the arc go up, down by one? A shown arc is judged as it would be once hidden as PROTECT."""
        value = arcs[index].value
        if reasons[index] == SMALL:
            return value < threshold - 1, value > 0
        return True, value > threshold

    def cheapest_path(start: int, goal: int, skip: int) -> tuple[int, list[int]] | None:
        """Cheapest path start → goal avoiding arc ``skip``, an arc used forward if it can go up and
        backward if it can go down; a hidden arc costs nothing."""
        best = {start: 0}
        via: dict[int, int] = {}
        queue = [(0, start)]
        while queue:
            cost, node = heapq.heappop(queue)
            if node == goal:
                path = []
                while node != start:
                    path.append(via[node])
                    arc = arcs[via[node]]
                    node = arc.tail if arc.head == node else arc.head
                return cost, path
            if cost > best[node]:
                continue
            for index in incident[node]:
                arc = arcs[index]
                up, down = moves(index)
                if index == skip or not (up if arc.tail == node else down):
                    continue
                step = 0 if reasons[index] else arc.value + arc.level * penalty
                neighbour = arc.head if arc.tail == node else arc.tail
                if cost + step < best.get(neighbour, math.inf):
                    best[neighbour] = cost + step
                    via[neighbour] = index
                    heapq.heappush(queue, (cost + step, neighbour))
        return None

    for index, arc in enumerate(arcs):
        if reasons[index] != SMALL:
            continue
        up, down = moves(index)
        # Going up, the cycle returns from head to tail; going down, from tail to head.
        options = [
            found
            for wanted, start, goal in ((up, arc.head, arc.tail), (down, arc.tail, arc.head))
            if wanted and (found := cheapest_path(start, goal, index))
        ]
        if not options:
            raise Unpublishable("No way of hiding numbers protects every small count of this table.")
        for other in min(options, key=lambda option: option[0])[1]:
            reasons[other] = reasons[other] or PROTECT
    return [_publish(arc.value, reason, threshold) for arc, reason in zip(arcs, reasons, strict=True)]


def _publish(value: int, reason: str, threshold: int) -> Cell:
    shown = {SMALL: f"<{threshold}", PROTECT: PROTECT_MARKER}.get(reason, str(value))
    return Cell(value, shown, reason)
