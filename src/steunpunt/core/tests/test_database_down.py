"""R5 (quality.md): with the database down, every page answers a friendly Dutch 503 quickly, never a
traceback. The real production server (gunicorn, production settings) talks to a PostgreSQL address
where nothing answers."""

import time
import urllib.error
import urllib.parse
import urllib.request

import pytest

from .servers import TcpProxy, closed_port, gunicorn

PATHS = [
    ("GET", "/"),
    ("GET", "/informatie/"),
    ("GET", "/informatie/passend-onderwijs/"),
    ("GET", "/zoeken/?q=school"),
    ("GET", "/vraag/"),
    ("POST", "/vraag/"),
    ("GET", "/mijn-vraag/ABCDEFGHIJ/"),
    ("GET", "/evaluatie/ABCDEFGHIJ/"),
    ("GET", "/sitemap.xml"),
    ("GET", "/admin/"),
    ("GET", "/admin/login/"),
    ("POST", "/admin/login/"),
    ("GET", "/admin/vragen/"),
]


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def _ask(port, method, path, host):
    data = urllib.parse.urlencode({"question": "Mijn zoon", "username": "a", "password": "b"}).encode()
    request = urllib.request.Request(
        f"http://127.0.0.1:{port}{path}",
        method=method,
        data=data if method == "POST" else None,
        headers={"Host": host, "Accept-Language": "nl"},
    )
    opener = urllib.request.build_opener(_NoRedirect)
    try:
        with opener.open(request, timeout=10) as answer:
            return answer.status, dict(answer.headers), answer.read().decode()
    except urllib.error.HTTPError as answer:
        return answer.code, dict(answer.headers), answer.read().decode()


@pytest.fixture
def server_without_database(tmp_path):
    # An address where no database listens: the server starts, every connection attempt is refused.
    with (
        closed_port() as database_port,
        gunicorn(
            tmp_path,
            DATABASE_URL=f"postgres://postgres@127.0.0.1:{database_port}/steunpunt",
            ALLOWED_HOSTS="127.0.0.1,.example",
            SECURE_SSL_REDIRECT="0",
        ) as port,
    ):
        yield port, tmp_path


def test_with_the_database_down_every_page_answers_a_dutch_503_within_a_second(
    server_without_database,
):
    port, tmp_path = server_without_database
    _ask(port, "GET", "/health/", "127.0.0.1")  # the worker has loaded every module once
    for host in ("noord.example", "127.0.0.1"):
        for method, path in PATHS:
            started = time.monotonic()
            status, headers, body = _ask(port, method, path, host)
            elapsed = time.monotonic() - started
            where = f"{method} {host}{path}"
            assert status == 503, where
            assert elapsed < 1.0, f"{where} took {elapsed:.2f} s"
            assert "De website is even niet bereikbaar" in body, where
            assert "Probeer het over een paar minuten opnieuw." in body, where
            for leak in ("Traceback", "OperationalError", "psycopg", "connection", "5432"):
                assert leak not in body, f"{where} shows {leak}"
            assert headers["Retry-After"] == "30", where
            assert "no-store" in headers["Cache-Control"], where
            # The security headers of S2 hold for this answer too.
            assert "object-src 'none'" in headers["Content-Security-Policy"], where
            assert headers["X-Content-Type-Options"] == "nosniff", where
    # The fault is logged for the operators, with its cause, outside the answer.
    assert "Connection refused" in (tmp_path / "stderr.log").read_text()


def test_with_the_database_down_the_health_check_names_it(server_without_database):
    port, _ = server_without_database
    status, _headers, body = _ask(port, "GET", "/health/", "127.0.0.1")
    assert status == 503
    assert '"database": {"status": "fail"' in body


def test_when_postgresql_goes_away_the_pages_answer_503_and_work_again_when_it_is_back(
    tmp_path, transactional_db
):
    """A running server whose database goes away (a restart, a failover) and comes back: the kept
    connection breaks, the pages answer the 503 at once, and work again without restarting the app.

    The server talks to PostgreSQL through a proxy that can cut every connection. With the tests on
    PostgreSQL it is the test database with a steunpunt in it; with the tests on SQLite it is the
    server's own ``postgres`` database, and the health check shows the same."""
    from django.db import connection

    from steunpunt.portal.services import platform_site_ensure
    from steunpunt.tenants.tests.factories import SupportPointFactory

    on_postgresql = connection.vendor == "postgresql"
    if on_postgresql:
        platform_site_ensure(port=80)
        SupportPointFactory(hostname="noord.example")
    settings = connection.settings_dict
    database = settings["NAME"] if on_postgresql else "postgres"
    proxy = TcpProxy((settings.get("HOST") or "127.0.0.1", int(settings.get("PORT") or 5432)))
    proxy.start()
    # The sitemap reads the steunpunt's pages and needs no collected static files.
    page = ("noord.example", "/sitemap.xml") if on_postgresql else ("127.0.0.1", "/health/")
    try:
        with gunicorn(
            tmp_path,
            DATABASE_URL=f"postgres://postgres@127.0.0.1:{proxy.port}/{database}",
            ALLOWED_HOSTS="127.0.0.1,.example",
            SECURE_SSL_REDIRECT="0",
            DATABASE_CONN_MAX_AGE="600",
        ) as port:

            def answers_normally():
                status, _headers, body = _ask(port, "GET", page[1], page[0])
                if on_postgresql:
                    return status == 200
                return '"database": {"status": "ok"' in body  # the tables are not there, the rest is

            assert answers_normally()
            assert answers_normally()  # through the kept connection

            proxy.cut()  # the database is gone, and so is the kept connection
            for method, path in (("GET", page[1]), ("GET", "/informatie/"), ("GET", "/zoeken/?q=school")):
                started = time.monotonic()
                status, headers, body = _ask(port, method, path, page[0])
                assert time.monotonic() - started < 1.0
                if path == "/health/":
                    assert status == 503 and '"database": {"status": "fail"' in body
                else:
                    assert status == 503, (method, path)
                    assert "De website is even niet bereikbaar" in body
                    assert "Traceback" not in body and headers["Retry-After"] == "30"

            proxy.start()  # it is back: the next request connects again
            assert answers_normally()
    finally:
        proxy.cut()
