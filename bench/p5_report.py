"""P5: the board report of one steunpunt, in a database holding 1,000,000 cases over 150 steunpunten.

    .venv/bin/python bench/p5_report.py [--quick] [--no-prepare] [--runs 15] [--steunpunt noord]

The report is what ``reports.build.build_report(support_point, period)`` returns (the view renders
it): the last twelve whole months beside the twelve before, for Noord, the largest steunpunt
(≈ 3.5% of all cases). Measured in-process, each database in a fresh child process:

1. the app's ``build_report`` against the bare aggregate SQL it runs: the statements captured
   from that same call (``CaptureQueriesContext``), re-run exactly as sent with psycopg's own
   cursor; medians of interleaved runs (target ≤ 2×). Also: how many statements, how many of
   them read ``support_case`` (a pass over the steunpunt's cases each: target "one pass"), and how
   many rows come back to Python (target: no per-row Python, so a count that does not grow with
   the cases);
2. peak memory: a fresh process builds the report once; its peak RSS (``VmHWM``), the growth of
   RSS during the report, and the peak of Python's own allocations (``tracemalloc``, a second
   build), with 1,000,000 cases vs 100,000 (--quick: 100,000 vs 10,000). Target: flat, ≤ 200 MB.

The plans of every statement (EXPLAIN ANALYZE, BUFFERS) go to ``bench/var/p5-explain.txt``.
"""

import argparse
import datetime
import gc
import json
import re
import resource
import sys
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import cases_common
import common
import generate_cases
import inprocess

TARGET_MB = 200


def _period():
    """The last twelve whole months (the report adds the twelve before)."""
    from django.utils import timezone

    from steunpunt.reports.periods import Period

    today = timezone.localdate()
    end = today.replace(day=1)
    return Period(end.replace(year=end.year - 1), end)


def _support_point(slug):
    from steunpunt.tenants.models import SupportPoint

    return SupportPoint.objects.get(slug=slug)


class RowCounter:
    """Rows each statement hands back to Python (``cursor.rowcount`` after execute)."""

    def __init__(self):
        self.rows = []

    def __call__(self, execute, sql, params, many, context):
        result = execute(sql, params, many, context)
        rowcount = context["cursor"].cursor.rowcount
        self.rows.append(max(rowcount, 0))
        return result


def _timed(function, *args):
    started = time.perf_counter()
    function(*args)
    return time.perf_counter() - started


