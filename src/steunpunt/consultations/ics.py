"""A small iCalendar (RFC 5545) writer for one event, for calendar downloads and mail attachments."""

import datetime

PRODID = "-//Steunpunt passend onderwijs//Spreekuur//NL"
LINE_OCTETS = 75


def _text(value):
    """Escape a TEXT value (RFC 5545, 3.3.11)."""
    value = value.replace("\r\n", "\n").replace("\r", "\n")
    return value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def _utc(moment):
    return moment.astimezone(datetime.UTC).strftime("%Y%m%dT%H%M%SZ")


def _fold(line):
    """Fold a content line into pieces of at most 75 octets, never inside a UTF-8 character."""
    pieces, current, size, limit = [], "", 0, LINE_OCTETS
    for char in line:
        width = len(char.encode())
        if size + width > limit:
            pieces.append(current)
            # A continuation line starts with a space, which counts towards its 75 octets.
            current, size, limit = "", 0, LINE_OCTETS - 1
        current += char
        size += width
    pieces.append(current)
    return "\r\n ".join(pieces)


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
):
    """Return a VCALENDAR with one VEVENT as text: CRLF line ends, times in UTC, long lines folded.

    ``stamp`` is when the event information was made (DTSTAMP); empty optional values are left out.
    """
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{PRODID}",
        "CALSCALE:GREGORIAN",
        "BEGIN:VEVENT",
        f"UID:{uid}",
        f"DTSTAMP:{_utc(stamp)}",
        f"DTSTART:{_utc(starts_at)}",
        f"DTEND:{_utc(ends_at)}",
        f"SUMMARY:{_text(summary)}",
    ]
    if description:
        lines.append(f"DESCRIPTION:{_text(description)}")
    if location:
        lines.append(f"LOCATION:{_text(location)}")
    if url:
        lines.append(f"URL:{url}")
    if organiser_email:
        name = organiser_name.replace('"', "")
        lines.append(f'ORGANIZER;CN="{name}":mailto:{organiser_email}')
    lines += ["END:VEVENT", "END:VCALENDAR"]
    return "".join(_fold(line) + "\r\n" for line in lines)
