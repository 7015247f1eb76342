"""Small-cell suppression: examples, and properties over random case distributions.

The key property, that no hidden number can be computed, is checked from what a reader sees: the
shown strings only. For every hidden number the checker here (independent of the module: a feasible
flow with lower bounds, by Edmonds–Karp) finds a second complete table that differs in that number
and agrees with everything shown; each such table is then verified by plain addition.
"""

from collections import deque
from dataclasses import replace
from fractions import Fraction
from math import floor

import pytest
from django.utils import translation
from hypothesis import given, settings
from hypothesis import strategies as st

from steunpunt.core.tests.properties import examples
from steunpunt.reports.suppression import (
    DEFAULT_THRESHOLD,
    MIN_DENOMINATOR,
    PROTECT,
    PROTECT_MARKER,
    SMALL,
    Cell,
    Table1D,
    Table2D,
    Unpublishable,
    legend,
    percentage,
    suppress_1d,
    suppress_2d,
    validate_threshold,
)

PROPERTIES = settings(max_examples=examples(300), deadline=None, database=None)


def shown_table(table: Table1D | Table2D) -> list[list[str]]:
    """The table as printed, totals last, for readable examples."""
    if isinstance(table, Table1D):
        return [[c.shown for c in table.cells.values()] + [table.total.shown]]
    lines = [
        [table.cells[r, c].shown for c in table.columns] + [table.row_totals[r].shown] for r in table.rows
    ]
    return [*lines, [table.column_totals[c].shown for c in table.columns] + [table.total.shown]]


# Examples


def test_one_small_category_takes_a_second_one_with_it():
    table = suppress_1d({"passend onderwijs": 12, "pesten": 3, "vervoer": 7, "thuiszitten": 9})
    assert shown_table(table) == [["12", "<5", "×", "9", "31"]]
    assert table.cells["pesten"].reason == SMALL
    assert table.cells["vervoer"].reason == PROTECT
    assert table.total.shown == "31" and not table.total.hidden


def test_zero_is_small_and_two_small_cells_protect_each_other():
    table = suppress_1d({"a": 0, "b": 2, "c": 20})
    assert shown_table(table) == [["<5", "<5", "20", "22"]]


def test_two_small_cells_that_must_both_be_the_maximum_take_a_third_with_them():
    # 4 + 4 = 8 = 20 - 12: shown as "<5", "<5" they could only be 4 and 4.
    table = suppress_1d({"a": 4, "b": 4, "c": 12})
    assert shown_table(table) == [["<5", "<5", "×", "20"]]


def test_a_total_below_the_threshold_is_hidden_too():
    table = suppress_1d({"a": 1, "b": 2})
    assert shown_table(table) == [["<5", "<5", "<5"]]
    assert table.total.reason == SMALL


def test_two_by_two_with_one_small_cell_hides_the_rectangle():
    counts = {("po", "telefoon"): 2, ("po", "mail"): 10, ("vo", "telefoon"): 8, ("vo", "mail"): 9}
    table = suppress_2d(counts, ["po", "vo"], ["telefoon", "mail"])
    assert shown_table(table) == [["<5", "×", "12"], ["×", "×", "17"], ["10", "19", "29"]]


def test_a_table_of_one_row_keeps_its_total():
    # The row total is the grand total: 33 = "<5" + "×" twice over, with room to move.
    table = suppress_2d({("po", "telefoon"): 3, ("po", "mail"): 30}, ["po"], ["telefoon", "mail"])
    assert shown_table(table) == [["<5", "×", "33"], ["<5", "×", "33"]]


def test_a_total_is_hidden_when_only_a_total_can_protect():
    # One column: each row total is its cell, so hiding 30 means hiding its row total as well.
    table = suppress_2d({("po", "telefoon"): 3, ("vo", "telefoon"): 30}, ["po", "vo"], ["telefoon"])
    assert shown_table(table) == [["<5", "<5"], ["×", "×"], ["33", "33"]]
    assert table.row_totals["vo"].reason == PROTECT