def measure(slug, runs):
    """The app's report vs the bare SQL it runs (child process; returns a dict for JSON)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from steunpunt.reports.build import build_report

    support_point, period = _support_point(slug), _period()
    build_report(support_point, period)  # a first build: imports, translations, the connection
    log, counter = inprocess.QueryLog(), RowCounter()
    with (
        CaptureQueriesContext(connection) as captured,
        connection.execute_wrapper(log),
        connection.execute_wrapper(counter),
    ):
        report = build_report(support_point, period)
    statements = [query["sql"] for query in captured.captured_queries]
    raw_cursor = connection.connection.cursor()  # psycopg's own cursor: no Django in between

    def app():
        build_report(support_point, period)

    def bare():
        for sql in statements:
            raw_cursor.execute(sql)
            raw_cursor.fetchall()

    def bare_one(index):
        raw_cursor.execute(statements[index])
        raw_cursor.fetchall()

    for _ in range(2):  # warm both, so neither pays for a cold cache alone
        app()
        bare()
    app_times, bare_times = [], []
    per_statement = [[] for _ in statements]
    for run in range(runs):
        pair = [("app", app), ("bare", bare)]
        for name, function in pair if run % 2 == 0 else reversed(pair):
            (app_times if name == "app" else bare_times).append(_timed(function))
        if run < 5:
            for index in range(len(statements)):
                per_statement[index].append(_timed(bare_one, index))
    differences = one_pass_check(support_point, period, raw_cursor)
    one_pass_times = []
    for _ in range(2):
        one_pass(raw_cursor, support_point, period)
    for _ in range(max(3, runs // 3)):
        one_pass_times.append(_timed(one_pass, raw_cursor, support_point, period))
    explains = []
    for sql in statements:
        raw_cursor.execute("EXPLAIN (ANALYZE, BUFFERS) " + sql)
        explains.append("\n".join(row[0] for row in raw_cursor.fetchall()))
    start, end = period.bounds()
    cases_in_period = support_point.cases.filter(created_at__gte=start, created_at__lt=end).count()
    return {
        "steunpunt": support_point.name,
        "period": f"{period.start} – {period.end - datetime.timedelta(days=1)}",
        "previous": f"{period.previous().start} – {period.start - datetime.timedelta(days=1)}",
        "cases_in_period": cases_in_period,
        "report_total": report.headline[0].current.value,
        "cases_in_database": cases_common.scalar("SELECT count(*) FROM support_case"),
        "statements": statements,
        "origins": [{"table": inprocess._table(q["sql"]), "origin": q["origin"]} for q in log.queries],
        "rows": counter.rows,
        "app_median_s": common.median(app_times),
        "bare_median_s": common.median(bare_times),
        "statement_medians_s": [common.median(times) for times in per_statement],
        "explain": explains,
        "one_pass_median_s": common.median(one_pass_times),
        "one_pass_differences": differences,
    }


# A reference for "one pass" (hand-written, PostgreSQL; not the app's code): the case figures of both
# periods from one statement that reads the steunpunt's cases once (a materialised CTE), with the
# grouped counts as GROUPING SETS, the percentiles as percentile_disc, and the themes, support,
# referrals and minutes joined to those cases.
SINGLE_SCAN_SQL = """
WITH c AS MATERIALIZED (
    SELECT id, requester_kind, age_group, school_type, channel, urgent, outcome,
        first_contact_at - created_at AS to_first, closed_at - created_at AS to_close,
        first_contact_at IS NOT NULL AS contacted,
        CASE WHEN created_at >= %(p0)s AND created_at < %(p1)s THEN 0
             WHEN created_at >= %(p1)s AND created_at < %(p2)s THEN 1 END AS came,
        CASE WHEN closed_at >= %(p0)s AND closed_at < %(p1)s THEN 0
             WHEN closed_at >= %(p1)s AND closed_at < %(p2)s THEN 1 END AS shut
    FROM support_case
    WHERE support_point_id = %(sp)s
      AND ((created_at >= %(p0)s AND created_at < %(p2)s) OR (closed_at >= %(p0)s AND closed_at < %(p2)s))
)
SELECT 'came', came, requester_kind, age_group, school_type, channel, count(*),
    count(*) FILTER (WHERE urgent), count(*) FILTER (WHERE contacted),
    percentile_disc(0.5) WITHIN GROUP (ORDER BY to_first) FILTER (WHERE contacted),
    percentile_disc(0.9) WITHIN GROUP (ORDER BY to_first) FILTER (WHERE contacted)
FROM c WHERE came IS NOT NULL
GROUP BY GROUPING SETS ((came, requester_kind), (came, age_group), (came, school_type), (came, channel),
                        (came))
UNION ALL
SELECT 'shut', shut, outcome, NULL, NULL, NULL, count(*), NULL, NULL,
    percentile_disc(0.5) WITHIN GROUP (ORDER BY to_close),
    percentile_disc(0.9) WITHIN GROUP (ORDER BY to_close)
