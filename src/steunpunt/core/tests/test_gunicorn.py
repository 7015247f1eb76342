"""The production server as documented: gunicorn with deploy/gunicorn.conf.py serves the app, and its
access log never holds the code of a private link or a query string."""

import http.client
import json
import os
import subprocess
import sys
import urllib.error
import urllib.request

from steunpunt.core.access_log import redact

from .servers import READINESS_REFERER, REPO, gunicorn


def test_redact_removes_the_codes_of_private_links_and_query_strings():
    assert redact("/mijn-vraag/Ab3_x-9/") == "/mijn-vraag/…/"
    assert redact("/evaluatie/XYZ/?a=b") == "/evaluatie/…/"
    assert redact("https://noord.example/spreekuur/afspraak/T0K3N/agenda.ics") == (
        "https://noord.example/spreekuur/afspraak/…/agenda.ics"
    )
    assert redact("/bijeenkomsten/afmelden/abc/") == "/bijeenkomsten/afmelden/…/"
    assert redact("/zoeken/?q=mijn+zoon") == "/zoeken/"
    assert redact("/informatie/zorgplicht/") == "/informatie/zorgplicht/"
    assert redact("-") == "-"


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def _get(url, **headers):
    """The status of a GET through the server, without following redirects."""
    opener = urllib.request.build_opener(_NoRedirect)
    try:
        with opener.open(urllib.request.Request(url, headers=headers), timeout=10) as answer:  # noqa: S310
            return answer.status
    except urllib.error.HTTPError as answer:
        return answer.code


def _get_from(source, port, **headers):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10, source_address=(source, 0))
    try:
        connection.request("GET", "/health/", headers=headers)
        return connection.getresponse().status
    finally:
        connection.close()


def test_gunicorn_with_the_documented_config_serves_and_logs_no_private_codes(tmp_path):
    """The access log holds no private codes, and the visitor's address: from nginx's X-Forwarded-For
    for requests from loopback (the documented TRUSTED_PROXIES default), else the socket's."""
    log = tmp_path / "access.log"
    with gunicorn(tmp_path, TRUSTED_PROXIES=None) as port:
        assert _get_from("127.0.0.1", port, **{"X-Forwarded-For": "203.0.113.5"}) == 503
        assert _get_from("127.0.0.2", port, **{"X-Forwarded-For": "198.51.100.7"}) == 503
        # The answers do not matter here (production redirects plain HTTP to HTTPS; the database of
        # this throwaway server has no tables): only what the access log keeps of the requests.
        _get(
            f"http://127.0.0.1:{port}/mijn-vraag/GEHEIMECODE123/?code=GEHEIMEVRAAG",
            Referer=f"http://127.0.0.1:{port}/evaluatie/GEHEIMEREFERRER/",
        )
        assert _get(f"http://127.0.0.1:{port}/health/") == 503  # no tables in this throwaway database
    text = log.read_text()
    assert "/mijn-vraag/…/" in text and "/evaluatie/…/" in text and "/health/" in text
    assert "GEHEIM" not in text
    lines = [line for line in text.splitlines() if "/health/" in line and READINESS_REFERER not in line]
    assert [line.split()[0] for line in lines] == ["203.0.113.5", "127.0.0.2", "127.0.0.1"]


def test_whitenoise_serves_the_collected_static_files_compressed_and_for_ever(tmp_path):
    """Production serves static files as documented: `collectstatic` writes hashed, compressed copies and
    WhiteNoise (inside gunicorn) serves them with far-future caching, compressed when asked."""
    environment = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "steunpunt.conf.production",
        "DJANGO_SECRET_KEY": "gunicorn-test-key-" + "x" * 40,
        "STEUNPUNT_VAR_DIR": str(tmp_path / "var"),
    }
    environment.pop("DATABASE_URL", None)
    subprocess.run(
        [sys.executable, str(REPO / "manage.py"), "collectstatic", "--noinput", "-v", "0"],
        env=environment,
        check=True,
        timeout=600,
    )
    manifest = json.loads((tmp_path / "var" / "static" / "staticfiles.json").read_text())
    hashed = manifest["paths"]["css/site.css"]
    assert hashed != "css/site.css"  # the name carries the content's hash
    with gunicorn(tmp_path, SECURE_SSL_REDIRECT="0") as port:
        request = urllib.request.Request(
            f"http://127.0.0.1:{port}/static/{hashed}", headers={"Accept-Encoding": "br, gzip"}
        )
        with urllib.request.urlopen(request, timeout=10) as answer:  # noqa: S310
            assert answer.status == 200
            assert "immutable" in answer.headers["Cache-Control"]
            assert "max-age=315360000" in answer.headers["Cache-Control"]
            assert answer.headers["Content-Encoding"] in ("br", "gzip")
            assert answer.headers["Content-Type"].startswith("text/css")
