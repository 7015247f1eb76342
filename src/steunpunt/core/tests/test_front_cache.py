"""The front cache of the production stack: a real nginx with deploy/nginx/steunpunt.conf in front of the
test server. Public pages for visitors without a session are kept (the app says so with s-maxage);
sessions, the back office, forms and the health check never are; publishing an article purges it on
every steunpunt's host; a PURGE from another address is refused; a request cannot put one steunpunt's
page under another's key, and hosts that are no steunpunt's never reach the cache."""

import http.client
import importlib.util
import os
import re
import shutil
import socket
import subprocess
import time
from pathlib import Path
from urllib.parse import urlencode, urlsplit

import pytest

from steunpunt.information import usage
from steunpunt.information.models import ArticlePage, ArticleView
from steunpunt.information.tests.factories import ArticlePageFactory
from steunpunt.tenants.tests.factories import SupportPointFactory

from .servers import listening_socket

REPO = Path(__file__).resolve().parents[4]
HOSTS = ("noord.localhost", "zuid.localhost")
ARTICLE = "/informatie/thuiszitten/"
# The same article in Arabic (issue 17): a page of its own in the cache, purged with the Dutch one.
ARTICLE_AR = "/ar/informatie/thuiszitten/"

MAIN_CONF = """\
load_module {module};
{user}
worker_processes 1;
daemon off;
pid {tmp}/nginx.pid;
error_log {tmp}/main-error.log warn;
events {{ worker_connections 64; }}
http {{
    client_body_temp_path {tmp}/client_body;
    proxy_temp_path {tmp}/proxy;
    fastcgi_temp_path {tmp}/fastcgi;
    uwsgi_temp_path {tmp}/uwsgi;
    scgi_temp_path {tmp}/scgi;
    include {tmp}/steunpunt.conf;
}}
"""


