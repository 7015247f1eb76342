"""The public pages: free times by day, booking one, the booker's page, cancelling, the calendar file."""

import datetime

import pytest
from django.utils import timezone, translation
from django.utils.formats import date_format

from steunpunt.consultations.models import Booking
from steunpunt.outbox.models import OutboxMail
from steunpunt.privacy.models import AuditRecord
from steunpunt.support.models import Case, CaseStatus, Channel, RequesterKind

from .factories import SlotFactory, next_week_at
from .helpers import HOST, book, booking_data, ics_properties

pytestmark = pytest.mark.django_db


def _utc(moment):
    return moment.astimezone(datetime.UTC).strftime("%Y%m%dT%H%M%SZ")


def _calendar_attachments(message):
    return [part for part in message.iter_attachments() if part.get_content_type() == "text/calendar"]


def test_the_free_times_are_listed_by_day_in_dutch(client, slot, noord):
    later = SlotFactory(support_point=noord, starts_at=next_week_at(16), ends_at=next_week_at(16, 30))
    SlotFactory(support_point=noord, starts_at=timezone.now() - datetime.timedelta(days=1))
    taken = SlotFactory(support_point=noord, starts_at=next_week_at(10), ends_at=next_week_at(10, 30))
    book(client, taken)
    html = client.get("/spreekuur/", **HOST).content.decode()
    with translation.override("nl"):
        day = date_format(timezone.localtime(slot.starts_at), "l j F Y")
    assert html.count(f"<h2>{day}</h2>") == 1
    assert f'href="/spreekuur/{slot.pk}/"' in html and f'href="/spreekuur/{later.pk}/"' in html
    assert "15:00 tot 15:30 uur" in html and "Voorbeeldstraat 1, Groningen" in html
    assert f'href="/spreekuur/{taken.pk}/"' not in html
    assert html.index(f"/spreekuur/{slot.pk}/") < html.index(f"/spreekuur/{later.pk}/")


def test_without_free_times_the_page_says_so(client, noord):
    assert "Er zijn nu geen vrije tijden" in client.get("/spreekuur/", **HOST).content.decode()


