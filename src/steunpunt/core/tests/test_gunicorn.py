"""The production server as documented: gunicorn with deploy/gunicorn.conf.py serves the app, and its
access log never holds the code of a private link or a query string."""

import urllib.error
import urllib.request

from steunpunt.core.access_log import redact

from .servers import gunicorn


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


def test_gunicorn_with_the_documented_config_serves_and_logs_no_private_codes(tmp_path):
    log = tmp_path / "access.log"
    with gunicorn(tmp_path) as port:
        # The answers do not matter here (production redirects plain HTTP to HTTPS; the database of
        # this throwaway server has no tables): only what the access log keeps of the requests.
        _get(
            f"http://127.0.0.1:{port}/mijn-vraag/GEHEIMECODE123/?code=GEHEIMEVRAAG",
            Referer=f"http://127.0.0.1:{port}/evaluatie/GEHEIMEREFERRER/",
        )
        assert _get(f"http://127.0.0.1:{port}/health/") in (200, 503)
    text = log.read_text()
    assert "/mijn-vraag/…/" in text and "/evaluatie/…/" in text and "/health/" in text
    assert "GEHEIM" not in text
