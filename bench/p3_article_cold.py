"""P3: the anonymous article page, cold: every request asks for another article.

    .venv/bin/python bench/p3_article_cold.py [--quick] [--no-prepare] [--seconds 10] [--rounds 2]

The app has no page cache, so "cold" means nothing is reused: each request goes to an article
that was not asked for before in that run. Three measurements:

1. SQL queries per request, counted in-process with ``connection.execute_wrapper`` around the
   test client, each query with the code or template line that made it (target ≤ 15);
2. req/s and p95 under wrk (2 threads, 8 connections, gunicorn with 2 workers), every request to
   a different article (targets ≥ 270 req/s, p95 ≤ 150 ms); reference in the same run: nginx
   serving a static 1 KB file;
3. the page time (median, in-process) in a database with 1,000 articles vs one with 50,000,
   measured alternately (target: ratio ≤ 1.2).
"""

import argparse
import itertools
import tempfile
from pathlib import Path

import common
import inprocess
import prepare


def write_paths(db_url, directory):
    """Every live article's address, in a fixed random order, one a line (for wrk)."""
    result = common.run(
        [
            common.tool("psql"),
            db_url,
            "-tAc",
            "SELECT '/informatie/' || p.slug || '/' FROM wagtailcore_page p "
            "JOIN information_articlepage a ON a.page_ptr_id = p.id WHERE p.live ORDER BY md5(p.slug)",
        ],
        capture=True,
    )
    paths = result.stdout.split()
    warmup, measured = paths[:500], paths[500:]
    (Path(directory) / "warmup.txt").write_text("\n".join(warmup) + "\n")
    (Path(directory) / "paths.txt").write_text("\n".join(measured) + "\n")
    return Path(directory) / "warmup.txt", Path(directory) / "paths.txt", len(measured)


def query_rows(db_url):
    result = inprocess.run_child("queries", db_url, "--articles", "40")
    counts = result["per_request"]
    common.note(
        f"queries: first request of a fresh process {result['first_request']}, then "
        f"{min(counts)}–{max(counts)} over {len(counts)} different articles"
    )
    print("\n  The queries of one article page (after the process's first request):")
    for number, query in enumerate(result["breakdown"], 1):
        print(f"  {number:>3}. {query['table']:<34} {query['origin']}")
    steady = {(q["table"], q["origin"]) for q in result["breakdown"]}
    extra = [q for q in result["first_breakdown"] if (q["table"], q["origin"]) not in steady]
    if extra:
        print(
            "  Only in a process's first request: "
            + "; ".join(f"{q['table']} ({q['origin']})" for q in extra)
        )
    worst = max(counts)
    return [
        common.Row(
            "SQL queries per request",
            f"{worst} (median {common.median(counts):g})",
            "Wagtail demo blog post: 22 (quality.md, not measured here)",
            f"{worst / 22:.2f}×",
            "≤ 15",
            worst <= 15,
        ),
        common.Row(
            "SQL queries, process's first request (info)",
            str(result["first_request"]),
            "",
            "",
            "",
            None,
        ),
    ]