FROM c WHERE shut IS NOT NULL GROUP BY GROUPING SETS ((shut, outcome), (shut))
UNION ALL
SELECT 'themes', c.came, t.name, NULL, NULL, NULL, count(*), NULL, NULL, NULL, NULL
FROM c JOIN support_case_themes ct ON ct.case_id = c.id JOIN information_theme t ON t.id = ct.theme_id
WHERE c.came IS NOT NULL GROUP BY 2, 3
UNION ALL
SELECT 'support', c.came, s.kind, NULL, NULL, NULL, count(*), NULL, NULL, NULL, NULL
FROM c JOIN support_casesupport s ON s.case_id = c.id WHERE c.came IS NOT NULL GROUP BY 2, 3
UNION ALL
SELECT 'referrals', c.came, o.name, NULL, NULL, NULL, count(*), NULL, NULL, NULL, NULL
FROM c JOIN support_referral r ON r.case_id = c.id JOIN socialmap_organisation o ON o.id = r.organisation_id
WHERE c.came IS NOT NULL GROUP BY 2, 3
UNION ALL
SELECT 'minutes', c.came, NULL, NULL, NULL, NULL, sum(m.minutes), NULL, NULL, NULL, NULL
FROM c CROSS JOIN LATERAL (SELECT sum(minutes) AS minutes FROM support_contact WHERE case_id = c.id) AS m
WHERE c.came IS NOT NULL GROUP BY 2
"""


def one_pass(cursor, support_point, period):
    """The case figures of the period before ``period`` and of ``period``, from SINGLE_SCAN_SQL."""
    previous = period.previous()
    (p0, _p1), (p1, p2) = previous.bounds(), period.bounds()
    cursor.execute(SINGLE_SCAN_SQL, {"p0": p0, "p1": p1, "p2": p2, "sp": support_point.pk})
    figures = [
        {
            key: {}
            for key in (
                "requester_kind",
                "age_group",
                "school_type",
                "channel",
                "themes",
                "support",
                "referrals",
            )
        }
        | {"outcomes": {}, "total": 0, "closed": 0, "urgent": 0, "minutes": 0}
        for _ in range(2)
    ]
    for part, index, a, b, c, d, n, urgent, contacted, median, p90 in cursor.fetchall():
        out = figures[index]
        if part == "came":
            for key, value in zip(
                ("requester_kind", "age_group", "school_type", "channel"), (a, b, c, d), strict=True
            ):
                if value is not None:
                    out[key][value] = n
            if (a, b, c, d) == (None, None, None, None):
                out |= {
                    "total": n,
                    "urgent": urgent,
                    "first_contact": {"median": median, "p90": p90, "n": contacted},
                }
        elif part == "shut":
            if a is None:
                out |= {"closed": n, "closing": {"median": median, "p90": p90, "n": n}}
            elif a:
                out["outcomes"][a] = n
        elif part == "minutes":
            out["minutes"] = n or 0
        else:
            out[part][a] = n
    return figures


def _comparable(figures, choices):
    """Raw figures from one_pass in the shape case_figures() returns them (labels for the choices)."""
    out = dict(figures)
    for key, options in choices.items():
        out[key] = {str(label): figures[key].get(value, 0) for value, label in options}
    return out


def one_pass_check(support_point, period, raw_cursor):
    """Where SINGLE_SCAN_SQL differs from the app's figures (counts and nearest-rank percentiles)."""
    from steunpunt.reports import aggregates
    from steunpunt.support.models import (
        AgeGroup,
        CaseSchoolType,
        Channel,
        Outcome,
        RequesterKind,
        SupportKind,
    )

    choices = {
        "requester_kind": RequesterKind.choices,
        "age_group": AgeGroup.choices,
        "school_type": CaseSchoolType.choices,
        "channel": Channel.choices,
        "support": SupportKind.choices,
        "outcomes": Outcome.choices,
    }
    keys = ["total", "closed", "urgent", "minutes", "themes", "referrals", "first_contact", "closing"]
    keys += list(choices)
    mine = one_pass(raw_cursor, support_point, period)
    differences = []
    for figures, which in zip(mine, (period.previous(), period), strict=True):
        app = aggregates.case_figures(support_point, which)
        theirs = _comparable(figures, choices)
        differences += [f"{which.start} {key}" for key in keys if app[key] != theirs[key]]
    return differences


def _rss_kb(field):
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith(field + ":"):
                return int(line.split()[1])
    raise RuntimeError(field)


def memory(slug):
    """Peak memory of one report in this fresh process (child process; returns a dict for JSON)."""
    from django.db import connection

    from steunpunt.reports.build import build_report

    support_point, period = _support_point(slug), _period()
    # Everything the report needs before it runs: app code imported, translations, the connection.
    import steunpunt.reports.aggregates  # noqa: F401

    connection.ensure_connection()
    gc.collect()
    rss_before, hwm_before = _rss_kb("VmRSS"), _rss_kb("VmHWM")
    report = build_report(support_point, period)
    hwm_after = _rss_kb("VmHWM")
    maxrss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    del report
    gc.collect()
    tracemalloc.start()
    build_report(support_point, period)
    _current, traced_peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return {
        "cases_in_database": cases_common.scalar("SELECT count(*) FROM support_case"),
        "rss_before_kb": rss_before,
        "hwm_before_kb": hwm_before,
        "hwm_after_kb": hwm_after,
        "maxrss_kb": maxrss,
        "growth_kb": hwm_after - rss_before,
        "traced_peak_b": traced_peak,
    }


