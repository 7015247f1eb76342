"""Calendar files (iCalendar, RFC 5545) for one event: a download or a mail attachment.

Written by the ``icalendar`` library, which escapes text, folds long lines at 75 octets (never inside
a character) and ends lines with CRLF. Both the consultation hours and the meetings use
:func:`event_calendar`; this module knows no feature app.
"""

import datetime

from icalendar import Calendar, Event, vCalAddress, vText

PRODID = "-//Steunpunt passend onderwijs//Agenda//NL"


def _one_kind_of_line_end(text):
    # A text area in the admin sends CRLF; a lone CR would end up in the file as a bare CR.
    return str(text).replace("\r\n", "\n").replace("\r", "\n")


def _utc(moment):
    return moment.astimezone(datetime.UTC)


def event_calendar(
    *,
    uid,
    stamp,
    starts_at,
    ends_at,
    summary,
    description="",
    location="",
    url="",
    organiser_name="",
    organiser_email="",
    sequence=0,
    cancelled=False,
):
    """Return a VCALENDAR with one VEVENT as text (CRLF line ends, long lines folded).

    ``uid`` names the event for good (the same event gives the same UID in every file); ``stamp`` is
    when the event information was made (DTSTAMP: the booking or the file, never the start).
    ``starts_at``/``ends_at`` are aware datetimes, written in UTC, so calendars show them in the
    reader's own time zone (Europe/Amsterdam here, summer time included). Empty optional values are
    left out. A changed event (moved, cancelled) keeps its UID with a higher ``sequence``, so a
    calendar replaces the earlier one; ``cancelled`` marks it so (METHOD:CANCEL, STATUS:CANCELLED).
    """
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    if cancelled:
        calendar.add("method", "CANCEL")
    event = Event()
    event.add("uid", uid)
    if sequence:
        event.add("sequence", sequence)
    if cancelled:
        event.add("status", "CANCELLED")
    event.add("dtstamp", _utc(stamp))
    event.add("dtstart", _utc(starts_at))
    event.add("dtend", _utc(ends_at))
    event.add("summary", vText(_one_kind_of_line_end(summary)))
    if description:
        event.add("description", vText(_one_kind_of_line_end(description)))
    if location:
        event.add("location", vText(_one_kind_of_line_end(location)))
    if url:
        event.add("url", url)
    if organiser_email:
        organiser = vCalAddress(f"mailto:{organiser_email}")
        if organiser_name:
            organiser.params["cn"] = organiser_name.replace('"', "")
        event.add("organizer", organiser)
    calendar.add_component(event)
    return calendar.to_ical().decode()