@pytest.mark.parametrize(
    ("threshold", "expected"),
    [
        (3, [["<3", "×", "4", "6", "9", "24"]]),
        (7, [["<7", "<7", "<7", "<7", "9", "24"]]),
    ],
)
def test_the_threshold_is_configurable(threshold, expected):
    table = suppress_1d({"a": 2, "b": 3, "c": 4, "d": 6, "e": 9}, threshold)
    assert shown_table(table) == expected
    assert table.threshold == threshold


def test_the_default_threshold_is_five():
    assert DEFAULT_THRESHOLD == 5
    assert suppress_1d({"a": 4, "b": 5}).cells["a"].shown == "<5"


@pytest.mark.parametrize("threshold", [2, 1, 0, -5])
def test_a_threshold_below_three_is_refused(threshold):
    with pytest.raises(ValueError, match="at least 3"):
        validate_threshold(threshold)
    with pytest.raises(ValueError, match="at least 3"):
        suppress_1d({"a": 10}, threshold)


@pytest.mark.parametrize("threshold", [2.5, "5", True, None])
def test_a_threshold_must_be_an_integer(threshold):
    with pytest.raises(TypeError):
        validate_threshold(threshold)


@pytest.mark.parametrize("counts", [{}, {"a": -1}, {"a": 1.0}])
def test_bad_counts_are_refused(counts):
    with pytest.raises(ValueError):
        suppress_1d(counts)


def test_a_2d_table_needs_known_unique_rows_and_columns():
    with pytest.raises(ValueError):
        suppress_2d({("x", "c"): 5}, ["r"], ["c"])
    with pytest.raises(ValueError):
        suppress_2d({}, ["r", "r"], ["c"])
    with pytest.raises(ValueError):
        suppress_2d({}, [], ["c"])


def test_percentages_only_of_shown_parts_of_large_enough_wholes():
    table = suppress_1d({"a": 2, "b": 6, "c": 13, "d": 19})  # total 40
    assert MIN_DENOMINATOR == 20
    assert percentage(table.cells["d"], table.total) == "48%"  # 47.5 rounds up
    assert percentage(table.cells["c"], table.total) == "33%"  # 32.5 rounds up
    assert percentage(table.cells["a"], table.total) is None  # small
    assert percentage(table.cells["b"], table.total) is None  # protecting
    assert percentage(table.cells["d"], table.total, min_denominator=41) is None
    assert percentage(table.cells["d"], table.total, min_denominator=40) == "48%"


def test_no_percentage_of_a_small_or_hidden_whole():
    small_whole = suppress_1d({"a": 6, "b": 9})  # total 15 < 20
    assert percentage(small_whole.cells["a"], small_whole.total) is None
    assert percentage(Cell(6, "6"), Cell(30, PROTECT_MARKER, PROTECT)) is None


def test_cells_render_as_their_shown_text():
    table = suppress_1d({"a": 1, "b": 9, "c": 5})  # the smaller one protects
    assert [str(c) for c in table.cells.values()] == ["<5", "9", "×"]


def test_legend_explains_both_markers():
    with translation.override("en"):
        assert legend(7) == [
            "<7 fewer than 7, the exact number is not shown",
            "× hidden so that a small number cannot be worked out",
        ]


# The reader's view and an independent checker


def layout(table: Table1D | Table2D):
    """Every published number as (cell, tail, head) in a flow network, its node count, and the
    sums the table promises as (part indices, whole index)."""
    if isinstance(table, Table1D):
        parts = list(table.cells.values())
        items = [(cell, 0, 1) for cell in parts] + [(table.total, 1, 0)]
        return items, 2, [(list(range(len(parts))), len(parts))]
    rows, columns = table.rows, table.columns
    row_node = {r: 2 + i for i, r in enumerate(rows)}
    column_node = {c: 2 + len(rows) + j for j, c in enumerate(columns)}
    items = [(table.cells[r, c], row_node[r], column_node[c]) for r in rows for c in columns]
    items += [(table.row_totals[r], 0, row_node[r]) for r in rows]
    items += [(table.column_totals[c], column_node[c], 1) for c in columns]
    items.append((table.total, 1, 0))
    cell_at = {(r, c): i * len(columns) + j for i, r in enumerate(rows) for j, c in enumerate(columns)}
    row_total = {r: len(cell_at) + i for i, r in enumerate(rows)}
    column_total = {c: len(cell_at) + len(rows) + j for j, c in enumerate(columns)}
    sums = [([cell_at[r, c] for c in columns], row_total[r]) for r in rows]
    sums += [([cell_at[r, c] for r in rows], column_total[c]) for c in columns]
    sums += [(list(row_total.values()), len(items) - 1), (list(column_total.values()), len(items) - 1)]
    return items, 2 + len(rows) + len(columns), sums