def _renderer():
    spec = importlib.util.spec_from_file_location("nginx_render", REPO / "deploy" / "nginx" / "render.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


class Front:
    """nginx on 127.0.0.1:port in front of the live server."""

    def __init__(self, port, tmp):
        self.port, self.tmp = port, tmp

    def request(self, path, *, host=HOSTS[0], method="GET", headers=None, source="127.0.0.1", body=None):
        connection = http.client.HTTPConnection(
            "127.0.0.1", self.port, timeout=20, source_address=(source, 0)
        )
        try:
            connection.request(
                method, path, body=body, headers={"Host": f"{host}:{self.port}", **(headers or {})}
            )
            response = connection.getresponse()
            return response.status, response.headers, response.read().decode(errors="replace")
        finally:
            connection.close()

    def cache_status(self, path, **kwargs):
        return self.request(path, **kwargs)[1].get("X-Cache-Status")


@pytest.fixture
def front(live_server, tmp_path, settings):
    render = _renderer()
    nginx = shutil.which("nginx") or shutil.which("nginx", path="/usr/sbin:/sbin")
    assert nginx and render.PURGE_MODULE.exists(), (
        "nginx or its purge module is missing: make system-packages"
    )
    tmp_path.chmod(0o755)
    # nginx inherits a socket that listens already (its NGINX variable, as in a binary upgrade), so
    # no other process can take the port between choosing it and nginx's start.
    listener = listening_socket()
    port = listener.getsockname()[1]
    (tmp_path / "steunpunt.conf").write_text(
        render.render(
            listen=f"127.0.0.1:{port}",
            upstream=urlsplit(live_server.url).netloc,
            cache_dir=tmp_path / "cache",
            cache_max_size="10m",
            access_log=tmp_path / "access.log",
            error_log=tmp_path / "error.log",
        )
    )
    (tmp_path / "nginx.conf").write_text(
        MAIN_CONF.format(
            module=render.PURGE_MODULE,
            tmp=tmp_path,
            # Started by root, nginx's workers would run as nobody, who cannot write the test's cache.
            user="user root;" if os.geteuid() == 0 else "",
        )
    )
    process = subprocess.Popen(
        [nginx, "-p", tmp_path, "-e", tmp_path / "main-error.log", "-c", tmp_path / "nginx.conf"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env={**os.environ, "NGINX": f"{listener.fileno()};"},
        pass_fds=[listener.fileno()],
    )
    listener.close()  # nginx has its own copy
    try:
        # The socket listened before nginx ran: nginx is ready once it has written its pid file.
        deadline = time.monotonic() + 30
        while not (tmp_path / "nginx.pid").exists():
            assert process.poll() is None, process.stderr.read().decode()
            assert time.monotonic() < deadline, "nginx did not start"
            time.sleep(0.05)
        settings.WAGTAILFRONTENDCACHE = {
            "nginx": {
                "BACKEND": "steunpunt.core.front_cache.NginxPurgeBackend",
                "LOCATION": f"http://127.0.0.1:{port}",
            }
        }
        yield Front(port, tmp_path)
    finally:
        process.terminate()
        process.wait(timeout=10)


@pytest.fixture
def article(transactional_db, platform):
    for host in HOSTS:
        SupportPointFactory(hostname=host, name=f"Steunpunt {host.split('.')[0].title()}")
    return ArticlePageFactory(slug="thuiszitten", title="Thuiszitten")


def test_an_anonymous_article_page_is_kept_and_publishing_purges_it_on_every_host(front, article):
    for host in HOSTS:
        status, headers, body = front.request(ARTICLE, host=host)
        assert (status, headers["X-Cache-Status"]) == (200, "MISS") and "Thuiszitten" in body
        assert "s-maxage=" in headers["Cache-Control"] and "Set-Cookie" not in headers
        status, headers, again = front.request(ARTICLE, host=host)
        assert (status, headers["X-Cache-Status"], again) == (200, "HIT", body)
    assert front.cache_status(ARTICLE, method="HEAD") == "HIT"
    status, headers, arabic = front.request(ARTICLE_AR)
    assert (status, headers["X-Cache-Status"]) == (200, "MISS") and 'lang="ar"' in arabic
    assert front.cache_status(ARTICLE_AR) == "HIT"

    # Pages nginx served never reached the app: the image in the page counts each read, and is
    # never kept (2 pages per host, each with its image loaded once).
    counter = re.search(r'<img src="(/gelezen/[^"]+)"', body).group(1)
    for host in HOSTS:
        for _ in range(2):
            status, headers, _body = front.request(counter, host=host)
            assert status == 200 and headers.get("X-Cache-Status") != "HIT"
            assert headers["Content-Type"] == "image/gif" and "Set-Cookie" not in headers
    usage.flush()
    assert sorted(ArticleView.objects.values_list("views", flat=True)) == [2, 2]

    article = ArticlePage.objects.get(pk=article.pk)
    article.title = "Thuiszitten, bijgewerkt"
    article.save_revision().publish()

    for host in HOSTS:
        status, headers, body = front.request(ARTICLE, host=host)
        assert (status, headers["X-Cache-Status"]) == (200, "MISS") and "Thuiszitten, bijgewerkt" in body
        assert front.cache_status(ARTICLE, host=host) == "HIT"
    status, headers, arabic = front.request(ARTICLE_AR)
    assert (status, headers["X-Cache-Status"]) == (200, "MISS") and "Thuiszitten, bijgewerkt" in arabic

    article.unpublish()
    assert front.request(ARTICLE)[0] == 404


def test_sessions_the_back_office_forms_and_the_health_check_are_never_kept(front, article):
    for cookie in ("sessionid=abc", "__Host-sessionid=abc", "a=1; sessionid=abc"):
        for _ in range(2):
            assert front.cache_status(ARTICLE, headers={"Cookie": cookie}) == "BYPASS"
    for path in ("/admin/login/", "/vraag/", "/health/", "/zoeken/?q=school", "/mijn-vraag/geheim123/"):
        first = front.request(path)
        second = front.request(path)
        assert second[1].get("X-Cache-Status") != "HIT", path
        assert "s-maxage" not in (first[1].get("Cache-Control") or ""), path
        if path in ("/admin/login/", "/vraag/"):
            # Each visitor gets a cookie of its own, never one kept for someone else.
            assert first[1]["Set-Cookie"] != second[1]["Set-Cookie"], path
    # The page of a visitor without a session is kept, and with it no cookie of anyone.
    front.request(ARTICLE)
    assert front.cache_status(ARTICLE) == "HIT"
    kept = b"".join(path.read_bytes() for path in (front.tmp / "cache").rglob("*") if path.is_file())
    assert b"Thuiszitten" in kept and b"Set-Cookie" not in kept and b"csrftoken" not in kept
    # The access log holds neither the code of a private link nor a query string.
    log = (front.tmp / "access.log").read_text()
    assert "/mijn-vraag/.../" in log and "geheim123" not in log and "q=school" not in log


def test_a_purge_from_another_address_is_refused(front, article):
    front.request(ARTICLE)
    assert front.request(ARTICLE, method="PURGE", source="127.0.0.2")[0] == 403
    assert front.cache_status(ARTICLE) == "HIT"
    assert front.request(ARTICLE, method="PURGE")[0] == 200
    assert front.cache_status(ARTICLE) == "MISS"


def test_a_regional_supplement_purges_its_article_on_its_own_host_only(
    db, platform, settings, monkeypatch, django_capture_on_commit_callbacks
):
    from steunpunt.information.models import RegionalSupplement

    noord, _zuid = (SupportPointFactory(hostname=host) for host in HOSTS)
    article = ArticlePageFactory(slug="thuiszitten")
    settings.WAGTAILFRONTENDCACHE = {
        "nginx": {"BACKEND": "steunpunt.core.front_cache.NginxPurgeBackend", "LOCATION": "http://127.0.0.1:9"}
    }
    purged = []
    monkeypatch.setattr("wagtail.contrib.frontend_cache.utils.purge_urls_from_cache", purged.extend)
    with django_capture_on_commit_callbacks(execute=True):
        RegionalSupplement.objects.create(
            article=article, support_point=noord, body=[("paragraph", "Bel ons.")]
        )
    assert "http://noord.localhost/informatie/thuiszitten/" in purged
    for code in ("en", "ar", "tr", "pl", "uk"):
        assert f"http://noord.localhost/{code}/informatie/thuiszitten/" in purged
    assert all(url.startswith("http://noord.localhost/") for url in purged)


def test_a_request_line_naming_another_steunpunt_than_its_host_header_never_poisons_the_cache(front, article):
    """The attack: an absolute address of Noord in the request line with Zuid's Host header. nginx
    keyed on the request line's host but forwarded the Host header, so Zuid's page was kept under
    Noord's key. Now such a request is refused, and every visitor gets the page of the host asked."""
    noord, zuid = HOSTS
    poison = f"http://{noord}:{front.port}/informatie/?x=1"
    for _ in range(2):
        status, _headers, body = front.request(poison, host=zuid)
        assert status == 400 and "Steunpunt Zuid" not in body
    # The same address without a Host header (HTTP/1.0) is refused as well.
    raw = socket.create_connection(("127.0.0.1", front.port), timeout=20)
    with raw:
        raw.sendall(f"GET {poison} HTTP/1.0\r\n\r\n".encode())
        assert raw.recv(64).startswith(b"HTTP/1.1 400 ")
    # An absolute address with its own host in the Host header is an ordinary request, kept under its key.
    status, headers, body = front.request(poison, host=noord.upper())
    assert (status, headers["X-Cache-Status"]) == (200, "MISS")
    assert "Steunpunt Noord" in body and "Steunpunt Zuid" not in body
    for _ in range(2):
        for host, name, other in (
            (noord, "Steunpunt Noord", "Steunpunt Zuid"),
            (zuid, "Steunpunt Zuid", "Steunpunt Noord"),
        ):
            status, headers, body = front.request("/informatie/?x=1", host=host)
            assert status == 200 and name in body and other not in body
    assert front.cache_status("/informatie/?x=1", host=zuid) == "HIT"


def test_hosts_that_are_no_steunpunts_never_reach_the_cache(front, article, settings):
    """A host outside nginx's server names gets 421 from nginx itself; a name inside them that no
    steunpunt has gets the app's 404, which is never kept. The load balancer's health check by
    address still passes."""
    for _ in range(2):
        status, headers, _body = front.request(ARTICLE, host="onbekend.example")
        assert status == 421 and "X-Cache-Status" not in headers
        status, headers, _body = front.request(ARTICLE, host="onbekend.localhost")
        assert status == 404 and headers.get("X-Cache-Status") == "MISS"
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "10.0.0.7"]
    status, headers, _body = front.request("/health/", host="10.0.0.7")
    assert status == 200 and "X-Cache-Status" not in headers
    front.request(ARTICLE)
    kept = [path.read_bytes() for path in (front.tmp / "cache").rglob("*") if path.is_file()]
    assert len(kept) == 1 and b"onbekend" not in kept[0]


def _send_form(server, path, data, *, source, headers=None):
    """A browser at ``source``: GET the form (for its CSRF cookie and token), then POST it."""
    status, answer, body = server.request(path, source=source, headers=headers)
    assert status == 200, (path, status)
    cookie = re.search(r"csrftoken=([^;]+)", answer["Set-Cookie"]).group(1)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', body).group(1)
    return server.request(
        path,
        method="POST",
        source=source,
        body=urlencode({**data, "csrfmiddlewaretoken": token}, doseq=True),
        headers={
            "Cookie": f"csrftoken={cookie}",
            "Content-Type": "application/x-www-form-urlencoded",
            **(headers or {}),
        },
    )[0]


CALLBACK = {"requester_phone": "06 12345678", "days": ["maandag"], "parts": ["ochtend"], "consent": "on"}


def test_behind_nginx_each_visitor_has_a_form_limit_of_its_own(front, article, settings, live_server):
    """The attack: behind nginx every visitor's address was nginx's, so after a few forms from one
    visitor the next visitor was refused at once. Now the limit counts the address nginx saw (nginx is
    a trusted proxy), and an X-Forwarded-For that a visitor sends itself changes nothing."""
    settings.TRUSTED_PROXIES = ["127.0.0.1"]
    settings.PUBLIC_FORM_RATE = settings.PUBLIC_FORM_RATE_UNVERIFIED = "2/h"
    first, second = "127.0.0.2", "127.0.0.3"
    # As a browser sends it, with its Origin (nginx gives the app the host with its own port).
    browser = {"Origin": f"http://{HOSTS[0]}:{front.port}"}
    sent = [_send_form(front, "/bel-mij-terug/", CALLBACK, source=first, headers=browser) for _ in range(3)]
    assert sent == [302, 302, 429]
    # The other visitor, claiming to be someone else again each time, has its own two.
    forged = [{"X-Forwarded-For": f"198.51.100.{n}"} for n in range(3)]
    sent = [_send_form(front, "/bel-mij-terug/", CALLBACK, source=second, headers=h) for h in forged]
    assert sent == [302, 302, 429]
    # Straight to the app from an address that is no trusted proxy: the header is not read either.
    app = Front(urlsplit(live_server.url).port, front.tmp)
    claim = {"X-Forwarded-For": "127.0.0.9"}
    assert _send_form(app, "/bel-mij-terug/", CALLBACK, source=first, headers=claim) == 429


def test_behind_nginx_a_lockout_after_wrong_passwords_is_for_that_visitor_only(front, article, settings):
    """django-axes locks a user name out per address: wrong passwords from one visitor behind nginx no
    longer lock everybody out of that account."""
    from steunpunt.tenants.tests.factories import PASSWORD, UserFactory

    settings.TRUSTED_PROXIES = ["127.0.0.1"]
    UserFactory(username="coordinator")
    wrong = {"username": "coordinator", "password": "fout"}
    statuses = [_send_form(front, "/admin/login/", wrong, source="127.0.0.2") for _ in range(6)]
    assert statuses[-1] == 429 and statuses[0] == 200
    right = {"username": "coordinator", "password": PASSWORD}
    assert _send_form(front, "/admin/login/", right, source="127.0.0.3") == 302
    assert _send_form(front, "/admin/login/", right, source="127.0.0.2") == 429
