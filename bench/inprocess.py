"""Measurements inside one Django process (the test client, no web server), printed as JSON.

    .venv/bin/python bench/inprocess.py queries    --database-url URL [--articles 40]
    .venv/bin/python bench/inprocess.py page-time  --database-url URL [--requests 300]
    .venv/bin/python bench/inprocess.py search     --database-url URL --word school [--runs 15]
    .venv/bin/python bench/inprocess.py suggest    --database-url URL [--runs 3]

The benchmarks (p3_article_cold.py, p4_search.py) start this as a child process per database,
so that each measurement has a process and a database of its own.
"""

import argparse
import json
import random
import statistics
import sys
import sysconfig
import time
from pathlib import Path
from urllib.parse import urlencode

sys.path.insert(0, str(Path(__file__).resolve().parent))

import common

SEED = 20_251_129


def article_paths(count=None, *, seed=SEED):
    """Addresses of live articles on a steunpunt site, in a fixed random order."""
    from steunpunt.information.models import ArticlePage

    slugs = list(ArticlePage.objects.live().order_by("pk").values_list("slug", flat=True))
    random.Random(seed).shuffle(slugs)  # noqa: S311  (a test order, not security)
    return [f"/informatie/{slug}/" for slug in slugs[:count]]


def _client():
    from django.test import Client

    return Client(HTTP_HOST=f"{common.HOST}:{common.APP_PORT}")


def _get(client, path):
    response = client.get(path)
    if response.status_code != 200:
        raise RuntimeError(f"{path} answered {response.status_code}")
    return response


# --- where a query comes from ------------------------------------------------------------------

_STDLIB = sysconfig.get_paths()["stdlib"]
_SKIP = ("/site-packages/django/", "/site-packages/psycopg/", "/site-packages/asgiref/", "/bench/")


def _origin():
    """The template line or the innermost non-Django code that made the current query."""
    frame = sys._getframe(2)
    while frame is not None:
        filename = frame.f_code.co_filename
        if filename.endswith("django/template/base.py") and frame.f_code.co_name == "render_annotated":
            node = frame.f_locals.get("self")
            origin = getattr(node, "origin", None)
            token = getattr(node, "token", None)
            if origin is not None and token is not None:
                return f"template {origin.template_name}:{token.lineno}"
        elif not filename.startswith(_STDLIB) and not any(part in filename for part in _SKIP):
            path = filename.split("/src/", 1)[-1].split("site-packages/", 1)[-1]
            return f"{path}:{frame.f_lineno} {frame.f_code.co_name}()"
        frame = frame.f_back
    return "?"


class QueryLog:
    """Every SQL statement of a block, with the code it came from (``connection.execute_wrapper``)."""

    def __init__(self):
        self.queries = []

    def __call__(self, execute, sql, params, many, context):
        self.queries.append({"sql": sql, "params": params, "origin": _origin()})
        return execute(sql, params, many, context)


def _table(sql):
    words = sql.replace('"', "").split()
    upper = [w.upper() for w in words]
    for keyword in ("FROM", "INTO", "UPDATE"):
        if keyword in upper:
            return words[upper.index(keyword) + 1]
    return words[0]


def queries(articles):
    """Queries of the article page: the first request of a fresh process, then distinct articles."""
    from django.db import connection

    paths = article_paths(articles + 1)
    client = _client()
    per_request, breakdowns = [], []
    for index, path in enumerate(paths):
        log = QueryLog()
        with connection.execute_wrapper(log):
            _get(client, path)
        per_request.append(len(log.queries))
        if index < 2:  # the process's first request, and the first after it
            breakdowns.append([{"table": _table(q["sql"]), "origin": q["origin"]} for q in log.queries])
    return {
        "first_request": per_request[0],
        "per_request": per_request[1:],
        "first_breakdown": breakdowns[0],
        "breakdown": breakdowns[1],
    }


