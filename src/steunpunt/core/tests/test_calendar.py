"""The one calendar writer: files that calendar programs read as meant, checked by parsing them back."""

import datetime
import zoneinfo

import icalendar

from steunpunt.core.calendar import event_calendar

AMSTERDAM = zoneinfo.ZoneInfo("Europe/Amsterdam")


def _write(**overrides):
    start = datetime.datetime(2031, 7, 1, 19, 30, tzinfo=AMSTERDAM)  # summer time: UTC+2
    values = {
        "uid": "meeting-7@noord.localhost",
        "stamp": datetime.datetime(2031, 5, 2, 9, 15, tzinfo=datetime.UTC),
        "starts_at": start,
        "ends_at": start + datetime.timedelta(hours=2),
        "summary": "Thema-avond",
    }
    return event_calendar(**{**values, **overrides})


def _event(text):
    [event] = icalendar.Calendar.from_ical(text).walk("VEVENT")
    return event


def test_long_lines_are_folded_at_75_octets_and_no_carriage_return_stands_alone():
    """A long description with CRLF and lone CR (from an admin text area) gives folded lines of at most
    75 octets, CRLF line ends only, and reads back as the text with plain line breaks."""
    description = "Wat moet u weten?\r\nKom langs.\rNeem uw vragen mee. " + "Eén avond over het vo. " * 8
    text = _write(description=description)

    physical = text.encode().split(b"\r\n")
    assert physical[-1] == b""  # every line ends with CRLF
    assert all(len(line) <= 75 for line in physical)
    assert any(line.startswith(b" ") for line in physical)  # folded
    assert b"\r" not in text.encode().replace(b"\r\n", b"")
    assert b"\n" not in text.encode().replace(b"\r\n", b"")
    assert str(_event(text)["DESCRIPTION"]) == description.replace("\r\n", "\n").replace("\r", "\n")


def test_times_are_right_in_amsterdam_in_summer_and_in_winter():
    """19:30 in Amsterdam is 17:30 UTC in July and 18:30 UTC in January; read back, both are 19:30 there."""
    for month, utc_hour in ((7, 17), (1, 18)):
        start = datetime.datetime(2031, month, 1, 19, 30, tzinfo=AMSTERDAM)
        event = _event(_write(starts_at=start, ends_at=start + datetime.timedelta(hours=2)))
        assert event.decoded("DTSTART") == start
        assert event.decoded("DTSTART").astimezone(datetime.UTC).hour == utc_hour
        assert event.decoded("DTSTART").astimezone(AMSTERDAM).strftime("%H:%M") == "19:30"
        assert event.decoded("DTEND").astimezone(AMSTERDAM).strftime("%H:%M") == "21:30"


def test_dtstamp_is_the_given_creation_time_and_the_uid_stays_the_same():
    """DTSTAMP is when the information was made, not the start; the same event keeps its UID."""
    stamp = datetime.datetime(2031, 5, 2, 9, 15, tzinfo=datetime.UTC)
    first = _event(_write(stamp=stamp))
    assert first.decoded("DTSTAMP") == stamp != first.decoded("DTSTART")
    later = _event(_write(stamp=stamp + datetime.timedelta(days=3), summary="Thema-avond (verplaatst)"))
    assert str(first["UID"]) == str(later["UID"]) == "meeting-7@noord.localhost"


def test_text_is_escaped_and_the_organiser_named():
    """Commas, semicolons and backslashes survive; the organiser is a mailto address with a name."""
    event = _event(
        _write(
            summary='Spreekuur; overleg, "passend onderwijs"\\',
            location="Voorbeeldstraat 1, Groningen",
            url="https://meet.example/avond",
            organiser_name="Steunpunt Noord",
            organiser_email="info@noord.example",
        )
    )
    assert str(event["SUMMARY"]) == 'Spreekuur; overleg, "passend onderwijs"\\'
    assert str(event["LOCATION"]) == "Voorbeeldstraat 1, Groningen"
    assert str(event["URL"]) == "https://meet.example/avond"
    assert str(event["ORGANIZER"]) == "mailto:info@noord.example"
    assert event["ORGANIZER"].params["CN"] == "Steunpunt Noord"


def test_the_file_is_one_calendar_with_one_event():
    """Version 2.0, our PRODID, exactly one event."""
    calendar = icalendar.Calendar.from_ical(_write())
    assert str(calendar["VERSION"]) == "2.0" and str(calendar["PRODID"]).startswith("-//Steunpunt")
    assert len(calendar.walk("VEVENT")) == 1
