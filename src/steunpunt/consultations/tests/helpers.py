"""Posting the booking form and reading calendar files, for the tests."""

HOST = {"HTTP_HOST": "noord.localhost"}


def booking_data(**overrides):
    """The booking form as a young person fills it in; ``None`` leaves a field out."""
    data = {
        "requester_kind": "young_person",
        "topic": "Ik wil praten over mijn rooster, het is te zwaar.",
        "name": "Samira",
        "email": "samira@example.test",
        "phone": "",
        "consent": "on",
        "website": "",
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def book(client, slot, **overrides):
    return client.post(f"/spreekuur/{slot.pk}/", booking_data(**overrides), **HOST)


def ics_lines(text):
    """Check the line ends and lengths of an iCalendar text; return its unfolded lines."""
    assert text.endswith("\r\n")
    physical = text[:-2].split("\r\n")
    assert all("\n" not in line and len(line.encode()) <= 75 for line in physical)
    unfolded = []
    for line in physical:
        if line.startswith(" "):
            unfolded[-1] += line[1:]
        else:
            unfolded.append(line)
    return unfolded


def ics_properties(text):
    """Return ``{name: value}`` of the event in an iCalendar text (parameters stripped from names)."""
    lines = ics_lines(text)
    assert lines[0] == "BEGIN:VCALENDAR" and lines[-1] == "END:VCALENDAR"
    event = lines[lines.index("BEGIN:VEVENT") + 1 : lines.index("END:VEVENT")]
    return {line.split(":", 1)[0].split(";", 1)[0]: line.split(":", 1)[1] for line in event}
