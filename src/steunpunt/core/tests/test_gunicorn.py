"""The production server as documented: gunicorn with deploy/gunicorn.conf.py serves the app, and its
access log never holds the code of a private link or a query string."""

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

from steunpunt.core.access_log import redact

REPO = Path(__file__).resolve().parents[4]


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


def _free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_gunicorn_with_the_documented_config_serves_and_logs_no_private_codes(tmp_path):
    port = _free_port()
    log = tmp_path / "access.log"
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "steunpunt.conf.production",
        "DJANGO_SECRET_KEY": "gunicorn-test-key-" + "x" * 40,
        "STEUNPUNT_VAR_DIR": str(tmp_path / "var"),
        "ALLOWED_HOSTS": "127.0.0.1",
        "GUNICORN_BIND": f"127.0.0.1:{port}",
        "GUNICORN_WORKERS": "1",
        "GUNICORN_ACCESS_LOG": str(log),
        "GUNICORN_ERROR_LOG": str(tmp_path / "error.log"),
    }
    env.pop("DATABASE_URL", None)
    gunicorn = Path(sys.executable).parent / "gunicorn"
    server = subprocess.Popen(
        [str(gunicorn), "-c", str(REPO / "deploy" / "gunicorn.conf.py")], env=env, cwd=tmp_path
    )
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=1):
                    break
            except OSError:
                assert time.monotonic() < deadline, (tmp_path / "error.log").read_text()
                time.sleep(0.2)
        # The answers do not matter here (production redirects plain HTTP to HTTPS; the database of
        # this throwaway server has no tables): only what the access log keeps of the requests.
        _get(
            f"http://127.0.0.1:{port}/mijn-vraag/GEHEIMECODE123/?code=GEHEIMEVRAAG",
            Referer=f"http://127.0.0.1:{port}/evaluatie/GEHEIMEREFERRER/",
        )
        assert _get(f"http://127.0.0.1:{port}/health/") in (200, 503)
    finally:
        server.terminate()
        server.wait(timeout=30)
    text = log.read_text()
    assert "/mijn-vraag/…/" in text and "/evaluatie/…/" in text and "/health/" in text
    assert "GEHEIM" not in text
