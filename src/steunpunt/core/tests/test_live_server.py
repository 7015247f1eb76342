"""The live server of the browser tests answers overlapping requests, as a real browser sends them.

A browser loads a page's image, stylesheet and the next page at once. On SQLite the live server used
to share one in-memory connection between its threads, so two requests at the same time broke each
other's transactions ("cannot start a transaction within a transaction", a lost session). The test
settings now give SQLite test databases a file, so every thread has its own connection.
"""

import http.cookiejar
import re
import threading
import urllib.parse
import urllib.request

import pytest
from django.db import connection

from steunpunt.support.models import Case
from steunpunt.tenants.tests.factories import SupportPointFactory

pytestmark = pytest.mark.xdist_group("browser")
SENDERS = 8
_TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def _ask(base, host, number, barrier, answers):
    """GET the question form, wait for the other senders, then POST it: all at the same moment."""
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar), _NoRedirect)
    try:
        form = urllib.request.Request(f"{base}/vraag/", headers={"Host": host})  # noqa: S310  # http on loopback
        page = opener.open(form, timeout=30)
        page = page.read().decode()
        token = _TOKEN.search(page).group(1)
        barrier.wait(timeout=30)
        body = urllib.parse.urlencode(
            {
                "csrfmiddlewaretoken": token,
                "requester_kind": "parent",
                "question": f"Vraag nummer {number}: mijn kind zit thuis.",
                "age_group": "4_12",
                "school_type": "none",
                "answer_by": "link",
                "consent": "on",
            }
        ).encode()
        request = urllib.request.Request(f"{base}/vraag/", data=body, headers={"Host": host})  # noqa: S310
        answers[number] = opener.open(request, timeout=30).status
    except urllib.error.HTTPError as error:
        answers[number] = error.code
    except Exception as error:  # the assertion below names what went wrong
        answers[number] = repr(error)


def test_the_live_server_answers_overlapping_requests_each_with_its_own_connection(
    transactional_db, platform, live_server
):
    """Eight people send the question form at the same moment: eight redirects, eight questions."""
    if connection.vendor == "sqlite":
        assert not connection.is_in_memory_db(), "browser tests need a file database on SQLite"
    SupportPointFactory(hostname="noord.localhost", partnership_codes=["PO2001"])
    port = live_server.url.rsplit(":", 1)[1]
    base, host = f"http://127.0.0.1:{port}", f"noord.localhost:{port}"
    barrier, answers = threading.Barrier(SENDERS), {}
    senders = [threading.Thread(target=_ask, args=(base, host, n, barrier, answers)) for n in range(SENDERS)]
    for sender in senders:
        sender.start()
    for sender in senders:
        sender.join(timeout=60)
    assert answers == dict.fromkeys(range(SENDERS), 302)
    assert sorted(Case.objects.values_list("question", flat=True)) == sorted(
        f"Vraag nummer {n}: mijn kind zit thuis." for n in range(SENDERS)
    )
