"""P7: the back office's case list (inbox) and case page, with 1,000,000 cases in the database.

    .venv/bin/python bench/p7_cases.py [--quick] [--no-prepare] [--seconds 10] [--rounds 2] [--requests 200]

The user is the demo consultant of steunpunt Noord (``noord-consultant``: reads every case of Noord,
≈ 35,500 of the 1,000,000), signed in with a verified second factor, as ``staff_client`` in
src/steunpunt/conftest.py does it (``force_login`` and the TOTP device's ``DEVICE_ID_SESSION_KEY``
in the session). The back office lives on the platform host, 127.0.0.1.

1. In-process (Django's test client), each database in a fresh child process: the SQL queries per
   view (target ≤ 30) with the code or template line that made each, and the page time (median and
   p95) with 1,000,000 cases against 10,000 (--quick: 100,000 against 10,000). Views: the inbox as
   it opens (``/admin/vragen/``: the open questions), and the case page (``/admin/vragen/<pk>/``)
   of a different case each time, open and closed ones of Noord in a fixed random order. Also, as
   information: the inbox with every question (``?status=all``) and with a text search (``?q=``).
2. Under wrk (2 threads, 8 connections, gunicorn with 2 sync workers), with the session cookie of
   a signed-in consultant made in-process beforehand: the inbox, and the case page of a different
   case every request (target p95 ≤ 300 ms). Reference in the same run: nginx serving 1 KB static.
"""

import argparse
import http.client
import json
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import cases_common
import common
import generate_cases
import inprocess

LUA = common.BENCH / "p7_pages.lua"
PLATFORM_HOST = "127.0.0.1"
INBOX = "/admin/vragen/"
SEARCH = "zorgplicht"  # a word of one in twelve generated questions (generate_cases.QUESTIONS)
SEED = 20_251_129
MAX_QUERIES = 30


# --- in-process (child process) ----------------------------------------------------------------


def signed_in_client():
    """A test client signed in as Noord's consultant, the session verified with the second factor."""
    from django.contrib.auth import get_user_model
    from django.test import Client
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_totp.models import TOTPDevice

    user = get_user_model().objects.get(username=cases_common.CONSULTANT)
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name="bench", confirmed=True)
    client = Client(HTTP_HOST=PLATFORM_HOST)
    client.force_login(user)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    return client


def case_paths(count, seed=SEED):
    """Case pages of Noord's cases (every status), in a fixed random order."""
    from steunpunt.support.models import Case

    pks = list(Case.objects.filter(support_point__slug="noord").order_by("pk").values_list("pk", flat=True))
    random.Random(seed).shuffle(pks)  # noqa: S311  (a test order, not security)
    return [f"{INBOX}{pk}/" for pk in pks[:count]]


def _get(client, path):
    response = client.get(path)
    if response.status_code != 200:
        raise RuntimeError(f"{path} answered {response.status_code} {response.get('Location', '')}")
    return response


def _measured(client, path):
    from django.db import connection

    log = inprocess.QueryLog()
    started = time.perf_counter()
    with connection.execute_wrapper(log):
        _get(client, path)
    return time.perf_counter() - started, log.queries


