"""The administrator finds a mail that could not be delivered, with the server's reason: a real browser,
axe-core on the page, at desktop and phone width."""

import os

import pytest
from django.conf import settings
from django.utils import timezone
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import expect

from steunpunt.core.tests.browser import violations
from steunpunt.outbox.models import OutboxMail
from steunpunt.tenants.roles import Role
from steunpunt.tenants.tests.factories import MembershipFactory, SupportPointFactory

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]
SHOTS = os.environ.get("SCREENSHOT_DIR")  # set it to look at the pages (e.g. /tmp/access)


def test_an_administrator_reads_why_a_mail_was_not_delivered(transactional_db, live_server, browser, client):
    from steunpunt.portal.services import platform_site_ensure

    platform_site_ensure(port=int(live_server.url.rsplit(":", 1)[1]))
    own, other = SupportPointFactory(), SupportPointFactory()
    for support_point, address in ((own, "weg@example.test"), (other, "ander@example.test")):
        OutboxMail.objects.create(
            to=address,
            subject="Bevestiging van uw vraag",
            body="Tekst",
            support_point=support_point,
            failed_at=timezone.now(),
            last_error=f"550 5.1.1 <{address}>: mailbox unknown",
        )
    administrator = MembershipFactory(support_point=own, role=Role.ADMINISTRATOR).user
    device = TOTPDevice.objects.create(user=administrator, name="app", confirmed=True)
    client.force_login(administrator)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()

    for width, height in ((1280, 900), (390, 844)):
        context = browser.new_context(viewport={"width": width, "height": height})
        context.add_cookies(
            [{"name": settings.SESSION_COOKIE_NAME, "value": session.session_key, "url": live_server.url}]
        )
        page = context.new_page()
        page.goto(f"{live_server.url}/admin/failed_mails/")
        expect(page.locator("h1")).to_contain_text("Niet bezorgde e-mail")
        table = page.locator("table.listing")
        expect(table).to_contain_text("weg@example.test")
        expect(table).to_contain_text("550 5.1.1 <weg@example.test>: mailbox unknown")
        assert "ander@example.test" not in page.content()
        assert violations(page) == []
        if SHOTS:
            page.screenshot(path=f"{SHOTS}/failed-mail-{width}.png", full_page=True)
        context.close()