def page_time(requests, warmup=30):
    """Median time of the article page over ``requests`` distinct articles (after a warm-up on others)."""
    paths = article_paths(requests + warmup)
    client = _client()
    for path in paths[:warmup]:
        _get(client, path)
    times = []
    for path in paths[warmup:]:
        started = time.perf_counter()
        _get(client, path)
        times.append(time.perf_counter() - started)
    times.sort()
    return {
        "requests": len(times),
        "median_s": common.median(times),
        "p95_s": times[int(0.95 * (len(times) - 1))],
        "articles": len(article_paths()),
    }


def search(word, runs, long_query_chars=5000):
    """The app's search for the first page (the total and 20 articles), uncached and cached, vs the
    bare SQL it runs on a cache miss."""
    from django.core.paginator import Paginator
    from django.db import connection
    from django.test import override_settings

    from steunpunt.information.search import RESULTS_PER_PAGE, find_articles, normalise

    def app(raw_query):
        # What the search view does for its data: cap and normalise, search, count, one page.
        paginator = Paginator(find_articles(normalise(raw_query)), RESULTS_PER_PAGE)
        page = paginator.get_page(None)
        return paginator.count, [article.pk for article in page.object_list]

    def uncached(raw_query):
        with override_settings(SEARCH_CACHE_SECONDS=0):
            return app(raw_query)

    def cached(raw_query):
        with override_settings(SEARCH_CACHE_SECONDS=300):
            return app(raw_query)

    # Each process reads the vocabulary, synonyms and glossary once per content generation: not
    # part of a search's statements.
    uncached(word)
    log = QueryLog()
    with connection.execute_wrapper(log):
        total, first_page = uncached(word)
    # The search's own statements: the ranking (ids and total) and the page's articles; not the
    # vocabulary, synonyms and glossary (read once per content generation) nor Django's lookups.
    statements = [
        (q["sql"], q["params"])
        for q in log.queries
        if "searchposting" in q["sql"].lower() or "information_articlepage" in q["sql"].lower()
    ]
    cached(word)  # keep the ranking
    cached_log = QueryLog()
    with connection.execute_wrapper(cached_log):
        cached_total, cached_page = cached(word)
    if (cached_total, cached_page) != (total, first_page):
        raise RuntimeError("the cached search differs from the uncached one")
    raw_cursor = connection.connection.cursor()  # psycopg's own cursor: no Django in between

    def bare():
        for sql, params in statements:
            raw_cursor.execute(sql, params)
            raw_cursor.fetchall()

    def bare_one(index):
        sql, params = statements[index]
        raw_cursor.execute(sql, params)
        raw_cursor.fetchall()

    def timed(function, *args):
        started = time.perf_counter()
        function(*args)
        return time.perf_counter() - started

    for _ in range(2):  # warm both, so neither pays for a cold cache alone
        uncached(word)
        bare()
    app_times, bare_times, cached_times = [], [], []
    per_statement = [[] for _ in statements]
    for run in range(runs):
        pair = [("app", lambda: timed(uncached, word)), ("bare", lambda: timed(bare))]
        for name, measure in pair if run % 2 == 0 else reversed(pair):
            (app_times if name == "app" else bare_times).append(measure())
        for index in range(len(statements)):
            per_statement[index].append(timed(bare_one, index))
    for _ in range(max(50, runs)):
        cached_times.append(timed(cached, word))

    long_query = " ".join([word] * (long_query_chars // (len(word) + 1)))
    long_times = [timed(uncached, long_query) for _ in range(max(3, runs // 3))]

    explains = []
    for sql, params in statements:
        raw_cursor.execute("EXPLAIN (ANALYZE, BUFFERS) " + sql, params)
        explains.append("\n".join(row[0] for row in raw_cursor.fetchall()))
    return {
        "word": word,
        "total": total,
        "first_page": len(first_page),
        "articles": len(article_paths()),
        "statements": [sql for sql, _params in statements],
        "app_median_s": common.median(app_times),
        "bare_median_s": common.median(bare_times),
        "cached_median_s": common.median(cached_times),
        "statement_medians_s": [common.median(times) for times in per_statement],
        "long_query_chars": len(long_query),
        "long_query_median_s": common.median(long_times),
        "queries_in_app": [{"table": _table(q["sql"]), "origin": q["origin"]} for q in log.queries],
        "queries_cached": [{"table": _table(q["sql"]), "origin": q["origin"]} for q in cached_log.queries],
        "explain": explains,
    }


def suggest_prefixes(count=400, seed=8):
    """What people type while a suggestion is asked: the first 2–7 letters of words of the article
    titles and of the vocabulary, and a first word with the start of a second (a fixed shuffle)."""
    from steunpunt.information import analysis
    from steunpunt.information.models import ArticlePage, SearchTerm

    rng = random.Random(seed)  # noqa: S311  (a fixed sample, not a secret)
    titles = list(ArticlePage.objects.live().order_by("pk").values_list("title", flat=True)[::25][:2000])
    words = [word for title in titles for word in analysis.words(title) if analysis.is_content_word(word)]
    words += list(SearchTerm.objects.order_by("-articles").values_list("word", flat=True)[:2000])
    prefixes = []
    while len(prefixes) < count:
        word = rng.choice(words)
        if len(word) < 3:
            continue
        if rng.random() < 0.2:
            title = analysis.words(rng.choice(titles))
            if len(title) >= 2:
                prefixes.append(f"{title[0]} {title[1][: rng.randint(2, 4)]}")
                continue
        prefixes.append(word[: rng.randint(2, min(7, len(word)))])
    return prefixes


def suggest(runs):
    """Suggestions while typing: building the in-process lists once per generation, then one
    suggestion uncached (the lists in memory, the answer not yet in the cache) and cached."""
    from django.test import override_settings

    from steunpunt.findability import suggest as module

    prefixes = suggest_prefixes()
    started = time.perf_counter()
    module._lists()
    build = time.perf_counter() - started
    lists = module._lists()
    uncached, cached = [], []
    with override_settings(SEARCH_CACHE_SECONDS=0):
        for _run in range(runs):
            for prefix in prefixes:
                started = time.perf_counter()
                module.suggestions(prefix)
                uncached.append(time.perf_counter() - started)
    with override_settings(SEARCH_CACHE_SECONDS=300):
        for prefix in prefixes:
            module.suggestions(prefix)
        for prefix in prefixes:
            started = time.perf_counter()
            module.suggestions(prefix)
            cached.append(time.perf_counter() - started)
    client = _client()
    requests = []
    for prefix in prefixes:
        started = time.perf_counter()
        _get(client, "/zoeken/suggesties/?" + urlencode({"q": prefix}))
        requests.append(time.perf_counter() - started)

    def p95(values):
        return sorted(values)[int(0.95 * (len(values) - 1))]

    return {
        "prefixes": len(prefixes),
        "prefix_list": prefixes,
        "titles": len(lists.titles),
        "title_words": len(lists.title_words),
        "words": len(lists.words),
        "build_s": build,
        "uncached_median_s": statistics.median(uncached),
        "uncached_p95_s": p95(uncached),
        "cached_p95_s": p95(cached),
        "request_p95_s": p95(requests),
        "examples": {prefix: [item.label for item in module.suggestions(prefix)] for prefix in prefixes[:5]},
    }


def run_child(command, db_url, *options):
    """Run one measurement in a child process and return its JSON."""
    result = common.run(
        [common.PYTHON, Path(__file__), command, "--database-url", db_url, *options],
        env=common.app_env(db_url),
        capture=True,
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("command", choices=["queries", "page-time", "search", "suggest"])
    parser.add_argument("--database-url", default=common.database_url())
    parser.add_argument("--articles", type=int, default=40)
    parser.add_argument("--requests", type=int, default=300)
    parser.add_argument("--word", default="school")
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    common.setup_django(args.database_url)
    if args.command == "queries":
        result = queries(args.articles)
    elif args.command == "page-time":
        result = page_time(args.requests)
    elif args.command == "suggest":
        result = suggest(args.runs)
    else:
        result = search(args.word, args.runs)
    print(json.dumps(result))


if __name__ == "__main__":
    main()
