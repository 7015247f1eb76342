"""Where the time of a page goes: cProfile over many requests in one process, on the production stack's
settings and cache (Redis), on the 50,000-article bench database. Prints the time per request split by
area (templates, SQL, cache, Wagtail's blocks, the middleware, …) and the functions that cost most.

    .venv/bin/python bench/profile_pages.py cold   [--requests 300]   # P3: every request another article
    .venv/bin/python bench/profile_pages.py warm   [--requests 3000]  # P1: the same article again and again
    .venv/bin/python bench/profile_pages.py search [--requests 1000]  # P4: /zoeken/?q=school again and again
    .venv/bin/python bench/profile_pages.py form   [--requests 300]   # P6: POST /vraag/ (1,000,000 cases)
    .venv/bin/python bench/profile_pages.py inbox  [--requests 100]   # P7: the consultant's inbox

``form`` and ``inbox`` use the national data set (``make national-data``); ``form`` posts into a
scratch copy of it (``steunpunt_bench_cases_profile``, dropped afterwards), as P6 does.

The areas are measured by cumulative time of the outermost call of each kind (so nested template
includes or queries made while rendering are not counted twice); they overlap where one area calls
another (SQL run while a template renders counts in both), which the output says.
"""

import argparse
import cProfile
import pstats
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import common

# (label, file suffix, function name): the cumulative time of these, per request.
AREAS = [
    ("whole request (test client → response)", "django/test/client.py", "request"),
    ("templates rendered (response.render)", "django/template/response.py", "render"),
    ("SQL executed (cursor.execute, incl. the driver)", "django/db/backends/utils.py", "_execute"),
    ("cache calls (Redis: get)", "django/core/cache/backends/redis.py", "get"),
    ("cache calls (Redis: set)", "django/core/cache/backends/redis.py", "set"),
    ("Wagtail StreamField blocks rendered", "wagtail/blocks/stream_block.py", "render_basic"),
    ("rich text expanded (expand_db_html)", "wagtail/rich_text/__init__.py", "expand_db_html"),
    ("Wagtail page lookup (route)", "wagtail/models/pages.py", "route"),
    ("URL reversing (reverse)", "django/urls/base.py", "reverse"),
    ("gettext", "django/utils/translation/trans_real.py", "gettext"),
]


def _paths(kind, requests):
    from inprocess import article_paths

    if kind in ("form", "inbox"):
        return [None] * (requests + 10)
    if kind == "search":
        return ["/zoeken/?q=school"] * (requests + 10)
    paths = article_paths(requests + 30)
    if kind == "warm":
        return [paths[0]] * (requests + 30)
    return paths


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("kind", choices=["cold", "warm", "search", "form", "inbox"])
    parser.add_argument("--requests", type=int)
    parser.add_argument("--database-url", default=common.database_url())
    parser.add_argument("--top", type=int, default=25)
    parser.add_argument(
        "--cumulative",
        metavar="TEXT",
        help="list the functions whose file contains TEXT by cumulative time instead (say: steunpunt/)",
    )
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    requests = (
        args.requests or {"cold": 300, "warm": 3000, "search": 1000, "form": 300, "inbox": 100}[args.kind]
    )
    if not args.child:
        # A process of its own with the stack's environment (Redis cache), as the benchmarks run the app.
        database_url = args.database_url
        if args.kind in ("form", "inbox"):
            database_url = common.database_url("_cases")
        if args.kind == "form":
            import p6_question_form as p6

            scratch = common.database_url("_cases_profile")
            p6.fresh_copy(database_url, scratch)
            database_url = scratch
        env = common._stack_env(database_url)
        if args.kind == "form":
            env.update(PUBLIC_FORM_RATE=p6.RATE, PUBLIC_FORM_RATE_UNVERIFIED=p6.RATE, TASK_BACKEND="database")
        command = [common.PYTHON, Path(__file__), args.kind, "--requests", requests, "--child"]
        try:
            if args.cumulative:
                command += ["--cumulative", args.cumulative]
            common.run([*command, "--database-url", database_url, "--top", args.top], env=env)
        finally:
            if args.kind == "form":
                p6.drop(database_url)
        return
    common.setup_django(args.database_url)
    from django.conf import settings

    paths = _paths(args.kind, requests)
    warmup, measured = paths[: len(paths) - requests], paths[len(paths) - requests :]
    ask = _asker(args.kind)
    for path in warmup:
        ask(path)
    profiler = cProfile.Profile()
    started = time.perf_counter()
    profiler.enable()
    for path in measured:
        ask(path)
    profiler.disable()
    elapsed = time.perf_counter() - started
    stats = pstats.Stats(profiler)
    print(
        f"{args.kind}: {requests} requests in {elapsed:.2f} s under the profiler "
        f"({1000 * elapsed / requests:.2f} ms a request; the profiler itself adds to every call); "
        f"cache {settings.CACHES['default']['BACKEND']}, page cache {settings.PAGE_CACHE_SECONDS} s"
    )
    print("\nms per request by area (cumulative; areas overlap where one calls another):")
    for label, suffix, name in AREAS:
        # Functions of one name in one file call each other (Django's RedisCache.get calls its client's
        # get): the outermost, the one with the most cumulative time, holds the area's time.
        rows = [
            row
            for (filename, _line, function), row in stats.stats.items()
            if filename.endswith(suffix) and function == name
        ]
        outer = max(rows, key=lambda row: row[3], default=(0, 0, 0, 0, None))
        total, calls = outer[3], outer[1]
        print(f"  {label:<52} {1000 * total / requests:8.2f} ms   ({calls / requests:.1f} calls)")
    if args.cumulative:
        print(f"\nthe {args.top} functions of '{args.cumulative}' with the most cumulative time:")
        rows = sorted(
            (item for item in stats.stats.items() if args.cumulative in item[0][0]),
            key=lambda item: item[1][3],
            reverse=True,
        )[: args.top]
    else:
        print(f"\nthe {args.top} functions with the most own time (ms per request, calls per request):")
        rows = sorted(stats.stats.items(), key=lambda item: item[1][2], reverse=True)[: args.top]
    for (filename, line, function), (_cc, calls, own, cumulative, _callers) in rows:
        where = filename.split("site-packages/", 1)[-1].split("/src/", 1)[-1]
        print(
            f"  {1000 * own / requests:7.3f} own {1000 * cumulative / requests:8.3f} cum "
            f"{calls / requests:8.1f}×  {where}:{line} {function}"
        )


def _asker(kind):
    """A function that makes one request of ``kind`` (its argument: the address, where there is one)."""
    from inprocess import _client, _get

    if kind == "inbox":
        import p7_cases

        client = p7_cases.signed_in_client()
        return lambda _path: p7_cases._get(client, p7_cases.INBOX)
    if kind == "form":
        import p6_question_form as p6

        from steunpunt.information.models import Theme

        theme = Theme.objects.order_by("pk").first().pk
        client = _client()
        counter = iter(range(10**9))

        def post(_path):
            response = client.post("/vraag/", p6.form_data(f"profile-{next(counter)}", theme))
            if response.status_code != 302:
                raise RuntimeError(f"POST /vraag/ answered {response.status_code}")

        return post
    client = _client()
    return lambda path: _get(client, path)


if __name__ == "__main__":
    main()
