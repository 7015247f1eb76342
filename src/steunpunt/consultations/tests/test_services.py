"""The services on their own: weekly series, simultaneous bookings, cancelling, the calendar writer."""

import datetime
import threading
import zoneinfo

import pytest
from django.db import connection
from django.utils import timezone

from steunpunt.consultations import services
from steunpunt.consultations.models import Booking
from steunpunt.consultations.services import Refused, booking_cancel, slot_book, slot_create
from steunpunt.core.calendar import event_calendar
from steunpunt.support.models import Case

from .helpers import ics_lines, ics_properties

AMSTERDAM = zoneinfo.ZoneInfo("Europe/Amsterdam")
VISITOR = {"requester_kind": "parent", "topic": "", "name": "", "email": "ouder@example.test", "phone": ""}


@pytest.mark.django_db
def test_a_weekly_series_keeps_its_local_time_when_summer_time_ends(noord):
    starts_at = datetime.datetime(2030, 10, 22, 15, 0, tzinfo=AMSTERDAM)
    slots = slot_create(
        support_point=noord,
        data={
            "starts_at": starts_at,
            "ends_at": starts_at + datetime.timedelta(minutes=30),
            "place": "Voorbeeldstraat 1",
            "online_url": "",
            "note": "",
        },
        by=None,
        repeat_weeks=1,
    )
    local = [timezone.localtime(slot.starts_at) for slot in slots]
    assert [(moment.day, moment.hour, moment.minute) for moment in local] == [(22, 15, 0), (29, 15, 0)]
    assert [slot.starts_at.astimezone(datetime.UTC).hour for slot in slots] == [13, 14]
    assert all(slot.ends_at - slot.starts_at == datetime.timedelta(minutes=30) for slot in slots)


@pytest.mark.django_db
def test_the_database_refuses_a_second_active_booking_even_after_a_stale_check(slot, monkeypatch):
    slot_book(slot=slot, data=VISITOR)
    real_refusal = services.booking_refusal
    calls = []

    def stale_then_real(slot):
        calls.append(slot)
        return None if len(calls) == 1 else real_refusal(slot)

    monkeypatch.setattr(services, "booking_refusal", stale_then_real)
    with pytest.raises(Refused, match="Iemand anders heeft deze tijd al geboekt"):
        slot_book(slot=slot, data={**VISITOR, "email": "tweede@example.test"})
    assert Booking.objects.count() == 1 and Case.objects.count() == 1


@pytest.mark.django_db(transaction=True)
def test_of_two_simultaneous_bookings_of_one_time_one_wins(slot):
    """Two people book the last place at the same moment: one gets it, the other a polite refusal.

    On SQLite the second writer waits for the first (IMMEDIATE transactions on a file database).
    """
    start = threading.Barrier(2)
    outcomes = []

    def attempt(email):
        try:
            start.wait()
            slot_book(slot=slot, data={**VISITOR, "email": email})
            outcomes.append("booked")
        except Refused:
            outcomes.append("refused")
        finally:
            connection.close()

    threads = [threading.Thread(target=attempt, args=(f"ouder{n}@example.test",)) for n in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcomes) == ["booked", "refused"]
    assert Booking.objects.filter(status="booked").count() == 1 and Case.objects.count() == 1


@pytest.mark.django_db
def test_an_appointment_that_has_begun_cannot_be_cancelled(slot):
    booking = slot_book(slot=slot, data=VISITOR)
    slot.starts_at = timezone.now() - datetime.timedelta(minutes=5)
    slot.save()
    with pytest.raises(Refused, match="al voorbij"):
        booking_cancel(booking=booking)
    booking.refresh_from_db()
    assert booking.status == "booked"


def test_the_calendar_writer_escapes_text_and_folds_long_lines_on_character_boundaries():
    moment = datetime.datetime(2030, 3, 5, 15, 0, tzinfo=AMSTERDAM)
    text = event_calendar(
        uid="x@example.test",
        stamp=moment,
        starts_at=moment,
        ends_at=moment + datetime.timedelta(hours=1),
        summary="Spreekuur; overleg, “passend onderwijs”\\",
        description="Eerste regel\r\nTweede regel " + "ë" * 80,
    )
    assert text.count("\r\n") == len(text.split("\r\n")) - 1 and "\n" not in text.replace("\r\n", "")
    lines = ics_lines(text)
    assert "SUMMARY:Spreekuur\\; overleg\\, “passend onderwijs”\\\\" in lines
    event = ics_properties(text)
    assert event["DESCRIPTION"] == "Eerste regel\\nTweede regel " + "ë" * 80
    assert (event["DTSTART"], event["DTEND"], event["DTSTAMP"]) == (
        "20300305T140000Z",
        "20300305T150000Z",
        "20300305T140000Z",
    )
    assert "LOCATION" not in event and "URL" not in event and "ORGANIZER" not in event
