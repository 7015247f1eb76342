"""The in-process cost of a page-cache hit with the cache on Redis: the whole middleware chain, no server.

    .venv/bin/python bench/page_cache_hit.py [--redis redis://127.0.0.1:6379/1] [--requests 5000]

Builds a scratch SQLite database (``--database``, migrated once) with one steunpunt, empties the given
Redis database, asks the steunpunt's home page once to fill the page cache, then times ``--requests``
hits through Django's WSGI handler and counts the Redis commands and client objects per hit. Prints
JSON. Use a Redis database nothing else uses: it is emptied.
"""

import argparse
import json
import os
import statistics
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--redis", default="redis://127.0.0.1:6379/1")
    parser.add_argument("--database", default="/tmp/steunpunt-page-cache-hit.sqlite3")  # noqa: S108
    parser.add_argument("--requests", type=int, default=5000)
    args = parser.parse_args()

    sys.path.insert(0, str(REPO / "src"))
    os.environ.update(
        DJANGO_SETTINGS_MODULE="steunpunt.conf.test",
        CACHE_URL=args.redis,
        DATABASE_URL=f"sqlite:///{args.database}",
    )
    import django

    django.setup()
    import redis
    from django.conf import settings
    from django.core.cache import cache
    from django.core.handlers.wsgi import WSGIHandler
    from django.core.management import call_command
    from django.test import RequestFactory

    # As in production: the page cache on, WhiteNoise without the test settings' per-request file scan.
    settings.PAGE_CACHE_SECONDS = 300
    settings.WHITENOISE_AUTOREFRESH = settings.WHITENOISE_USE_FINDERS = False
    call_command("migrate", verbosity=0)
    from steunpunt.portal.services import platform_site_ensure
    from steunpunt.tenants.models import SupportPoint
    from steunpunt.tenants.services import support_point_create

    platform_site_ensure()
    if not SupportPoint.objects.filter(site__hostname="noord.localhost").exists():
        support_point_create(name="Steunpunt Noord", hostname="noord.localhost", partnership_codes=["PO2001"])
    cache.clear()

    handler = WSGIHandler()
    environ = RequestFactory()._base_environ(PATH_INFO="/informatie/", HTTP_HOST="noord.localhost")

    def hit():
        answer = {}
        body = b"".join(
            handler(dict(environ), lambda status, headers: answer.update(status=status, headers=headers))
        )
        return answer["status"], dict(answer["headers"]), body

    hit()
    status, headers, _body = hit()
    assert status.startswith("200") and headers.get("X-Page-Cache") == "hit", (status, headers)

    commands, clients = [0], [0]
    execute, init = redis.Redis.execute_command, redis.Redis.__init__

    def counting_execute(self, *command, **options):
        commands[0] += 1
        return execute(self, *command, **options)

    def counting_init(self, *a, **k):
        clients[0] += 1
        init(self, *a, **k)

    redis.Redis.execute_command, redis.Redis.__init__ = counting_execute, counting_init
    for _ in range(200):
        hit()
    per_hit = {"redis_commands": commands[0] / 200, "redis_clients_built": clients[0] / 200}
    redis.Redis.execute_command, redis.Redis.__init__ = execute, init

    times = []
    for _ in range(args.requests):
        start = time.perf_counter()
        hit()
        times.append(time.perf_counter() - start)
    times.sort()
    print(
        json.dumps(
            {
                "requests": args.requests,
                "median_ms": round(statistics.median(times) * 1000, 3),
                "p95_ms": round(times[int(len(times) * 0.95)] * 1000, 3),
                "mean_ms": round(statistics.fmean(times) * 1000, 3),
                **per_hit,
            }
        )
    )
    cache.clear()


if __name__ == "__main__":
    main()
