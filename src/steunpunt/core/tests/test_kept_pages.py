"""Kept pages answered before Django builds a request (core.kept_pages, around steunpunt.wsgi): only what
the page cache answered, only to the same request, and never after a change of content."""

import io
import time

import pytest
from django.core.cache import cache
from django.core.handlers.wsgi import WSGIHandler
from django.core.signals import request_finished, request_started
from django.db import close_old_connections

from steunpunt.core import page_cache
from steunpunt.core.kept_pages import KeptPagesApplication
from steunpunt.information.models import GlossaryTerm
from steunpunt.information.tests.factories import ArticlePageFactory
from steunpunt.tenants.tests.factories import SupportPointFactory

pytestmark = pytest.mark.django_db
ARTICLE = "/informatie/thuiszitten/"


class Counted:
    """Django's own WSGI application, counting the requests that reach it."""

    def __init__(self):
        self.django = WSGIHandler()
        self.calls = 0

    def __call__(self, environ, start_response):
        self.calls += 1
        return self.django(environ, start_response)


@pytest.fixture
def django_app(platform, settings):
    # As Django's test client does: a request must not close the test's open transaction.
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    settings.PAGE_CACHE_SECONDS = 300
    cache.clear()
    SupportPointFactory(hostname="noord.localhost")
    SupportPointFactory(hostname="midden.localhost")
    ArticlePageFactory(slug="thuiszitten", title="Thuiszitten", youth=True)
    yield Counted()
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture
def app(django_app):
    return KeptPagesApplication(django_app)


def call(app, path, *, host="noord.localhost", method="GET", **environ):
    path, _, query = path.partition("?")
    environ = {
        "REQUEST_METHOD": method,
        "SCRIPT_NAME": "",
        "PATH_INFO": path,
        "QUERY_STRING": query,
        "SERVER_NAME": "127.0.0.1",
        "SERVER_PORT": "8000",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "REMOTE_ADDR": "127.0.0.1",
        "HTTP_HOST": host,
        "wsgi.version": (1, 0),
        "wsgi.url_scheme": "http",
        "wsgi.input": io.BytesIO(b""),
        "wsgi.errors": io.StringIO(),
        "wsgi.multithread": False,
        "wsgi.multiprocess": True,
        "wsgi.run_once": False,
        **environ,
    }
    answer = {}

    def start_response(status, headers, exc_info=None):
        answer["status"], answer["headers"] = status, headers

    result = app(environ, start_response)
    try:
        body = b"".join(result)
    finally:
        if hasattr(result, "close"):
            result.close()
    return answer["status"], dict(answer["headers"]), body


def test_a_page_the_page_cache_answered_is_answered_again_without_django(app, django_app):
    status, headers, body = call(app, ARTICLE)
    assert status == "200 OK" and headers["X-Page-Cache"] == "miss" and django_app.calls == 1
    again_status, again_headers, again_body = call(app, ARTICLE)
    assert django_app.calls == 1
    assert again_status == status and again_body == body and b"Thuiszitten" in body
    # The same answer, security headers included; only the cache's mark says it was kept.
    assert again_headers == {**headers, "X-Page-Cache": "hit"}
    assert "Content-Security-Policy" in again_headers and again_headers["X-Content-Type-Options"] == "nosniff"


# Every part of a request the answer depends on, changed one at a time.
OTHER_REQUESTS = [
    (ARTICLE, "midden.localhost", "GET", {}),
    (ARTICLE, "noord.localhost:8000", "GET", {}),
    (ARTICLE + "?x=1", "noord.localhost", "GET", {}),
    (ARTICLE, "noord.localhost", "GET", {"HTTP_X_FORWARDED_HOST": "midden.localhost"}),
    (ARTICLE, "noord.localhost", "GET", {"HTTP_X_FORWARDED_PROTO": "https"}),
    (ARTICLE, "noord.localhost", "GET", {"wsgi.url_scheme": "https"}),
    (ARTICLE, "noord.localhost", "GET", {"HTTP_COOKIE": "sessionid=abc"}),
    (ARTICLE, "noord.localhost", "GET", {"HTTP_AUTHORIZATION": "Basic YTpi"}),
    (ARTICLE, "noord.localhost", "HEAD", {}),
    (ARTICLE, "noord.localhost", "POST", {}),
    ("/en" + ARTICLE, "noord.localhost", "GET", {}),
]


