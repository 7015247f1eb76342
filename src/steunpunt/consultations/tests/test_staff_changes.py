"""Staff move and cancel a booking; the person confirms a cancellation; every change mails the person
with an updated calendar file and shows on the question's timeline."""

import datetime

import pytest
from django.urls import reverse

from steunpunt.consultations.models import Booking, BookingChange
from steunpunt.consultations.services import Refused, booking_cancel, booking_move, next_opening_start
from steunpunt.support.selectors import case_timeline
from steunpunt.tenants.models import OpeningPeriod
from steunpunt.tenants.roles import Role
from steunpunt.tenants.tests.factories import MembershipFactory

from .factories import SlotFactory, next_week_at
from .helpers import HOST, book, ics_properties

pytestmark = pytest.mark.django_db


def _calendar(message):
    [part] = [part for part in message.iter_attachments() if part.get_content_type() == "text/calendar"]
    return part.get_content()


@pytest.fixture
def booked(client, slot, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        book(client, slot)
    return Booking.objects.get()


@pytest.fixture
def consultant(noord):
    return MembershipFactory(support_point=noord, role=Role.CONSULTANT).user


def test_staff_move_then_cancel_and_the_person_gets_a_mail_with_an_updated_calendar_each_time(
    smtp_sink, staff_client, booked, noord, consultant, django_capture_on_commit_callbacks
):
    later = SlotFactory(support_point=noord, starts_at=next_week_at(16), place="Kamer 2")
    client = staff_client(consultant)
    url = reverse("consultation_booking_manage", args=[booked.pk])
    page = client.get(url).content.decode()
    assert "Verplaatsen naar een andere tijd" in page and f'value="{later.pk}"' in page
    with django_capture_on_commit_callbacks(execute=True):
        moved = client.post(url, {"action": "move", "slot": later.pk})
    assert moved.status_code == 302 and moved["Location"] == url + "?gedaan=verplaatst"
    booked.refresh_from_db()
    assert booked.slot == later and booked.status == "booked"

    with django_capture_on_commit_callbacks(execute=True):
        refused = client.post(url, {"action": "cancel"})
    assert refused.status_code == 400 and "Zet een vinkje om te bevestigen" in refused.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        cancelled = client.post(url, {"action": "cancel", "confirm": "on"})
    assert cancelled.status_code == 302
    booked.refresh_from_db()
    assert booked.status == "cancelled"

    to_person = [mail for mail in smtp_sink.messages if mail["To"] == booked.email]
    _booked_mail, move_mail, cancel_mail = to_person
    assert "Je afspraak is verplaatst naar" in move_mail["Subject"]
    assert "heeft je afspraak op het spreekuur verplaatst" in move_mail.get_body(("plain",)).get_content()
    assert "is afgezegd" in cancel_mail["Subject"]
    first, second, third = (ics_properties(_calendar(mail)) for mail in to_person)
    assert first["UID"] == second["UID"] == third["UID"]
    assert (first.get("SEQUENCE", "0"), second["SEQUENCE"], third["SEQUENCE"]) == ("0", "1", "2")
    assert second["LOCATION"] == "Kamer 2" and third["STATUS"] == "CANCELLED"
    assert "METHOD:CANCEL" in _calendar(cancel_mail)

    kinds = [
        (entry["object"].kind, entry["object"].by)
        for entry in case_timeline(booked.case, "full")
        if entry["kind"] == "booking"
    ]
    assert kinds == [("booked", None), ("moved", consultant), ("cancelled", consultant)]
    html = client.get(reverse("support_case", args=[booked.case.pk])).content.decode()
    assert "Spreekuur geboekt" in html and "Spreekuurafspraak verplaatst" in html
    assert "Spreekuurafspraak afgezegd" in html


def test_the_person_confirms_before_cancelling_and_gets_a_mail_with_an_updated_calendar(
    smtp_sink, client, booked, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        asked = client.post(f"/spreekuur/afspraak/{booked.token}/", **HOST)
    assert asked.status_code == 200 and "Wil je deze afspraak echt afzeggen?" in asked.content.decode()
    to_person = [mail for mail in smtp_sink.messages if mail["To"] == booked.email]
    assert Booking.objects.get().status == "booked" and len(to_person) == 1
    with django_capture_on_commit_callbacks(execute=True):
        done = client.post(f"/spreekuur/afspraak/{booked.token}/", {"confirm": "yes"}, **HOST)
    assert done.status_code == 302 and done["Location"].endswith("?afgezegd=1")
    assert "We hebben een bevestiging gestuurd" in client.get(done["Location"], **HOST).content.decode()
    cancel_mail = smtp_sink.messages[-1]
    assert cancel_mail["To"] == booked.email and "is afgezegd" in cancel_mail["Subject"]
    assert "Je hebt je afspraak op het spreekuur afgezegd." in cancel_mail.get_body(("plain",)).get_content()
    # The calendar file takes the appointment out of the person's agenda: the same UID, a higher SEQUENCE.
    booked_mail = to_person[0]
    first, cancelled = ics_properties(_calendar(booked_mail)), ics_properties(_calendar(cancel_mail))
    assert "METHOD:CANCEL" in _calendar(cancel_mail) and "METHOD:CANCEL" not in _calendar(booked_mail)
    assert cancelled["UID"] == first["UID"] and cancelled["STATUS"] == "CANCELLED"
    assert int(cancelled["SEQUENCE"]) > int(first.get("SEQUENCE", "0"))
    change = BookingChange.objects.get(kind="cancelled")
    assert change.by is None


def test_a_move_to_a_booked_past_or_foreign_time_is_refused_and_changes_nothing(
    client, booked, noord, midden, consultant, staff_client
):
    taken = SlotFactory(support_point=noord, starts_at=next_week_at(17))
    book(client, taken, email="ander@example.test")
    past = SlotFactory(
        support_point=noord,
        starts_at=next_week_at(9) - datetime.timedelta(days=14),
        ends_at=next_week_at(9, 30) - datetime.timedelta(days=14),
    )
    foreign = SlotFactory(support_point=midden)
    for slot, message in (
        (taken, "Iemand anders heeft deze tijd al geboekt"),
        (past, "Deze tijd is al voorbij"),
        (foreign, "Kies een tijd van dit steunpunt."),
    ):
        with pytest.raises(Refused, match=message):
            booking_move(booking=booked, slot=slot, by=consultant)
    # Through the page: a time not on offer gets the form's Dutch message.
    response = staff_client(consultant).post(
        reverse("consultation_booking_manage", args=[booked.pk]), {"action": "move", "slot": taken.pk}
    )
    assert response.status_code == 400 and "Die tijd is niet meer vrij" in response.content.decode()
    booked.refresh_from_db()
    assert booked.slot_id not in {taken.pk, past.pk, foreign.pk}
    assert not BookingChange.objects.filter(kind="moved").exists()
    booking_cancel(booking=booked, by=consultant)
    with pytest.raises(Refused, match="afgezegd"):
        booking_move(
            booking=Booking.objects.get(pk=booked.pk), slot=SlotFactory(support_point=noord), by=consultant
        )


def test_another_steunpunt_or_a_role_without_bookings_gets_404(staff_client, booked, midden, noord):
    url = reverse("consultation_booking_manage", args=[booked.pk])
    for user in (
        MembershipFactory(support_point=midden, role=Role.CONSULTANT).user,
        MembershipFactory(support_point=noord, role=Role.BOARD).user,
        MembershipFactory(support_point=noord, role=Role.EDITOR).user,
    ):
        client = staff_client(user)
        assert client.get(url).status_code == 404
        assert client.post(url, {"action": "cancel", "confirm": "on"}).status_code == 404
    assert Booking.objects.get().status == "booked"


def test_next_opening_start_falls_on_an_opening_day(noord):
    OpeningPeriod.objects.create(
        support_point=noord, weekday=3, opens=datetime.time(9), closes=datetime.time(12), sort_order=0
    )
    monday = datetime.datetime(2026, 12, 7, 10, 0, tzinfo=datetime.UTC)
    start = next_opening_start(noord, monday)
    assert start.weekday() == 3 and start.date() == datetime.date(2026, 12, 10) and start.hour == 9