def measure(requests):
    """Queries and page times of the views (child process; returns a dict for JSON)."""
    from django.db import connection

    client = signed_in_client()
    views = {
        "inbox": [INBOX],
        "inbox, every question": [f"{INBOX}?status=all"],
        f"inbox, search '{SEARCH}'": [f"{INBOX}?status=all&q={SEARCH}"],
        "case page": case_paths(requests + 10),
    }
    for paths in views.values():  # warm-up: the first request of a process, and a second one
        _get(client, paths[-1])
        _get(client, paths[-1])
    result = {}
    for name, paths in views.items():
        if len(paths) == 1:
            paths = paths * max(5, requests // 10)
        times, counts, breakdown = [], [], None
        for path in paths[: requests if name == "case page" else len(paths)]:
            seconds, queries = _measured(client, path)
            times.append(seconds)
            counts.append(len(queries))
            if breakdown is None or len(queries) > len(breakdown):
                breakdown = queries
        times.sort()
        result[name] = {
            "path": paths[0],
            "requests": len(times),
            "median_s": common.median(times),
            "p95_s": times[int(0.95 * (len(times) - 1))],
            "queries_max": max(counts),
            "queries_min": min(counts),
            "breakdown": [{"table": inprocess._table(q["sql"]), "origin": q["origin"]} for q in breakdown],
        }
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM support_case")
        cases = cursor.fetchone()[0]
        cursor.execute(
            "SELECT count(*) FROM support_case c JOIN tenants_supportpoint s ON s.id = c.support_point_id "
            "WHERE s.slug = 'noord' AND c.status <> 'closed'"
        )
        open_cases = cursor.fetchone()[0]
    return {"cases": cases, "open_noord": open_cases, "views": result}


def session():
    """A signed-in, verified session for wrk: the cookie, and the case page addresses."""
    from django.conf import settings

    client = signed_in_client()
    _get(client, INBOX)
    return {
        "cookie": f"{settings.SESSION_COOKIE_NAME}={client.cookies[settings.SESSION_COOKIE_NAME].value}",
        "paths": case_paths(None),
    }


# --- the benchmark (parent process) ------------------------------------------------------------


def query_rows(big, small):
    rows = []
    for name in ("inbox", "case page"):
        view, reference = big["views"][name], small["views"][name]
        print(f"\n  The queries of the {name} ({view['path']}; the request with the most):")
        for number, query in enumerate(view["breakdown"], 1):
            print(f"  {number:>3}. {query['table']:<34} {query['origin']}")
        spread = "" if view["queries_min"] == view["queries_max"] else f" ({view['queries_min']}–)"
        rows.append(
            common.Row(
                f"SQL queries, {name}",
                f"{view['queries_max']}{spread}",
                f"{small['cases']:,} cases: {reference['queries_max']}",
                f"{view['queries_max'] / reference['queries_max']:.2f}",
                f"≤ {MAX_QUERIES}",
                view["queries_max"] <= MAX_QUERIES,
            )
        )
    for name in big["views"]:
        view, reference = big["views"][name], small["views"][name]
        target = name in ("inbox", "case page")
        rows.append(
            common.Row(
                f"page time, {name} (in-process median{'' if target else ', info'})",
                common.ms(view["median_s"]),
                f"{small['cases']:,} cases: {common.ms(reference['median_s'])}",
                f"{view['median_s'] / reference['median_s']:.2f}",
                "",
                None,
            )
        )
        if not target:
            rows.append(
                common.Row(
                    f"  SQL queries, {name} (info)",
                    str(view["queries_max"]),
                    f"{small['cases']:,} cases: {reference['queries_max']}",
                    "",
                    "",
                    None,
                )
            )
    return rows


def in_process(big_url, small_url, requests, rounds):
    """Both databases, alternately, each in a fresh process; the runs with the lower inbox median."""
    results = {big_url: [], small_url: []}
    quiet = True
    for round_number in range(1, rounds + 1):
        for url in (small_url, big_url):
            undisturbed, result = cases_common.quietly(
                lambda url=url: cases_common.run_child(__file__, "measure", url, "--requests", str(requests))
            )
            quiet = quiet and undisturbed
            results[url].append(result)
            common.note(
                f"round {round_number}: {result['cases']:>9,} cases: "
                + "; ".join(
                    f"{name} {common.ms(view['median_s'])} (p95 {common.ms(view['p95_s'])}, "
                    f"{view['queries_max']} queries)"
                    for name, view in result["views"].items()
                )
            )

    def merged(runs):
        out = dict(runs[0])
        out["views"] = {
            name: dict(
                runs[0]["views"][name],
                median_s=common.median([r["views"][name]["median_s"] for r in runs]),
                p95_s=common.median([r["views"][name]["p95_s"] for r in runs]),
                queries_max=max(r["views"][name]["queries_max"] for r in runs),
            )
            for name in runs[0]["views"]
        }
        return out

    return quiet, merged(results[big_url]), merged(results[small_url])


def wrk_rows(db_url, *, seconds, rounds):
    login = cases_common.run_child(__file__, "session", db_url)
    headers = [f"Cookie: {login['cookie']}"]
    outcomes = []

    def page(port, path, **options):
        result, data = cases_common.wrk(
            port, path, host=PLATFORM_HOST, headers=headers, script=LUA, seconds=seconds, **options
        )
        outcomes.append(data)
        return result

    with (
        tempfile.TemporaryDirectory(prefix="bench-p7-") as tmp,
        common.nginx_static() as (nginx_port, static_path),
        common.gunicorn_app(db_url) as port,
    ):
        paths = Path(tmp) / "cases.txt"
        paths.write_text("\n".join(login["paths"]) + "\n")
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        connection.request(
            "GET", INBOX, headers={"Host": f"{PLATFORM_HOST}:{port}", "Cookie": login["cookie"]}
        )
        check = connection.getresponse().status
        connection.close()
        if check != 200:
            raise SystemExit(f"{INBOX} with the session cookie answered {check}: not signed in")
        common.note(
            f"GET http://{PLATFORM_HOST}:{port}{INBOX} and {len(login['paths']):,} case pages of Noord "
            f"(a different one each request), signed in as {cases_common.CONSULTANT}; {common.SETTINGS_NOTE}"
        )
        cases_common.wrk(port, INBOX, host=PLATFORM_HOST, headers=headers, script=LUA, seconds=3)
        starts = iter(range(0, 10**6, 3000))
        quiet, results = common.interleaved_rounds(
            [
                ("nginx", lambda: cases_common.nginx_wrk(nginx_port, static_path, seconds)),
                ("inbox", lambda: page(port, INBOX)),
                ("case", lambda: page(port, "/", script_args=[paths, 2, next(starts)])),
            ],
            rounds,
        )
    references = results["nginx"]
    ref_rps = common.median([r.rps for r in references])
    ref_p95 = common.median([r.p95_ms for r in references])
    rows = []
    for name, label in (("inbox", f"inbox {INBOX}"), ("case", "case page, a different case each time")):
        runs = results[name]
        rps = common.median([r.rps for r in runs])
        p95 = common.median([r.p95_ms for r in runs])
        rows += [
            common.Row(
                f"p95 latency, {label}",
                f"{p95:.1f} ms",
                f"nginx {ref_p95:.2f} ms",
                f"{p95 / ref_p95:,.0f}×",
                "≤ 300 ms",
                p95 <= 300,
            ),
            common.Row(
                f"  req/s, {name} (info)",
                f"{rps:,.0f}",
                f"nginx 1 KB static {ref_rps:,.0f}",
                f"{100 * rps / ref_rps:.2f}%",
                "",
                None,
            ),
        ]
    failures = sum(
        data["sother"] + data["connect"] + data["read"] + data["write"] + data["timeout"] for data in outcomes
    )
    shown = sum(data["s200"] for data in outcomes)
    rows.append(
        common.Row(
            "answers other than 200, socket errors",
            str(failures),
            f"{shown:,} pages shown",
            "",
            "0",
            failures == 0,
        )
    )
    return quiet, rows


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("command", nargs="?", choices=["measure", "session"], help=argparse.SUPPRESS)
    parser.add_argument("--database-url", help=argparse.SUPPRESS)
    parser.add_argument("--quick", action="store_true", help="100,000 cases instead of 1,000,000")
    parser.add_argument("--no-prepare", action="store_true", help="use the case databases as they are")
    parser.add_argument("--seconds", type=int, default=common.bench_seconds())
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--requests", type=int, default=200, help="case pages per in-process measurement")
    args = parser.parse_args()
    if args.command:
        common.setup_django(args.database_url)
        result = measure(args.requests) if args.command == "measure" else session()
        print(json.dumps(result))
        return
    common.ensure_tools()
    big = cases_common.big_cases(args.quick)
    big_url, small_url = cases_common.cases_url(big), cases_common.cases_url(cases_common.SMALL_CASES)
    if not args.no_prepare:
        generate_cases.ensure_cases_database(big_url, big)
        generate_cases.ensure_cases_database(small_url, cases_common.SMALL_CASES, collectstatic=False)
    cases = cases_common.case_count(big_url)
    common.banner(f"P7 back office: inbox and case page ({cases:,} cases in the database)")
    quiet_in, big_result, small_result = in_process(big_url, small_url, args.requests, args.rounds)
    common.note(
        f"{cases_common.CONSULTANT} sees {big_result['open_noord']:,} open questions of Noord in the inbox "
        f"({small_result['open_noord']:,} with {small_result['cases']:,} cases)"
    )
    rows = query_rows(big_result, small_result)
    quiet_wrk, wrk_figures = wrk_rows(big_url, seconds=args.seconds, rounds=args.rounds)
    rows += wrk_figures
    common.table(
        f"P7 — back office, inbox and case page, {cases:,} cases, {cases_common.STEUNPUNTEN} steunpunten; "
        f"in-process medians of {args.rounds} rounds; wrk -t2 -c8 {args.seconds} s × {args.rounds} rounds, "
        f"gunicorn {common.WORKERS} sync workers (medians)"
        + ("" if quiet_in and quiet_wrk else "  [machine was busy: unreliable]"),
        rows,
    )


if __name__ == "__main__":
    main()
