"""Absolute links come from the steunpunt's configured address (its Wagtail site's host name and port,
PUBLIC_URL_SCHEME), never from the request: a forged Host header (another port, another case) changes
no link in a mail, a password reset, a calendar file or a site map (steunpunt.tenants.links)."""

import datetime
import re

import pytest
from django.utils import timezone

from steunpunt.consultations.tests.factories import SlotFactory
from steunpunt.consultations.tests.helpers import booking_data, ics_properties
from steunpunt.meetings.models import Meeting
from steunpunt.tenants.roles import Role
from steunpunt.tenants.tests.factories import MembershipFactory, SupportPointFactory

pytestmark = pytest.mark.django_db

FORGED = {"HTTP_HOST": "NOORD.localhost:6666"}


@pytest.fixture
def noord(platform):
    return SupportPointFactory(hostname="noord.localhost", email="info@noord.example")


def _text(message):
    return message.get_body(("plain",)).get_content()


@pytest.mark.parametrize(
    ("scheme", "port", "base"),
    [("http", 80, "http://noord.localhost"), ("https", 8443, "https://noord.localhost:8443")],
)
def test_a_booking_mail_and_its_calendar_file_link_to_the_configured_address(
    client, noord, smtp_sink, settings, django_capture_on_commit_callbacks, scheme, port, base
):
    settings.PUBLIC_URL_SCHEME = scheme
    noord.site.port = port
    noord.site.save()
    slot = SlotFactory(support_point=noord)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/spreekuur/{slot.pk}/", booking_data(), **FORGED)
    assert response.status_code == 302
    # The booker's mail, and the steunpunt's notice of a new question when it has one.
    [message] = [message for message in smtp_sink.messages if message["To"] == "samira@example.test"]
    links = [link for sent in smtp_sink.messages for link in re.findall(r"https?://\S+", _text(sent))]
    assert links and all(link.startswith(f"{base}/") for link in links), links
    [attachment] = [part for part in message.iter_attachments() if part.get_content_type() == "text/calendar"]
    event = ics_properties(attachment.get_content())
    assert f"{base}/spreekuur/afspraak/" in event["DESCRIPTION"].replace("\\", "")
    assert "6666" not in attachment.get_content()
    # The calendar file downloaded from the booker's page carries the same link.
    calendar = client.get(f"{response['Location'].split('?')[0]}agenda.ics", **FORGED)
    assert calendar.status_code == 200
    assert f"{base}/spreekuur/afspraak/" in ics_properties(calendar.content.decode())["DESCRIPTION"]


def test_a_meeting_mail_and_calendar_file_name_the_configured_host(
    client, noord, smtp_sink, django_capture_on_commit_callbacks
):
    start = timezone.now() + datetime.timedelta(days=7)
    meeting = Meeting.objects.create(
        support_point=noord,
        title="Thema-avond",
        description="Kom langs.",
        starts_at=start,
        ends_at=start + datetime.timedelta(hours=2),
        place="Voorbeeldstraat 1",
        capacity=5,
    )
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"/bijeenkomsten/{meeting.pk}/", {"name": "Samira", "email": "s@example.test"}, **FORGED
        )
    assert response.status_code == 302
    [message] = [message for message in smtp_sink.messages if message["To"] == "s@example.test"]
    assert "http://noord.localhost/bijeenkomsten/afmelden/" in _text(message) and "6666" not in _text(message)
    calendar = client.get(f"/bijeenkomsten/{meeting.pk}/agenda.ics", **FORGED)
    assert ics_properties(calendar.content.decode())["UID"] == f"meeting-{meeting.pk}@noord.localhost"


def test_a_password_reset_links_to_the_configured_address_of_the_site_asked(
    client, noord, smtp_sink, settings, django_capture_on_commit_callbacks
):
    settings.PUBLIC_URL_SCHEME = "https"
    member = MembershipFactory(support_point=noord, role=Role.CONSULTANT)
    for host in (FORGED, {"HTTP_HOST": "127.0.0.1:7777"}):
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post("/admin/password_reset/", {"email": member.user.email}, **host)
        assert response.status_code == 302
    first, second = (_text(message) for message in smtp_sink.messages)
    assert re.search(r"https://noord\.localhost/admin/password_reset/confirm/\S+/\S+/", first), first
    assert re.search(r"https://127\.0\.0\.1/admin/password_reset/confirm/\S+/\S+/", second), second
    assert "6666" not in first + second and "7777" not in first + second


def test_a_case_notification_for_staff_links_to_their_steunpunts_back_office(noord):
    from steunpunt.support.services import _admin_url
    from steunpunt.support.tests.factories import CaseFactory

    case = CaseFactory(support_point=noord)
    assert _admin_url(case) == f"http://noord.localhost/admin/vragen/{case.pk}/"


def test_the_site_map_index_names_the_configured_address(client, noord):
    body = client.get("/sitemap.xml", **FORGED).content.decode()
    locations = re.findall(r"<loc>([^<]*)</loc>", body)
    assert locations and all(loc.startswith("http://noord.localhost/sitemap-") for loc in locations), (
        locations
    )
    pages = client.get("/sitemap-paginas.xml", **FORGED).content.decode()
    assert "<loc>http://noord.localhost/</loc>" in pages and "6666" not in pages