def test_any_other_request_is_answered_by_django(app, django_app):
    call(app, ARTICLE)
    call(app, ARTICLE)
    assert django_app.calls == 1
    for number, (path, host, method, environ) in enumerate(OTHER_REQUESTS, 2):
        call(app, path, host=host, method=method, **environ)
        assert django_app.calls == number, (path, host, method, environ)


def test_another_steunpunts_host_never_gets_a_page_kept_for_the_first(app, django_app):
    _, _, noord = call(app, "/")
    _, _, midden = call(app, "/", host="midden.localhost")
    assert django_app.calls == 2 and noord != midden
    assert call(app, "/", host="midden.localhost")[2] == midden
    assert call(app, "/")[2] == noord
    assert django_app.calls == 2


@pytest.mark.parametrize("path", ["/vraag/", "/zoeken/?q=school", "/bestaat-niet/", "/admin/login/"])
def test_forms_searches_errors_and_the_back_office_are_never_kept(app, django_app, path):
    call(app, path)
    call(app, path)
    assert django_app.calls == 2


def test_a_visitor_with_a_cookie_never_gets_a_kept_page_and_never_makes_one(app, django_app):
    call(app, ARTICLE, HTTP_COOKIE="csrftoken=abc")
    call(app, ARTICLE)
    assert django_app.calls == 2


def test_a_change_of_content_made_in_this_process_is_answered_at_once(app, django_app, settings):
    settings.PAGE_CACHE_RECHECK_MS = 60_000
    call(app, "/begrippen/")
    GlossaryTerm.objects.create(slug="opp", term="OPP", explanation="Het ontwikkelingsperspectief.")
    _, headers, body = call(app, "/begrippen/")
    assert django_app.calls == 2 and headers["X-Page-Cache"] == "miss" and b"OPP" in body


def test_a_change_made_by_another_process_is_seen_within_the_recheck_interval(app, django_app, settings):
    settings.PAGE_CACHE_RECHECK_MS = 60_000
    call(app, ARTICLE)
    # Another process changes content: it moves the shared generation on, this process does not know yet.
    cache.incr(page_cache.GENERATION_KEY)
    call(app, ARTICLE)
    assert django_app.calls == 1, "within the interval the process keeps its last generation"
    settings.PAGE_CACHE_RECHECK_MS = 0
    call(app, ARTICLE)
    assert django_app.calls == 2, "after the interval the next request asks the shared cache"


def test_with_a_purged_front_cache_a_change_by_another_process_is_seen_at_the_next_request(
    app, django_app, settings
):
    """Else a page answered from the last generation just after a publish could be stored in nginx again
    after its purge."""
    settings.PAGE_CACHE_RECHECK_MS = 60_000
    settings.WAGTAILFRONTENDCACHE = {
        "nginx": {"BACKEND": "steunpunt.core.front_cache.NginxPurgeBackend", "LOCATION": "http://127.0.0.1:9"}
    }
    call(app, ARTICLE)
    call(app, ARTICLE)
    assert django_app.calls == 1
    cache.incr(page_cache.GENERATION_KEY)
    call(app, ARTICLE)
    assert django_app.calls == 2


def test_a_page_is_kept_no_longer_than_the_page_cache_keeps_it(app, django_app):
    call(app, ARTICLE)
    (entry_key,) = app._pages
    # The page cache's time has passed.
    app._pages.keep(entry_key, app._pages.get(entry_key), time.monotonic() - 1)
    call(app, ARTICLE)
    assert django_app.calls == 2


def test_without_the_page_cache_nothing_is_kept(app, django_app, settings):
    settings.PAGE_CACHE_SECONDS = 0
    call(app, ARTICLE)
    call(app, ARTICLE)
    assert django_app.calls == 2 and not app._pages


def test_the_production_application_keeps_pages():
    from steunpunt import wsgi

    assert isinstance(wsgi.application, KeptPagesApplication)