def reader_bounds(shown: str, threshold: int) -> tuple[int, int | None]:
    """What a reader knows of a number from its text alone (None: no upper bound)."""
    if shown == f"<{threshold}":
        return 0, threshold - 1
    if shown == PROTECT_MARKER:
        return threshold, None
    return int(shown), int(shown)


def agrees_with_what_is_shown(table, values: list[int]) -> bool:
    items, _, sums = layout(table)
    for (cell, _, _), value in zip(items, values, strict=True):
        low, high = reader_bounds(cell.shown, table.threshold)
        if value < low or (high is not None and value > high):
            return False
    return all(sum(values[i] for i in parts) == values[whole] for parts, whole in sums)


def feasible_flow(node_count: int, arcs: list[tuple[int, int, int, int]]) -> list[int] | None:
    """A circulation with low ≤ flow ≤ high on every (tail, head, low, high) arc, or None.

    The textbook reduction: send the lower bounds first, then let a maximum flow (Edmonds–Karp) from
    a super source to a super sink repair the imbalance they leave at every node."""
    source, sink = node_count, node_count + 1
    head, capacity, edges_of = [], [], [[] for _ in range(node_count + 2)]

    def add(u, v, cap):
        edges_of[u].append(len(head))
        head.append(v)
        capacity.append(cap)
        edges_of[v].append(len(head))
        head.append(u)
        capacity.append(0)
        return len(head) - 2

    excess = [0] * node_count
    arc_edges = []
    for tail, to, low, high in arcs:
        arc_edges.append(add(tail, to, high - low))
        excess[to] += low
        excess[tail] -= low
    demand = 0
    for node, amount in enumerate(excess):
        if amount > 0:
            add(source, node, amount)
            demand += amount
        elif amount < 0:
            add(node, sink, -amount)
    flow = 0
    while True:
        came_by = {source: None}
        queue = deque([source])
        while queue and sink not in came_by:
            u = queue.popleft()
            for e in edges_of[u]:
                if capacity[e] > 0 and head[e] not in came_by:
                    came_by[head[e]] = e
                    queue.append(head[e])
        if sink not in came_by:
            break
        path, node = [], sink
        while node != source:
            path.append(came_by[node])
            node = head[came_by[node] ^ 1]
        push = min(capacity[e] for e in path)
        for e in path:
            capacity[e] -= push
            capacity[e ^ 1] += push
        flow += push
    if flow < demand:
        return None
    return [low + capacity[e ^ 1] for (_, _, low, _), e in zip(arcs, arc_edges, strict=True)]


def computable_numbers(table) -> list[Cell]:
    """The hidden numbers for which no second value agrees with what is shown (should be none)."""
    items, node_count, _ = layout(table)
    truth = [cell.value for cell, _, _ in items]
    unbounded = 1 + 2 * sum(truth)  # for "no upper bound": room for any table one step from the true one
    arcs = []
    for cell, tail, head in items:
        low, high = reader_bounds(cell.shown, table.threshold)
        arcs.append((tail, head, low, unbounded if high is None else high))
    unproven = {i for i, (cell, _, _) in enumerate(items) if cell.hidden}
    for i in sorted(unproven):
        if i not in unproven:
            continue
        tail, head, low, high = arcs[i]
        for other_bounds in ((truth[i] + 1, high), (low, truth[i] - 1)):
            if other_bounds[0] > other_bounds[1]:
                continue
            other = feasible_flow(node_count, [*arcs[:i], (tail, head, *other_bounds), *arcs[i + 1 :]])
            if other is not None:
                assert agrees_with_what_is_shown(table, other)
                unproven -= {j for j, value in enumerate(other) if value != truth[j]}
                break
    return [items[i][0] for i in sorted(unproven)]