def wrk_rows(db_url, *, seconds, rounds):
    with (
        tempfile.TemporaryDirectory(prefix="bench-p3-") as tmp,
        common.nginx_static() as (nginx_port, static_path),
        common.gunicorn_app(db_url) as port,
    ):
        warmup, paths, count = write_paths(db_url, tmp)
        common.note(f"{count:,} article addresses, none asked twice; {common.SETTINGS_NOTE}")
        common.wrk(port, paths_file=warmup, seconds=3)  # warm the workers on other articles
        runs = itertools.count()

        def cold():
            # Each run starts further into the list: no article is asked twice in the whole run.
            return common.wrk(port, paths_file=paths, paths_start=next(runs) * 2000, seconds=seconds)

        quiet, results = common.interleaved_rounds(
            [
                ("nginx", lambda: common.wrk(nginx_port, static_path, host="127.0.0.1", seconds=seconds)),
                ("app", cold),
            ],
            rounds,
        )
    apps, references = results["app"], results["nginx"]
    if max(a.requests for a in apps) > 4000:  # 2,000 per thread
        common.note("more than 4,000 requests in a run: some articles may have been asked twice")
    app_rps = common.median([r.rps for r in apps])
    ref_rps = common.median([r.rps for r in references])
    app_p95 = common.median([r.p95_ms for r in apps])
    ref_p95 = common.median([r.p95_ms for r in references])
    failures = sum(r.errors + r.non_2xx for r in apps)
    return quiet, [
        common.Row(
            "req/s, article page (cold)",
            f"{app_rps:,.0f}",
            f"nginx 1 KB static {ref_rps:,.0f}",
            f"{100 * app_rps / ref_rps:.2f}%",
            "≥ 270 req/s",
            app_rps >= 270,
        ),
        common.Row(
            "p95 latency, 8 connections",
            f"{app_p95:.1f} ms",
            f"nginx {ref_p95:.2f} ms",
            f"{app_p95 / ref_p95:.0f}×",
            "≤ 150 ms",
            app_p95 <= 150,
        ),
        common.Row("errors and non-2xx (info)", str(failures), "", "", "0", failures == 0),
    ]


def scale_rows(big_url, small_url, *, rounds, requests):
    """Median page time with 1,000 vs 50,000 articles, alternating databases (fresh process each)."""
    small, big = [], []
    for round_number in range(1, rounds + 1):
        for url, results in ((small_url, small), (big_url, big)):
            common.wait_until_quiet()
            result = inprocess.run_child("page-time", url, "--requests", str(requests))
            results.append(result)
            common.note(
                f"round {round_number}: {result['articles']:>6,} articles: median "
                f"{common.ms(result['median_s'])}, p95 {common.ms(result['p95_s'])} "
                f"over {result['requests']} articles"
            )
    small_median = common.median([r["median_s"] for r in small])
    big_median = common.median([r["median_s"] for r in big])
    return [
        common.Row(
            f"page time with {big[0]['articles']:,} articles (in-process median)",
            common.ms(big_median),
            f"{small[0]['articles']:,} articles: {common.ms(small_median)}",
            f"{big_median / small_median:.2f}",
            "ratio ≤ 1.2",
            big_median / small_median <= 1.2,
        )
    ]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--quick", action="store_true", help=f"{common.QUICK_ARTICLES:,} articles instead of 50,000"
    )
    parser.add_argument("--no-prepare", action="store_true", help="use the bench databases as they are")
    parser.add_argument("--seconds", type=int, default=common.bench_seconds())
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--requests", type=int, default=300, help="articles per page-time measurement")
    args = parser.parse_args()
    common.ensure_tools()
    big_url, small_url = common.big_database_url(args.quick), common.database_url("_1k")
    if not args.no_prepare:
        prepare.ensure_database(big_url, common.article_count(args.quick))
        prepare.ensure_database(small_url, common.SMALL_ARTICLES, collectstatic=False)
    articles = common.live_articles(big_url)
    common.banner(f"P3 article page, cold ({articles:,} articles in the database)")
    rows = query_rows(big_url)
    quiet, wrk_figures = wrk_rows(big_url, seconds=args.seconds, rounds=args.rounds)
    rows += wrk_figures
    rows += scale_rows(big_url, small_url, rounds=args.rounds, requests=args.requests)
    common.table(
        f"P3 — anonymous article page, cold (each request another article), {articles:,} articles; "
        f"wrk -t2 -c8 {args.seconds} s × {args.rounds} rounds, "
        f"gunicorn {common.WORKERS} sync workers (medians)"
        + ("" if quiet else "  [machine was busy: unreliable]"),
        rows,
    )


if __name__ == "__main__":
    main()
