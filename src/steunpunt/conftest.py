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


class _Inbox:
    """Collects what a real SMTP server on localhost receives."""

    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):
        import email
        from email import policy

        self.messages.append(email.message_from_bytes(envelope.content, policy=policy.default))
        return "250 OK"


def _smtp_controller(handler):
    """An aiosmtpd controller that listens on a port the system chooses (never one another process
    picked a moment earlier); its ``port`` is known once started."""
    from aiosmtpd.controller import Controller

    class OwnPortController(Controller):
        def _create_server(self):
            return self.loop.create_server(self._factory_invoker, host=self.hostname, port=0)

        def _trigger_server(self):
            self.port = self.server.sockets[0].getsockname()[1]
            super()._trigger_server()

    return OwnPortController(handler, hostname="127.0.0.1", port=0)


@pytest.fixture
def smtp_sink(settings):
    """A real SMTP server (aiosmtpd) on a local port of its own; the platform sends mail to it."""
    inbox = _Inbox()
    controller = _smtp_controller(inbox)
    controller.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_USE_TLS = "127.0.0.1", controller.port, False
    yield inbox
    controller.stop()


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
