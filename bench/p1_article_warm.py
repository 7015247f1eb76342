"""P1: the anonymous article page, warm, served by the app under gunicorn with 2 workers.

    .venv/bin/python bench/p1_article_warm.py [--quick] [--no-prepare] [--seconds 10] [--rounds 2]

"Warm": the app has no page cache, so warm means the same address asked again and again after a
warm-up. Reference, measured in the same run: nginx serving a static 1 KB file on this machine.
wrk: 2 threads, 8 connections. Targets (quality.md P1): ≥ 6% of nginx's req/s, p99 ≤ 30 ms.
"""

import argparse

import common
import prepare


def pick_article(db_url):
    """A generated article in the middle of the library (any one will do: they are alike)."""
    result = common.run(
        [
            common.tool("psql"),
            db_url,
            "-tAc",
            "SELECT p.slug FROM wagtailcore_page p JOIN information_articlepage a ON a.page_ptr_id = p.id "
            "WHERE p.live ORDER BY p.path OFFSET (SELECT count(*) / 2 FROM information_articlepage) LIMIT 1",
        ],
        capture=True,
    )
    return f"/informatie/{result.stdout.strip()}/"


def measure(db_url, *, seconds, rounds):
    path = pick_article(db_url)
    with common.nginx_static() as (nginx_port, static_path), common.gunicorn_app(db_url) as port:
        status, body = common.http_get(port, path)
        if status != 200:
            raise SystemExit(f"{path} answered {status}; is the bench database ready?")
        common.note(
            f"article {path} ({len(body):,} bytes) on http://{common.HOST}:{port}; {common.SETTINGS_NOTE}"
        )
        common.wrk(port, path, seconds=3)  # warm-up: both workers import, compile templates, connect
        quiet, results = common.interleaved_rounds(
            [
                ("nginx", lambda: common.wrk(nginx_port, static_path, host="127.0.0.1", seconds=seconds)),
                ("app", lambda: common.wrk(port, path, seconds=seconds)),
            ],
            rounds,
        )
    return quiet, results["app"], results["nginx"]


def rows(apps, references):
    app_rps = common.median([r.rps for r in apps])
    ref_rps = common.median([r.rps for r in references])
    app_p99 = common.median([r.p99_ms for r in apps])
    ref_p99 = common.median([r.p99_ms for r in references])
    app_p50 = common.median([r.p50_ms for r in apps])
    ref_p50 = common.median([r.p50_ms for r in references])
    failures = sum(r.errors + r.non_2xx for r in apps)
    return [
        common.Row(
            "req/s, article page (warm)",
            f"{app_rps:,.0f}",
            f"nginx 1 KB static {ref_rps:,.0f}",
            f"{100 * app_rps / ref_rps:.1f}%",
            "≥ 6% of nginx",
            app_rps / ref_rps >= 0.06,
        ),
        common.Row(
            "p99 latency, 8 connections",
            f"{app_p99:.1f} ms",
            f"nginx {ref_p99:.2f} ms",
            f"{app_p99 / ref_p99:.0f}×",
            "≤ 30 ms",
            app_p99 <= 30,
        ),
        common.Row(
            "p50 latency (info)",
            f"{app_p50:.1f} ms",
            f"nginx {ref_p50:.2f} ms",
            f"{app_p50 / ref_p50:.0f}×",
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
    parser.add_argument("--seconds", type=int, default=common.bench_seconds())
    parser.add_argument("--rounds", type=int, default=2, help="nginx/app measurements, interleaved; medians")
    args = parser.parse_args()
    common.ensure_tools()
    db_url = common.big_database_url(args.quick)
    articles = common.article_count(args.quick)
    if not args.no_prepare:
        prepare.ensure_database(db_url, articles)
    common.banner(f"P1 article page, warm (gunicorn, 2 workers; {common.live_articles(db_url):,} articles)")
    quiet, apps, references = measure(db_url, seconds=args.seconds, rounds=args.rounds)
    common.table(
        f"P1 — anonymous article page, warm, gunicorn {common.WORKERS} sync workers, "
        f"wrk -t2 -c8, {args.seconds} s × "
        f"{args.rounds} rounds (medians)" + ("" if quiet else "  [machine was busy: unreliable]"),
        rows(apps, references),
    )


if __name__ == "__main__":
    main()