def naive(table: Table1D | Table2D, hidden: set) -> Table1D | Table2D:
    """The same counts with exactly the cells in ``hidden`` hidden and every total shown: a table that
    leaks, to show that the checker catches it."""
    threshold = table.threshold

    def publish(cell: Cell, hide: bool) -> Cell:
        if not hide:
            return Cell(cell.value, str(cell.value))
        if cell.value < threshold:
            return Cell(cell.value, f"<{threshold}", SMALL)
        return Cell(cell.value, PROTECT_MARKER, PROTECT)

    cells = {key: publish(cell, key in hidden) for key, cell in table.cells.items()}
    total = publish(table.total, False)
    if isinstance(table, Table1D):
        return replace(table, cells=cells, total=total)
    row_totals = {key: publish(cell, False) for key, cell in table.row_totals.items()}
    column_totals = {key: publish(cell, False) for key, cell in table.column_totals.items()}
    return replace(table, cells=cells, row_totals=row_totals, column_totals=column_totals, total=total)


def test_the_checker_catches_a_lone_small_number():
    table = suppress_1d({"a": 12, "b": 3, "c": 7, "d": 20})
    assert computable_numbers(table) == []
    leaking = naive(table, {"b"})  # 12, "<5", 7, 20 and 42: b is 42 - 39
    assert computable_numbers(leaking) == [leaking.cells["b"]]


@pytest.mark.parametrize("small", [4, 0])
def test_the_checker_catches_small_numbers_pinned_by_their_sum(small):
    table = suppress_1d({"a": small, "b": small, "c": 12})
    assert computable_numbers(table) == []
    # "<5", "<5", 12 and 20: both are 4; "<5", "<5", 12 and 12: both are 0.
    leaking = naive(table, {"a", "b"})
    assert computable_numbers(leaking) == [leaking.cells["a"], leaking.cells["b"]]


def test_the_checker_catches_a_number_pinned_across_rows_and_columns():
    grid = {("r1", "c1"): 2, ("r1", "c2"): 5, ("r2", "c1"): 6, ("r2", "c2"): 5}
    table = suppress_2d(grid, ["r1", "r2"], ["c1", "c2"])
    assert computable_numbers(table) == []
    # Every row and column has two hidden numbers, and yet: column c2 is 10 = "×" + "×", so both
    # are 5 (a "×" is at least 5); then row r1 gives 7 - 5 = 2 for the "<5".
    leaking = naive(table, set(grid))
    assert shown_table(leaking) == [["<5", "×", "7"], ["×", "×", "11"], ["8", "10", "18"]]
    assert computable_numbers(leaking) == list(leaking.cells.values())


def test_a_table_that_no_suppression_can_protect_is_withheld():
    grid = [[1, 1], [2, 2]]
    with pytest.raises(Unpublishable):
        make_2d(3, grid)
    assert computable_numbers(fully_hidden(3, grid)) != []  # and hiding everything would not do


# Properties


@st.composite
def distributions(draw, max_rows=12, max_columns=6):
    """A threshold 3..10 and a rows × columns table of counts: mostly large, mixed or mostly small."""
    threshold = draw(st.integers(3, 10))
    rows = draw(st.integers(1, max_rows))
    columns = draw(st.integers(1, max_columns))
    small = st.one_of(st.just(0), st.integers(0, threshold - 1))
    large = st.one_of(st.just(threshold), st.integers(threshold, 2 * threshold), st.integers(threshold, 60))
    count = draw(
        st.sampled_from(
            [
                st.one_of(large, large, large, small),
                st.one_of(small, large),
                st.one_of(small, small, small, large),
            ]
        )
    )
    grid = draw(st.lists(st.lists(count, min_size=columns, max_size=columns), min_size=rows, max_size=rows))
    return threshold, grid


def make_2d(threshold, grid) -> Table2D:
    rows = [f"row {i}" for i in range(len(grid))]
    columns = [f"column {j}" for j in range(len(grid[0]))]
    counts = {(r, c): grid[i][j] for i, r in enumerate(rows) for j, c in enumerate(columns)}
    return suppress_2d(counts, rows, columns, threshold)


