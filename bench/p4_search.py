"""P4: search on PostgreSQL over 50,000 articles, for a common word.

    .venv/bin/python bench/p4_search.py [--quick] [--no-prepare] [--word school] [--seconds 10] [--rounds 2]

1. In-process: the app's search for the first results page, as the view does it (``normalise``,
   ``find_articles``, the paginator's count and its page of 20) with its result cache off, against
   the bare SQL it runs: the statements captured from that same call (the ranking with its total,
   and the page's articles), re-run with psycopg's own cursor. Medians of interleaved runs; target
   ≤ 2×. Also: the same search from the app's result cache (what a common word costs once it has
   been searched), a 5,000-character query (the app cuts it to 200 characters) and the plans
   (EXPLAIN ANALYZE) of the statements.
2. Under wrk (2 threads, 8 connections, gunicorn with 2 workers): GET /zoeken/?q=<word>;
   target ≥ 160 req/s. Reference in the same run: nginx serving a static 1 KB file.
"""

import argparse

import common
import inprocess
import prepare


def search_rows(db_url, word, runs):
    result = inprocess.run_child("search", db_url, "--word", word, "--runs", str(runs))
    common.note(
        f"'{word}' matches {result['total']:,} of {result['articles']:,} articles; the first page shows "
        f"{result['first_page']}"
    )
    for title, key in (("uncached", "queries_in_app"), ("from the result cache", "queries_cached")):
        print(f"\n  The queries of the app's search (first page, {title}):")
        for number, query in enumerate(result[key], 1):
            print(f"  {number:>3}. {query['table']:<34} {query['origin']}")
    print("\n  The bare statements, re-run alone (median):")
    for sql, seconds in zip(result["statements"], result["statement_medians_s"], strict=True):
        kind = "rank " if "searchposting" in sql.lower() else "page "
        print(f"    {kind} {common.ms(seconds):>10}  {sql[:110]}…")
    plans = common.VAR / f"p4-explain-{word}.txt"
    common.VAR.mkdir(parents=True, exist_ok=True)
    plans.write_text(
        "\n\n".join(
            f"{sql}\n\n{plan}" for sql, plan in zip(result["statements"], result["explain"], strict=True)
        )
    )
    print(f"\n  EXPLAIN (ANALYZE, BUFFERS) of each statement: {plans.relative_to(common.REPO)}")
    for plan in result["explain"]:
        interesting = [
            line.strip()
            for line in plan.splitlines()
            if "Seq Scan" in line or "Filter:" in line or "Execution Time" in line or "Sort Method" in line
        ]
        print("    " + "\n    ".join(interesting[:6]))
    ratio = result["app_median_s"] / result["bare_median_s"]
    return [
        common.Row(
            f"search '{word}', first page, uncached (in-process)",
            common.ms(result["app_median_s"]),
            f"bare SQL {common.ms(result['bare_median_s'])}",
            f"{ratio:.2f}×",
            "≤ 2× bare SQL",
            ratio <= 2,
        ),
        common.Row(
            f"search '{word}', first page, result cached (info)",
            common.ms(result["cached_median_s"]),
            f"bare SQL {common.ms(result['bare_median_s'])}",
            f"{result['cached_median_s'] / result['bare_median_s']:.3f}×",
            "",
            None,
        ),
        common.Row(
            f"query of {result['long_query_chars']:,} chars, capped to 200 (info)",
            common.ms(result["long_query_median_s"]),
            f"'{word}' {common.ms(result['app_median_s'])}",
            f"{result['long_query_median_s'] / result['app_median_s']:.2f}×",
            "",
            None,
        ),
    ]


def wrk_rows(db_url, word, *, seconds, rounds):
    path = f"/zoeken/?q={word}"
    with common.nginx_static() as (nginx_port, static_path), common.gunicorn_app(db_url) as port:
        status, _body = common.http_get(port, path)
        if status != 200:
            raise SystemExit(f"{path} answered {status}")
        common.note(f"GET http://{common.HOST}:{port}{path}; {common.SETTINGS_NOTE}")
        common.wrk(port, path, seconds=3)
        quiet, results = common.interleaved_rounds(
            [
                ("nginx", lambda: common.wrk(nginx_port, static_path, host="127.0.0.1", seconds=seconds)),
                ("app", lambda: common.wrk(port, path, seconds=seconds)),
            ],
            rounds,
        )
    apps, references = results["app"], results["nginx"]
    app_rps = common.median([r.rps for r in apps])
    ref_rps = common.median([r.rps for r in references])
    app_p95 = common.median([r.p95_ms for r in apps])
    ref_p95 = common.median([r.p95_ms for r in references])
    failures = sum(r.errors + r.non_2xx for r in apps)
    return quiet, [
        common.Row(
            f"req/s, /zoeken/?q={word}",
            f"{app_rps:,.1f}",
            f"nginx 1 KB static {ref_rps:,.0f}",
            f"{100 * app_rps / ref_rps:.3f}%",
            "≥ 160 req/s",
            app_rps >= 160,
        ),
        common.Row(
            "p95 latency, 8 connections (info)",
            f"{app_p95:,.0f} ms",
            f"nginx {ref_p95:.2f} ms",
            f"{app_p95 / ref_p95:,.0f}×",
            "",
            None,
        ),
        common.Row("errors and non-2xx (info)", str(failures), "", "", "0", failures == 0),
    ]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--quick", action="store_true", help=f"{common.QUICK_ARTICLES:,} articles instead of 50,000"
    )
    parser.add_argument("--no-prepare", action="store_true", help="use the bench database as it is")
    parser.add_argument("--word", default="school", help="a common word of the information")
    parser.add_argument("--runs", type=int, default=15, help="interleaved app/bare runs (in-process)")
    parser.add_argument("--seconds", type=int, default=common.bench_seconds())
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args()
    common.ensure_tools()
    db_url = common.big_database_url(args.quick)
    if not args.no_prepare:
        prepare.ensure_database(db_url, common.article_count(args.quick))
    articles = common.live_articles(db_url)
    common.banner(f"P4 search on PostgreSQL ({articles:,} articles in the database)")
    common.wait_until_quiet()
    rows = search_rows(db_url, args.word, args.runs)
    quiet, wrk_figures = wrk_rows(db_url, args.word, seconds=args.seconds, rounds=args.rounds)
    rows += wrk_figures
    common.table(
        f"P4 — search on PostgreSQL, {articles:,} articles; wrk -t2 -c8 {args.seconds} s × "
        f"{args.rounds} rounds, gunicorn {common.WORKERS} sync workers (medians)"
        + ("" if quiet else "  [machine was busy: unreliable]"),
        rows,
    )


if __name__ == "__main__":
    main()