# --- the benchmark (parent process) ------------------------------------------------------------


def _mb(kb):
    return f"{kb / 1024:.1f} MB"


def report_rows(result, small):
    """Rows for the app vs the bare SQL (``result``), with the statements and rows of ``small`` beside."""
    statements, rows = result["statements"], result["rows"]
    # "support_case" quoted (the ORM) or bare (the app's one-pass SQL), not support_case_themes.
    case_reads = [index for index, sql in enumerate(statements) if re.search(r"\bsupport_case\b", sql)]
    common.note(
        f"{result['steunpunt']}: {result['cases_in_period']:,} cases in {result['period']} "
        f"(report total {result['report_total']:,}), beside {result['previous']}; "
        f"{result['cases_in_database']:,} cases in the database"
    )
    print("\n  The statements of one build_report (bare re-run, median of 5; rows returned):")
    for index, (query, seconds) in enumerate(
        zip(result["origins"], result["statement_medians_s"], strict=True)
    ):
        scan = "case" if index in case_reads else "    "
        print(
            f"  {index + 1:>3}. {scan} {common.ms(seconds):>10} {rows[index]:>5} rows  "
            f"{query['table']:<30} {query['origin']}"
        )
    plans = common.VAR / "p5-explain.txt"
    common.VAR.mkdir(parents=True, exist_ok=True)
    plans.write_text(
        "\n\n".join(f"{sql}\n\n{plan}" for sql, plan in zip(statements, result["explain"], strict=True))
    )
    print(f"\n  EXPLAIN (ANALYZE, BUFFERS) of each statement: {plans.relative_to(common.REPO)}")
    ratio = result["app_median_s"] / result["bare_median_s"]
    case_time = sum(result["statement_medians_s"][index] for index in case_reads)
    same = result["one_pass_differences"]
    common.note(
        "one pass (SINGLE_SCAN_SQL in p5_report.py, PostgreSQL only): the figures of case_figures()"
        if not same
        else f"one pass (SINGLE_SCAN_SQL): DIFFERENT from the app's case_figures() in {', '.join(same)}"
    )
    small_rows = sum(small["rows"])
    return [
        common.Row(
            f"board report {result['steunpunt']}, 12 + 12 months (in-process)",
            common.ms(result["app_median_s"]),
            f"bare SQL {common.ms(result['bare_median_s'])} ({len(statements)} statements)",
            f"{ratio:.2f}×",
            "≤ 2× bare SQL",
            ratio <= 2,
        ),
        common.Row(
            f"  the same, {small['cases_in_database']:,} cases in the database (info)",
            common.ms(small["app_median_s"]),
            f"bare SQL {common.ms(small['bare_median_s'])}",
            f"{small['app_median_s'] / small['bare_median_s']:.2f}×",
            "",
            None,
        ),
        common.Row(
            "statements that read support_case",
            f"{len(case_reads)} of {len(statements)}",
            f"{small['cases_in_database']:,} cases: {len(small['statements'])} statements",
            "",
            "one pass",
            len(case_reads) <= 2,
        ),
        common.Row(
            f"  the app's {len(case_reads)} statement(s) on the cases (info)",
            common.ms(case_time),
            f"hand-written SINGLE_SCAN_SQL {common.ms(result['one_pass_median_s'])}",
            f"{case_time / result['one_pass_median_s']:.2f}×",
            "",
            None,
        ),
        common.Row(
            f"rows returned to Python ({result['cases_in_period']:,} cases in the period)",
            f"{sum(rows):,}",
            f"{small['cases_in_period']:,} cases in the period: {small_rows:,}",
            f"{sum(rows) / max(1, small_rows):.2f}",
            "no per-row Python",
            sum(rows) <= 1.5 * small_rows,
        ),
    ]