def test_a_booking_puts_a_question_in_the_inbox_and_mails_a_calendar_file(
    client, slot, smtp_sink, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = book(client, slot)
    booking = Booking.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/spreekuur/afspraak/{booking.token}/?geboekt=1"
    assert (booking.slot, booking.status, booking.requester_kind) == (slot, "booked", "young_person")
    assert (booking.name, booking.email, booking.consent_at is not None) == (
        "Samira",
        "samira@example.test",
        True,
    )
    case = booking.case
    assert (case.channel, case.status, case.requester_kind) == (
        Channel.CONSULTATION,
        CaseStatus.NEW,
        RequesterKind.YOUNG_PERSON,
    )
    assert case.question == booking.topic and case.requester_email == "samira@example.test"
    assert AuditRecord.objects.filter(
        object_type="booking", object_id=str(booking.pk), action="create"
    ).exists()

    link = f"http://noord.localhost/spreekuur/afspraak/{booking.token}/"
    [confirmation] = [message for message in smtp_sink.messages if _calendar_attachments(message)]
    assert confirmation["To"] == "samira@example.test" and "Je afspraak op" in confirmation["Subject"]
    assert link in confirmation.get_body(preferencelist=("plain",)).get_content()
    [attachment] = _calendar_attachments(confirmation)
    assert attachment.get_filename() == "spreekuur.ics"
    event = ics_properties(attachment.get_content())
    assert (event["DTSTART"], event["DTEND"]) == (_utc(slot.starts_at), _utc(slot.ends_at))
    assert event["LOCATION"] == "Voorbeeldstraat 1\\, Groningen"

    page = client.get(response["Location"], **HOST)
    html = page.content.decode()
    assert "Je afspraak staat vast" in html and "15:00 tot 15:30 uur" in html
    assert "Voorbeeldstraat 1, Groningen" in html and "Bel aan bij de zijdeur." in html
    assert f'href="/spreekuur/afspraak/{booking.token}/agenda.ics"' in html and link in html
    assert page["Cache-Control"] == "no-store" and page["Referrer-Policy"] == "same-origin"


def test_cancelling_frees_the_time_for_someone_else(client, slot):
    book(client, slot)
    booking = Booking.objects.get()
    page = client.get(f"/spreekuur/afspraak/{booking.token}/", **HOST).content.decode()
    assert "Afspraak afzeggen" in page and 'method="post"' in page
    assert Booking.objects.get().status == "booked"  # GET only shows the button

    # The button asks first; nothing is cancelled until the person confirms.
    asked = client.post(f"/spreekuur/afspraak/{booking.token}/", **HOST).content.decode()
    assert "Wil je deze afspraak echt afzeggen?" in asked and 'name="confirm" value="yes"' in asked
    assert Booking.objects.get().status == "booked"
    response = client.post(f"/spreekuur/afspraak/{booking.token}/", {"confirm": "yes"}, **HOST)
    assert response.status_code == 302
    booking.refresh_from_db()
    assert booking.status == "cancelled"
    assert booking.case.status == CaseStatus.NEW and booking.case.question == booking.topic
    assert "Je afspraak is afgezegd" in client.get(response["Location"], **HOST).content.decode()
    assert client.get(f"/spreekuur/afspraak/{booking.token}/agenda.ics", **HOST).status_code == 404
    assert f'href="/spreekuur/{slot.pk}/"' in client.get("/spreekuur/", **HOST).content.decode()

    assert book(client, slot, email="wim@example.test", name="Wim").status_code == 302
    assert Booking.objects.get(status="booked").email == "wim@example.test"
    again = client.post(f"/spreekuur/afspraak/{booking.token}/", {"confirm": "yes"}, **HOST)
    assert again.status_code == 302
    assert Booking.objects.filter(status="booked").count() == 1


@pytest.mark.parametrize(
    ("when", "message"),
    [("taken", "Iemand anders heeft deze tijd al geboekt"), ("past", "Deze tijd is al voorbij")],
)
def test_a_taken_or_past_time_is_refused_politely_and_nothing_is_stored(client, slot, when, message):
    if when == "taken":
        book(client, slot, email="eerste@example.test")
    else:
        slot.starts_at = timezone.now() - datetime.timedelta(hours=1)
        slot.ends_at = slot.starts_at + datetime.timedelta(minutes=30)
        slot.save()
    before = (Booking.objects.count(), Case.objects.count(), OutboxMail.objects.count())
    response = book(client, slot, email="tweede@example.test")
    assert response.status_code == 400
    assert message in response.content.decode()
    assert (Booking.objects.count(), Case.objects.count(), OutboxMail.objects.count()) == before
    assert message in client.get(f"/spreekuur/{slot.pk}/", **HOST).content.decode()


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"email": ""}, "Vul uw e-mailadres in."),
        ({"email": "geen-adres"}, "naam@voorbeeld.nl"),
        ({"topic": "Mijn rooster is te zwaar. " * 40}, "Maak het korter: maximaal 1000 tekens."),
        ({"website": "https://spam.example"}, "Uw bericht is niet verstuurd."),
        ({"consent": None}, "Zet een vinkje bij de privacyverklaring."),
        ({"requester_kind": "robot"}, "Kies wie u bent."),
        ({"phone": "bel me"}, "06 12345678"),
    ],
)
def test_bad_input_gets_a_dutch_message_keeps_the_text_and_stores_nothing(client, slot, overrides, message):
    response = book(client, slot, **overrides)
    html = response.content.decode()
    assert response.status_code == 400
    assert message in html and "Er klopt nog iets niet" in html
    assert booking_data(**overrides)["topic"].strip() in html
    assert not Booking.objects.exists() and not Case.objects.exists() and not OutboxMail.objects.exists()


def test_the_form_links_errors_to_their_fields(client, slot):
    html = book(client, slot, email="").content.decode()
    assert 'href="#id_email"' in html
    assert 'aria-describedby="id_email-hint id_email-error"' in html
    assert '<label for="id_topic">' in html and "<legend>Wie bent u?</legend>" in html


