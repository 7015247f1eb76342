import json
import os

import pytest
from django.core.cache import cache
from hypothesis import settings as hypothesis_settings

# Hypothesis profiles (HYPOTHESIS_PROFILE): "ci", the default, derives every test's examples from the
# test itself, so `make test` and `.ci/run` try the same inputs every time and never flake on a random
# seed; "random" draws them from a seed (`--hypothesis-seed`, as `make test-stability` passes), with the
# same budget; "explore" (`make test-explore`) draws from a random seed, ten times as many, to find what
# the fixed examples miss. Each prints how to reproduce a failure.
_PROFILE = {"deadline": None, "database": None, "print_blob": True}
hypothesis_settings.register_profile("ci", derandomize=True, **_PROFILE)
hypothesis_settings.register_profile("random", derandomize=False, **_PROFILE)
hypothesis_settings.register_profile("explore", derandomize=False, **_PROFILE)
hypothesis_settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))


@pytest.fixture(autouse=True)
def _clear_cache():
    """Axes and throttling keep state in the cache; every test starts clean."""
    from steunpunt.core import page_cache

    cache.clear()
    page_cache.forget_recent_generation()
    yield
    cache.clear()
    page_cache.forget_recent_generation()


@pytest.fixture(scope="session")
def _demo_snapshot(django_db_setup, django_db_blocker):
    """The demo as this process (one per xdist worker) loaded it: its database and its logins."""
    from steunpunt.core.tests.snapshot import DatabaseSnapshot

    kept = {"snapshot": DatabaseSnapshot(), "logins": None}
    yield kept
    if kept["logins"] is not None:
        with django_db_blocker.unblock():
            kept["snapshot"].discard()


@pytest.fixture
def demo(transactional_db, live_server, tmp_path_factory, _demo_snapshot):
    """The demo data, as ``load_demo_data --port <live server's port>`` loads it; returns its logins
    (the logins file's entries by username).

    The load takes half a minute, so it runs once per process: its database is kept
    (:mod:`steunpunt.core.tests.snapshot`) and every later test starts from a fresh copy of it, whatever
    the tests before changed. ``transactional_db`` empties the database after the test, as for any other.
    Where a copy cannot be kept (SQLite in memory) the demo is loaded for every test.
    """
    from django.core.management import call_command

    snapshot = _demo_snapshot["snapshot"]
    if _demo_snapshot["logins"] is not None:
        snapshot.restore()
        # The restore bypasses the signals that move the page cache's generation on: start afresh.
        cache.clear()
        return json.loads(_demo_snapshot["logins"])
    path = tmp_path_factory.mktemp("demo") / "logins.json"
    port = live_server.url.rsplit(":", 1)[1]
    call_command("load_demo_data", "--port", port, "--logins-file", str(path))
    logins = json.dumps({entry["username"]: entry for entry in json.loads(path.read_text())})
    if snapshot.supported():
        snapshot.take()
        _demo_snapshot["logins"] = logins
    return json.loads(logins)


@pytest.fixture
def redis_cache(settings):
    """The production cache backend on a scratch database of the machine's Redis, one per test process
    (gw0, gw1, …): a test in another process empties its own, never the one a test here counts on."""
    worker = int(os.environ.get("PYTEST_XDIST_WORKER", "gw0").removeprefix("gw") or 0)
    settings.CACHES = {
        "default": {
            "BACKEND": "steunpunt.core.redis_cache.RedisCache",
            # 4–9: the outbox's RQ tests take 10–15 (outbox/tests/test_rq.py), bench/ 1–3.
            "LOCATION": f"redis://127.0.0.1:6379/{4 + worker % 6}",
        }
    }
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def platform(db):
    """The platform's own site (index page), as `make run` sets it up."""
    from steunpunt.portal.services import platform_site_ensure

    return platform_site_ensure(port=80)


@pytest.fixture
def staff_client(client, platform):
    """Return ``login(user)``: signs ``user`` in with password and second factor on ``client``."""
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_totp.models import TOTPDevice

    def login(user):
        device = TOTPDevice.objects.create(user=user, name="test", confirmed=True)
        client.force_login(user)
        session = client.session
        session[DEVICE_ID_SESSION_KEY] = device.persistent_id
        session.save()
        client.defaults["HTTP_HOST"] = "127.0.0.1"
        return client

    return login


@pytest.fixture(autouse=True)
def _mail_through_the_outbox(settings):
    """Django's test set-up swaps EMAIL_BACKEND for locmem; tests send mail as production does, through
    the outbox, which delivers to ``OUTBOX_DELIVERY_BACKEND`` (locmem: ``mail.outbox``; or an SMTP sink)."""
    settings.EMAIL_BACKEND = "steunpunt.outbox.backends.OutboxBackend"


class _Inbox:
    """Collects what a real SMTP server on localhost receives; ``refuse[address] = "550 ..."`` makes it
    answer RCPT TO for that address with that reply instead of accepting it."""

    def __init__(self):
        self.messages = []
        self.refuse = {}
        self.rcpt_attempts = []

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        self.rcpt_attempts.append(address)
        if address in self.refuse:
            return self.refuse[address]
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        import email
        from email import policy

        message = email.message_from_bytes(envelope.content, policy=policy.default)
        message.envelope_recipients = list(envelope.rcpt_tos)
        self.messages.append(message)
        return "250 OK"


class SmtpServer:
    """A real SMTP server (aiosmtpd) on a port this test holds from start to end.

    The socket is bound at once and kept: until :meth:`start` nothing listens on it, so a
    connection is refused (a mail server outage), and no other process can take the port meanwhile.
    """

    def __init__(self):
        import socket

        self.inbox = _Inbox()
        self.socket = socket.socket()
        self.socket.bind(("127.0.0.1", 0))
        self.port = self.socket.getsockname()[1]
        self.controller = None

    @property
    def messages(self):
        return self.inbox.messages

    @property
    def refuse(self):
        return self.inbox.refuse

    def start(self):
        from aiosmtpd.controller import Controller

        sock = self.socket

        class OnHeldSocket(Controller):
            def _create_server(self):
                return self.loop.create_server(self._factory_invoker, sock=sock, ssl=self.ssl_context)

        self.controller = OnHeldSocket(self.inbox, hostname="127.0.0.1", port=self.port)
        self.controller.start()
        return self

    def stop(self):
        if self.controller is not None:
            self.controller.stop()
        self.socket.close()


def _deliver_to(settings, server):
    settings.OUTBOX_DELIVERY_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_USE_TLS = "127.0.0.1", server.port, False


@pytest.fixture
def smtp_sink(settings):
    """A real SMTP server (aiosmtpd) on a free local port; the outbox delivers mail to it."""
    server = SmtpServer().start()
    _deliver_to(settings, server)
    yield server
    server.stop()


@pytest.fixture
def smtp_down(settings):
    """The mail server is down: the outbox delivers to a port this test holds where nothing listens
    (connection refused). ``smtp_down.start()`` brings the server up on that port."""
    server = SmtpServer()
    _deliver_to(settings, server)
    yield server
    server.stop()


@pytest.fixture
def closed_port():
    """A loopback port that refuses connections (a server that is down), held for the whole test."""
    from steunpunt.core.tests.servers import closed_port as hold

    with hold() as port:
        yield port


@pytest.fixture
def browser(monkeypatch):
    # Playwright's sync API runs an event loop in this thread; the ORM work of the
    # live server happens in its own thread, never inside that loop.
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    from playwright.sync_api import sync_playwright

    from steunpunt.core.tests.browser import CHROMIUM_ARGS

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()