def memory_rows(big_url, small_url, slug):
    """Peak memory of the report, many vs fewer cases, each in a fresh process (alternating, twice)."""
    small, big = [], []
    for _round in range(2):
        for url, results in ((small_url, small), (big_url, big)):
            result = cases_common.run_child(__file__, "memory", url, "--steunpunt", slug)
            results.append(result)
            common.note(
                f"{result['cases_in_database']:>9,} cases: RSS {_mb(result['rss_before_kb'])} before the "
                "report, "
                f"peak {_mb(result['hwm_after_kb'])} (ru_maxrss {_mb(result['maxrss_kb'])}), "
                f"growth {_mb(result['growth_kb'])}; Python allocations peak "
                f"{result['traced_peak_b'] / 2**20:.2f} MB"
            )
    big_cases, small_cases = big[0]["cases_in_database"], small[0]["cases_in_database"]
    big_peak = max(r["hwm_after_kb"] for r in big)
    small_peak = max(r["hwm_after_kb"] for r in small)
    big_growth = common.median([r["growth_kb"] for r in big])
    small_growth = common.median([r["growth_kb"] for r in small])
    big_traced = common.median([r["traced_peak_b"] for r in big])
    small_traced = common.median([r["traced_peak_b"] for r in small])
    return [
        common.Row(
            f"peak RSS of the process, {big_cases:,} cases",
            _mb(big_peak),
            f"{small_cases:,} cases: {_mb(small_peak)}",
            f"{big_peak / small_peak:.2f}",
            f"≤ {TARGET_MB} MB, flat",
            big_peak <= TARGET_MB * 1024 and big_peak / small_peak <= 1.1,
        ),
        common.Row(
            "RSS growth during the report",
            _mb(big_growth),
            f"{small_cases:,} cases: {_mb(small_growth)}",
            f"{big_growth / max(small_growth, 1):.2f}" if small_growth > 1024 else "",
            "flat",
            big_growth <= max(small_growth * 1.5, 4096),
        ),
        common.Row(
            "Python allocations peak (tracemalloc)",
            f"{big_traced / 2**20:.2f} MB",
            f"{small_cases:,} cases: {small_traced / 2**20:.2f} MB",
            f"{big_traced / small_traced:.2f}",
            "flat",
            big_traced / small_traced <= 1.5,
        ),
    ]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("command", nargs="?", choices=["measure", "memory"], help=argparse.SUPPRESS)
    parser.add_argument("--database-url", help=argparse.SUPPRESS)
    parser.add_argument("--quick", action="store_true", help="100,000 cases (and 10,000 for memory)")
    parser.add_argument("--no-prepare", action="store_true", help="use the case databases as they are")
    parser.add_argument("--runs", type=int, default=15, help="interleaved app/bare runs")
    parser.add_argument("--steunpunt", default="noord", help="slug of the steunpunt (default: the largest)")
    args = parser.parse_args()
    if args.command:
        common.setup_django(args.database_url)
        result = measure(args.steunpunt, args.runs) if args.command == "measure" else memory(args.steunpunt)
        print(json.dumps(result, default=str))
        return
    big = cases_common.big_cases(args.quick)
    small = cases_common.SMALL_CASES if args.quick else cases_common.MEDIUM_CASES
    big_url, small_url = cases_common.cases_url(big), cases_common.cases_url(small)
    if not args.no_prepare:
        generate_cases.ensure_cases_database(big_url, big, collectstatic=False)
        generate_cases.ensure_cases_database(small_url, small, collectstatic=False)
    cases = cases_common.case_count(big_url)
    common.banner(f"P5 board report ({cases:,} cases in the database)")
    options = ("--steunpunt", args.steunpunt, "--runs")
    quiet, result = cases_common.quietly(
        lambda: cases_common.run_child(__file__, "measure", big_url, *options, str(args.runs))
    )
    _quiet, small_result = cases_common.quietly(
        lambda: cases_common.run_child(__file__, "measure", small_url, *options, str(max(3, args.runs // 3)))
    )
    rows = report_rows(result, small_result)
    rows += memory_rows(big_url, small_url, args.steunpunt)
    common.table(
        f"P5 — board report of one steunpunt, {cases:,} cases over {cases_common.STEUNPUNTEN} steunpunten; "
        f"in-process, medians of {args.runs} interleaved runs"
        + ("" if quiet else "  [machine was busy: unreliable]"),
        rows,
    )


if __name__ == "__main__":
    main()
