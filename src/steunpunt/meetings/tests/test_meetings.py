"""Meetings: registration with a waiting list, a cancellation link, a calendar file."""

import datetime

import icalendar
import pytest
from django.urls import reverse
from django.utils import timezone

from steunpunt.meetings.models import Meeting, Registration
from steunpunt.tenants.roles import Role
from steunpunt.tenants.tests.factories import MembershipFactory, SupportPointFactory

pytestmark = pytest.mark.django_db(transaction=True)
HOST = {"HTTP_HOST": "noord.localhost"}


@pytest.fixture
def meeting(platform):
    noord = SupportPointFactory(
        hostname="noord.localhost", partnership_codes=["PO2001"], email="info@noord.example"
    )
    SupportPointFactory(hostname="midden.localhost", partnership_codes=["PO2601"])
    start = timezone.now() + datetime.timedelta(days=7)
    return Meeting.objects.create(
        support_point=noord,
        title="Thema-avond: de overstap naar het vo",
        description="Wat moet u weten?\nKom langs.",
        starts_at=start,
        ends_at=start + datetime.timedelta(hours=2),
        place="Voorbeeldstraat 1, Groningen",
        capacity=1,
    )


def register(client, meeting, name, email):
    return client.post(f"/bijeenkomsten/{meeting.pk}/", {"name": name, "email": email}, **HOST)


def test_the_first_gets_a_place_the_next_the_waiting_list_and_a_cancellation_frees_it(
    client, meeting, smtp_sink
):
    assert register(client, meeting, "Samira", "samira@example.test").status_code == 302
    assert register(client, meeting, "Wim", "wim@example.test").status_code == 302
    samira, wim = Registration.objects.order_by("pk")
    assert (samira.status, wim.status) == ("confirmed", "waiting")
    assert [m["To"] for m in smtp_sink.messages] == ["samira@example.test", "wim@example.test"]
    assert "wachtlijst" in smtp_sink.messages[1]["Subject"].lower()
    cancel_link = f"http://noord.localhost/bijeenkomsten/afmelden/{samira.token}/"
    assert cancel_link in smtp_sink.messages[0].get_content()

    page = client.get(f"/bijeenkomsten/afmelden/{samira.token}/", **HOST)
    assert "Wilt u zich afmelden" in page.content.decode()
    client.post(f"/bijeenkomsten/afmelden/{samira.token}/", **HOST)
    samira.refresh_from_db()
    wim.refresh_from_db()
    assert (samira.status, wim.status) == ("cancelled", "confirmed")
    assert smtp_sink.messages[-1]["To"] == "wim@example.test"
    again = client.post(f"/bijeenkomsten/afmelden/{samira.token}/", **HOST)
    assert again.status_code == 200 and Registration.objects.filter(status="confirmed").count() == 1


@pytest.mark.parametrize(
    ("name", "email"), [("", "a@example.test"), ("Samira", "geen-adres"), ("x" * 101, "a@example.test")]
)
def test_bad_input_gets_a_dutch_message_and_registers_nobody(client, meeting, name, email):
    response = register(client, meeting, name, email)
    assert response.status_code == 400
    assert 'aria-invalid="true"' in response.content.decode()
    assert not Registration.objects.exists()


def test_the_calendar_file(client, meeting):
    response = client.get(f"/bijeenkomsten/{meeting.pk}/agenda.ics", **HOST)
    assert response["Content-Type"].startswith("text/calendar")
    body = response.content.decode()
    assert (
        body.startswith("BEGIN:VCALENDAR\r\n") and "SUMMARY:Thema-avond: de overstap naar het vo\r\n" in body
    )
    assert "LOCATION:Voorbeeldstraat 1\\, Groningen" in body
    assert "DESCRIPTION:Wat moet u weten?\\nKom langs." in body


def test_the_calendar_file_reads_back_as_the_meeting(client, meeting):
    """Parsed with icalendar: DTSTAMP is when the file was made (not the start), the UID is the same
    on every download, a long description from the admin (CRLF) is folded and has no bare CR."""
    meeting.description = "Wat moet u weten?\r\nKom langs. " + "Neem uw vragen over de overstap mee. " * 5
    meeting.save()
    before = timezone.now().replace(microsecond=0)
    first = client.get(f"/bijeenkomsten/{meeting.pk}/agenda.ics", **HOST).content
    second = client.get(f"/bijeenkomsten/{meeting.pk}/agenda.ics", **HOST).content
    assert all(len(line) <= 75 for line in first.split(b"\r\n"))
    assert b"\r" not in first.replace(b"\r\n", b"")
    [event] = icalendar.Calendar.from_ical(first).walk("VEVENT")
    [again] = icalendar.Calendar.from_ical(second).walk("VEVENT")
    assert before <= event.decoded("DTSTAMP") <= timezone.now()
    assert event.decoded("DTSTART") == meeting.starts_at.replace(microsecond=0)
    assert event.decoded("DTEND") == meeting.ends_at.replace(microsecond=0)
    assert str(event["UID"]) == str(again["UID"]) == f"meeting-{meeting.pk}@noord.localhost"
    assert str(event["DESCRIPTION"]) == meeting.description.replace("\r\n", "\n")


def test_another_steunpunts_meeting_is_not_found(client, meeting):
    assert client.get(f"/bijeenkomsten/{meeting.pk}/", HTTP_HOST="midden.localhost").status_code == 404
    assert client.get("/bijeenkomsten/", HTTP_HOST="127.0.0.1").status_code == 404
    assert client.get("/bijeenkomsten/afmelden/onzin/", **HOST).status_code == 404
    listing = client.get("/bijeenkomsten/", **HOST).content.decode()
    assert "Thema-avond" in listing


def test_registrations_are_visible_to_the_organisers_of_that_steunpunt_only(
    staff_client, meeting, smtp_sink, client
):
    register(client, meeting, "Samira", "samira@example.test")
    volunteer = MembershipFactory(role=Role.VOLUNTEER, support_point=meeting.support_point)
    page = staff_client(volunteer.user).get(reverse("registrations:index")).content.decode()
    assert "samira@example.test" in page
    outsider = MembershipFactory(role=Role.VOLUNTEER)
    page = staff_client(outsider.user).get(reverse("registrations:index")).content.decode()
    assert "samira@example.test" not in page
    board = MembershipFactory(role=Role.BOARD, support_point=meeting.support_point)
    assert staff_client(board.user).get(reverse("registrations:index")).status_code == 404