def test_another_steunpunts_time_or_booking_is_not_found(client, slot, midden):
    book(client, slot)
    token = Booking.objects.get().token
    other = {"HTTP_HOST": "midden.localhost"}
    assert client.get(f"/spreekuur/{slot.pk}/", **other).status_code == 404
    assert client.post(f"/spreekuur/{slot.pk}/", booking_data(), **other).status_code == 404
    assert client.get(f"/spreekuur/afspraak/{token}/", **other).status_code == 404
    assert client.post(f"/spreekuur/afspraak/{token}/", **other).status_code == 404
    assert client.get(f"/spreekuur/afspraak/{token}/agenda.ics", **other).status_code == 404
    assert client.get("/spreekuur/afspraak/onzin/", **HOST).status_code == 404
    assert client.get("/spreekuur/", HTTP_HOST="127.0.0.1").status_code == 404
    assert Booking.objects.get().status == "booked" and Booking.objects.count() == 1


def test_the_calendar_download_is_a_valid_icalendar_file(client, slot):
    book(client, slot)
    booking = Booking.objects.get()
    response = client.get(f"/spreekuur/afspraak/{booking.token}/agenda.ics", **HOST)
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="spreekuur.ics"'
    event = ics_properties(response.content.decode())
    assert event["UID"] == f"consultation-{booking.pk}@noord.localhost"
    assert (event["DTSTART"], event["DTEND"]) == (_utc(slot.starts_at), _utc(slot.ends_at))
    assert event["DTSTAMP"] == _utc(booking.created_at)
    assert event["SUMMARY"] == "Spreekuur bij Steunpunt Noord"
    assert event["DESCRIPTION"].startswith("Bel aan bij de zijdeur.\\n\\n")
    assert f"http://noord.localhost/spreekuur/afspraak/{booking.token}/" in event["DESCRIPTION"]
    assert event["ORGANIZER"] == "mailto:info@noord.example"


def test_an_online_time_shows_its_link_only_to_the_booker(client, noord):
    slot = SlotFactory(support_point=noord, place="", online_url="https://meet.example/spreekuur-noord")
    assert "meet.example" not in client.get(f"/spreekuur/{slot.pk}/", **HOST).content.decode()
    book(client, slot)
    token = Booking.objects.get().token
    assert (
        'href="https://meet.example/spreekuur-noord"'
        in client.get(f"/spreekuur/afspraak/{token}/", **HOST).content.decode()
    )
    event = ics_properties(client.get(f"/spreekuur/afspraak/{token}/agenda.ics", **HOST).content.decode())
    assert event["URL"] == event["LOCATION"] == "https://meet.example/spreekuur-noord"


def test_too_many_bookings_from_one_address_are_refused_with_the_text_kept(client, slot, settings):
    settings.PUBLIC_FORM_RATE = settings.PUBLIC_FORM_RATE_UNVERIFIED = "1/h"
    book(client, slot)
    Booking.objects.update(status="cancelled")
    response = book(client, slot, topic="Tweede poging")
    assert response.status_code == 429
    assert (
        "Tweede poging" in response.content.decode() and Booking.objects.filter(status="booked").count() == 0
    )


def test_a_booking_in_english_is_english_from_form_to_mail_and_stays_so_when_staff_move_it(
    client, slot, smtp_sink, django_capture_on_commit_callbacks
):
    """Issue 17: booked on /en/spreekuur/, the booking's question is in English, its page and mail are
    English and link under /en/; the fallback question staff read stays Dutch."""
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/en/spreekuur/{slot.pk}/", booking_data(topic=""), **HOST)
    booking = Booking.objects.get()
    assert response["Location"] == f"/en/spreekuur/afspraak/{booking.token}/?geboekt=1"
    assert booking.case.language == "en" and booking.case.question == "Afspraak op het spreekuur"
    page = client.get(response["Location"], **HOST).content.decode()
    assert '<html lang="en" dir="ltr">' in page
    [confirmation] = [message for message in smtp_sink.messages if _calendar_attachments(message)]
    body = confirmation.get_body(preferencelist=("plain",)).get_content()
    assert f"http://noord.localhost/en/spreekuur/afspraak/{booking.token}/" in body
    assert "afspraak" not in confirmation["Subject"].lower()
    errors = client.post(f"/en/spreekuur/{slot.pk}/", booking_data(consent=None), **HOST)
    assert errors.status_code == 400 and 'lang="en"' in errors.content.decode()
