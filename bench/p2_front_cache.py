"""P2: the anonymous article page through the production stack: nginx with the front cache, then gunicorn.

    .venv/bin/python bench/p2_front_cache.py [--quick] [--no-prepare] [--seconds 10] [--rounds 2]

nginx runs deploy/nginx/steunpunt.conf (rendered by deploy/nginx/render.py with a free port and
temporary paths, as the test suite does) in front of the app under gunicorn with 2 sync workers and
production settings, as in P1. "Warm": the page was asked before, so nginx answers it from its cache
(the app marks it `s-maxage`; the table checks that the requests were HITs). Reference, measured in
the same run: nginx serving a static 1 KB file. wrk: 2 threads, 8 connections. Target (quality.md
P2): ≥ 60% of nginx's req/s.
"""

import argparse
import http.client

import common
import prepare
from p1_article_warm import pick_article


def get(port, path):
    """One GET through the front cache; returns (status, X-Cache-Status, Cache-Control, body)."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        connection.request("GET", path, headers={"Host": f"{common.HOST}:{port}"})
        response = connection.getresponse()
        body = response.read()
        headers = response.getheader("X-Cache-Status"), response.getheader("Cache-Control")
        return response.status, *headers, body
    finally:
        connection.close()


def measure(db_url, *, seconds, rounds):
    path = pick_article(db_url)
    with (
        common.nginx_static() as (nginx_port, static_path),
        common.gunicorn_app(db_url) as app_port,
        common.nginx_front(app_port) as port,
    ):
        status, cache_status, cache_control, body = get(port, path)
        if status != 200:
            raise SystemExit(f"{path} answered {status}; is the bench database ready?")
        common.note(
            f"article {path} ({len(body):,} bytes) through nginx's front cache on port {port} "
            f"(first request: {cache_status}; Cache-Control: {cache_control}); {common.SETTINGS_NOTE}"
        )
        common.wrk(port, path, seconds=3)  # warm-up
        statuses = [get(port, path)[1] for _ in range(3)]
        if statuses != ["HIT"] * 3:
            raise SystemExit(f"the front cache does not keep {path}: X-Cache-Status {statuses}")
        quiet, results = common.interleaved_rounds(
            [
                ("nginx", lambda: common.wrk(nginx_port, static_path, host="127.0.0.1", seconds=seconds)),
                ("front", lambda: common.wrk(port, path, seconds=seconds)),
            ],
            rounds,
        )
        after = get(port, path)[1]
        common.note(f"after the rounds: X-Cache-Status {after}")
    return quiet, results["front"], results["nginx"]


def rows(fronts, references):
    front_rps = common.median([r.rps for r in fronts])
    ref_rps = common.median([r.rps for r in references])
    front_p99 = common.median([r.p99_ms for r in fronts])
    ref_p99 = common.median([r.p99_ms for r in references])
    front_p50 = common.median([r.p50_ms for r in fronts])
    ref_p50 = common.median([r.p50_ms for r in references])
    failures = sum(r.errors + r.non_2xx for r in fronts)
    return [
        common.Row(
            "req/s, article page (front cache, warm)",
            f"{front_rps:,.0f}",
            f"nginx 1 KB static {ref_rps:,.0f}",
            f"{100 * front_rps / ref_rps:.1f}%",
            "≥ 60% of nginx",
            front_rps / ref_rps >= 0.60,
        ),
        common.Row(
            "p99 latency, 8 connections (info)",
            f"{front_p99:.2f} ms",
            f"nginx {ref_p99:.2f} ms",
            f"{front_p99 / ref_p99:.1f}×",
            "",
            None,
        ),
        common.Row(
            "p50 latency (info)",
            f"{front_p50:.2f} ms",
            f"nginx {ref_p50:.2f} ms",
            f"{front_p50 / ref_p50:.1f}×",
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
    parser.add_argument("--rounds", type=int, default=2, help="nginx/front runs, interleaved; medians")
    args = parser.parse_args()
    common.ensure_tools()
    db_url = common.big_database_url(args.quick)
    articles = common.article_count(args.quick)
    if not args.no_prepare:
        prepare.ensure_database(db_url, articles)
    common.banner(
        f"P2 article page through nginx's front cache (gunicorn, 2 workers; "
        f"{common.live_articles(db_url):,} articles)"
    )
    quiet, fronts, references = measure(db_url, seconds=args.seconds, rounds=args.rounds)
    common.table(
        f"P2 — anonymous article page through nginx with the front cache (deploy/nginx), gunicorn 2 sync "
        f"workers behind it, wrk -t2 -c8, {args.seconds} s × {args.rounds} rounds (medians)"
        + ("" if quiet else "  [machine was busy: unreliable]"),
        rows(fronts, references),
    )


if __name__ == "__main__":
    main()
