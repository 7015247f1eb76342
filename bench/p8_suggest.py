"""P8: suggestions while typing (``/zoeken/suggesties/?q=…``) over 50,000 articles.

    .venv/bin/python bench/p8_suggest.py [--quick] [--no-prepare] [--seconds 10] [--rounds 2]

1. In-process: building the sorted lists the suggestions are looked up in (titles, their words,
   the glossary, the vocabulary; once per content generation per process), then one suggestion
   for each of 400 typed prefixes (the start of title and vocabulary words, and a word with the
   start of a second), uncached (lists in memory, answer not in the cache) and cached; the
   test client's request time for each prefix (info).
2. Under wrk (2 threads, 8 connections, gunicorn with 2 workers): every request the next of the
   400 prefixes, a shuffled list repeated: p95 latency, target ≤ 50 ms. Reference in the same run:
   nginx serving a static 1 KB file.
"""

import argparse
import tempfile
from pathlib import Path
from urllib.parse import urlencode

import common
import inprocess
import prepare


def inprocess_rows(db_url, runs):
    result = inprocess.run_child("suggest", db_url, "--runs", str(runs))
    common.note(
        f"{result['titles']:,} titles ({result['title_words']:,} title words), "
        f"{result['words']:,} vocabulary words; {result['prefixes']} prefixes, e.g. "
        + "; ".join(f"'{prefix}' → {labels[:3]}" for prefix, labels in result["examples"].items())
    )
    uncached = result["uncached_p95_s"]
    return result["prefix_list"], [
        common.Row(
            "building the suggestion lists, once per generation (info)",
            common.ms(result["build_s"]),
            "",
            "",
            "",
            None,
        ),
        common.Row(
            "suggestion p95, lists in memory, answer not cached (in-process)",
            common.ms(uncached),
            f"median {common.ms(result['uncached_median_s'])}",
            "",
            "≤ 50 ms",
            uncached <= 0.050,
        ),
        common.Row(
            "suggestion p95, answer cached (info)",
            common.ms(result["cached_p95_s"]),
            "",
            "",
            "",
            None,
        ),
        common.Row(
            "request p95, test client, first time each prefix (info)",
            common.ms(result["request_p95_s"]),
            "",
            "",
            "",
            None,
        ),
    ]


def write_paths(prefixes, directory):
    """The prefixes as addresses, repeated to a long list (wrk takes the next one per request)."""
    paths = ["/zoeken/suggesties/?" + urlencode({"q": prefix}) for prefix in prefixes]
    path = Path(directory) / "suggest-paths.txt"
    path.write_text("\n".join(paths * 250) + "\n")
    return path, len(prefixes)


def wrk_rows(db_url, prefixes, *, seconds, rounds):
    with (
        tempfile.TemporaryDirectory() as tmp,
        common.nginx_static() as (nginx_port, static_path),
        common.gunicorn_app(db_url) as port,
    ):
        paths, count = write_paths(prefixes, tmp)
        first = "/zoeken/suggesties/?q=sch"
        status, _body = common.http_get(port, first)
        if status != 200:
            raise SystemExit(f"{first} answered {status}")
        common.note(f"{count} prefixes, each request the next; {common.SETTINGS_NOTE}")
        common.wrk(port, paths_file=paths, seconds=3)  # warm both workers' lists
        runs = iter(range(100))
        quiet, results = common.interleaved_rounds(
            [
                ("nginx", lambda: common.wrk(nginx_port, static_path, host="127.0.0.1", seconds=seconds)),
                (
                    "app",
                    lambda: common.wrk(port, paths_file=paths, paths_start=next(runs) * 500, seconds=seconds),
                ),
            ],
            rounds,
        )
    apps, references = results["app"], results["nginx"]
    app_p95 = common.median([r.p95_ms for r in apps])
    ref_p95 = common.median([r.p95_ms for r in references])
    app_rps = common.median([r.rps for r in apps])
    ref_rps = common.median([r.rps for r in references])
    failures = sum(r.errors + r.non_2xx for r in apps)
    return quiet, [
        common.Row(
            "p95 latency, /zoeken/suggesties/?q=<prefix>, 8 connections",
            f"{app_p95:,.1f} ms",
            f"nginx {ref_p95:.2f} ms",
            f"{app_p95 / ref_p95:,.0f}×",
            "≤ 50 ms",
            app_p95 <= 50,
        ),
        common.Row(
            "req/s (info)",
            f"{app_rps:,.0f}",
            f"nginx 1 KB static {ref_rps:,.0f}",
            f"{100 * app_rps / ref_rps:.2f}%",
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
    parser.add_argument("--runs", type=int, default=3, help="passes over the prefixes (in-process)")
    parser.add_argument("--seconds", type=int, default=common.bench_seconds())
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args()
    common.ensure_tools()
    db_url = common.big_database_url(args.quick)
    if not args.no_prepare:
        prepare.ensure_database(db_url, common.article_count(args.quick))
    articles = common.live_articles(db_url)
    common.banner(f"P8 suggestions while typing ({articles:,} articles in the database)")
    common.wait_until_quiet()
    prefixes, rows = inprocess_rows(db_url, args.runs)
    quiet, wrk_figures = wrk_rows(db_url, prefixes, seconds=args.seconds, rounds=args.rounds)
    rows += wrk_figures
    common.table(
        f"P8 — suggestions while typing, {articles:,} articles; wrk -t2 -c8 {args.seconds} s × "
        f"{args.rounds} rounds, gunicorn {common.WORKERS} sync workers (medians)"
        + ("" if quiet else "  [machine was busy: unreliable]"),
        rows,
    )


if __name__ == "__main__":
    main()