def make_1d(threshold, grid) -> Table1D:
    return suppress_1d({f"category {i}": line[0] for i, line in enumerate(grid)}, threshold)


def fully_hidden(threshold, grid) -> Table2D:
    """The counts with every number hidden, cells and totals: the most any suppression can hide."""

    def hidden(value):
        if value < threshold:
            return Cell(value, f"<{threshold}", SMALL)
        return Cell(value, PROTECT_MARKER, PROTECT)

    rows = [f"row {i}" for i in range(len(grid))]
    columns = [f"column {j}" for j in range(len(grid[0]))]
    return Table2D(
        threshold,
        tuple(rows),
        tuple(columns),
        {(r, c): hidden(grid[i][j]) for i, r in enumerate(rows) for j, c in enumerate(columns)},
        {r: hidden(sum(grid[i])) for i, r in enumerate(rows)},
        {c: hidden(sum(line[j] for line in grid)) for j, c in enumerate(columns)},
        hidden(sum(map(sum, grid))),
    )


def publish_or_withhold(threshold, grid) -> Table2D | None:
    """The suppressed table, or None when it is withheld: rightly, because even hiding every number
    would leave one computable."""
    try:
        return make_2d(threshold, grid)
    except Unpublishable:
        assert computable_numbers(fully_hidden(threshold, grid)) != []
        return None


def assert_keeps_its_promises(table, counts: list[int]):
    """(a) what is shown is at least the threshold, every smaller count is "<t", a protecting
    number is "×" and never small; (c) the numbers are the true counts and the totals add up."""
    threshold = table.threshold
    items, _, sums = layout(table)
    values = [cell.value for cell, _, _ in items]
    assert values[: len(counts)] == counts
    assert all(sum(values[i] for i in parts) == values[whole] for parts, whole in sums)
    for cell, _, _ in items:
        if cell.value < threshold:
            assert (cell.reason, cell.shown, cell.hidden) == (SMALL, f"<{threshold}", True)
        elif cell.hidden:
            assert (cell.reason, cell.shown) == (PROTECT, PROTECT_MARKER)
        else:
            assert cell.reason == "" and cell.shown == str(cell.value) and int(cell.shown) >= threshold
    assert agrees_with_what_is_shown(table, values)


@PROPERTIES
@given(distributions())
def test_every_2d_table_shows_only_true_numbers_of_at_least_the_threshold(distribution):
    threshold, grid = distribution
    if (table := publish_or_withhold(threshold, grid)) is None:
        return
    assert_keeps_its_promises(table, [count for line in grid for count in line])
    # (d) the same input gives the same table, whatever order the counts come in.
    assert table == make_2d(threshold, grid)
    counts = {(r, c): cell.value for (r, c), cell in reversed(table.cells.items())}
    assert suppress_2d(counts, list(table.rows), list(table.columns), threshold) == table


@PROPERTIES
@given(distributions())
def test_no_hidden_number_of_a_2d_table_can_be_computed(distribution):
    if (table := publish_or_withhold(*distribution)) is not None:
        assert computable_numbers(table) == []


@PROPERTIES
@given(distributions(max_columns=1))
def test_every_1d_table_keeps_its_promises_and_hides_nothing_computable(distribution):
    threshold, grid = distribution
    table = make_1d(threshold, grid)
    assert_keeps_its_promises(table, [line[0] for line in grid])
    assert table == make_1d(threshold, grid)
    assert list(table.cells) == [f"category {i}" for i in range(len(grid))]
    assert computable_numbers(table) == []


@PROPERTIES
@given(distributions(), st.integers(1, 50))
def test_percentages_only_of_shown_parts_of_shown_wholes_above_the_minimum(distribution, min_denominator):
    if (table := publish_or_withhold(*distribution)) is None:
        return
    for (r, _), cell in table.cells.items():
        whole = table.row_totals[r]
        shown = percentage(cell, whole, min_denominator=min_denominator)
        if cell.hidden or whole.hidden or whole.value < min_denominator:
            assert shown is None
        else:
            assert shown == f"{floor(Fraction(100 * cell.value, whole.value) + Fraction(1, 2))}%"
