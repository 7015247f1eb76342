"""The outbox: mail waits in the database while the mail server is down, and goes out once when it is back."""

import re
from datetime import timedelta

import pytest
import time_machine
from django.core import mail as django_mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from steunpunt.outbox.models import OutboxMail
from steunpunt.outbox.services import mail_enqueue, outbox_send
from steunpunt.tenants.roles import Role
from steunpunt.tenants.tests.factories import MembershipFactory, SupportPointFactory, UserFactory

pytestmark = pytest.mark.django_db(transaction=True)
HOST = {"HTTP_HOST": "noord.localhost"}


def test_twenty_questions_during_an_outage_give_twenty_mails_each_delivered_once(client, platform, smtp_down):
    SupportPointFactory(hostname="noord.localhost")
    for number in range(20):
        response = client.post(
            "/vraag/",
            {
                "requester_kind": "parent",
                "question": f"Vraag nummer {number}",
                "age_group": "4_12",
                "school_type": "primary",
                "answer_by": "email",
                "requester_email": f"ouder{number}@example.test",
                "consent": "on",
            },
            **HOST,
        )
        assert response.status_code == 302  # the question is accepted whatever the mail server does
    assert OutboxMail.objects.filter(sent_at__isnull=True).count() == 20
    assert OutboxMail.objects.filter(attempts__gte=1).exists()

    smtp_sink = smtp_down.start()  # the mail server is back
    call_command("send_outbox")
    call_command("send_outbox")  # a second round sends nothing twice
    assert outbox_send() == (0, 0, 0)
    receivers = sorted(message["To"] for message in smtp_sink.messages)
    assert receivers == sorted(f"ouder{number}@example.test" for number in range(20))
    assert OutboxMail.objects.filter(sent_at__isnull=True).count() == 0


def test_a_mail_waits_with_a_growing_pause_and_keeps_the_error(smtp_down):
    mail = mail_enqueue(to="a@example.test", subject="Onderwerp", body="Tekst")  # tried at once, after commit
    mail.refresh_from_db()
    first_pause = mail.next_attempt_at
    assert mail.attempts == 1 and mail.last_error
    assert outbox_send() == (0, 0, 1)  # not due yet: no new attempt
    call_command("send_outbox")
    mail.refresh_from_db()
    assert mail.attempts == 2 and mail.next_attempt_at > first_pause


def test_attachments_go_with_the_mail(smtp_sink):
    mail_enqueue(
        to="a@example.test",
        subject="Afspraak",
        body="Tot dan.",
        attachments=[
            {
                "filename": "afspraak.ics",
                "content": "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n",
                "mimetype": "text/calendar",
            }
        ],
    )
    outbox_send()
    [message] = smtp_sink.messages
    [attachment] = list(message.iter_attachments())
    assert attachment.get_filename() == "afspraak.ics"


def test_every_try_of_one_mail_carries_the_same_message_id(smtp_sink):
    mail = mail_enqueue(to="a@example.test", subject="Onderwerp", body="Tekst")
    outbox_send()
    OutboxMail.objects.filter(pk=mail.pk).update(sent_at=None)  # as if the first send was not recorded
    outbox_send()
    first, second = smtp_sink.messages
    assert first["Message-ID"] == second["Message-ID"]
    mail_enqueue(to="b@example.test", subject="Ander", body="Tekst")
    outbox_send()
    assert len({message["Message-ID"] for message in smtp_sink.messages}) == 2


def test_a_mail_the_server_took_while_the_database_went_away_is_not_sent_again(smtp_sink, monkeypatch):
    from django.db import DatabaseError

    save = OutboxMail.save

    def database_gone_once(self, *args, **kwargs):
        if self.sent_at is not None and not getattr(database_gone_once, "done", False):
            database_gone_once.done = True
            raise DatabaseError("server closed the connection unexpectedly")
        return save(self, *args, **kwargs)

    monkeypatch.setattr(OutboxMail, "save", database_gone_once)
    mail = mail_enqueue(to="a@example.test", subject="Onderwerp", body="Tekst")  # sent after commit
    assert database_gone_once.done
    assert outbox_send() == (0, 0, 0)
    mail.refresh_from_db()
    assert mail.sent_at is not None
    assert len(smtp_sink.messages) == 1


def test_a_recipient_refused_for_good_fails_alone_and_the_others_are_sent_once(smtp_sink):
    """One message to three people, the server answers 550 for one: two delivered, one failed with the
    server's reason, and no later round sends anything again."""
    smtp_sink.refuse["weg@example.test"] = "550 5.1.1 <weg@example.test>: mailbox unknown"
    recipients = ["een@example.test", "weg@example.test", "drie@example.test"]
    django_mail.send_mail("Nieuwsbrief", "Tekst", None, recipients)  # through the outbox backend
    assert OutboxMail.objects.count() == 3
    assert outbox_send() == (0, 0, 0)  # the first round ran after commit; nothing is left

    delivered = sorted(address for message in smtp_sink.messages for address in message.envelope_recipients)
    assert delivered == ["drie@example.test", "een@example.test"]
    assert all(message["To"] == ", ".join(recipients) for message in smtp_sink.messages)  # as written
    refused = OutboxMail.objects.get(to="weg@example.test")
    assert refused.sent_at is None and refused.failed_at is not None
    assert refused.last_error == "550 5.1.1 <weg@example.test>: mailbox unknown"
    assert OutboxMail.objects.filter(sent_at__isnull=False).count() == 2

    call_command("send_outbox")  # after an outage everything waiting is tried: a failed mail is not waiting
    assert len(smtp_sink.messages) == 2
    assert smtp_sink.inbox.rcpt_attempts.count("weg@example.test") == 1


def test_a_temporary_refusal_is_tried_again_later_with_a_growing_pause(smtp_sink):
    """A 451 keeps the mail waiting (2, then 4 minutes) while the round goes on; once the server
    accepts, the mail is delivered once."""
    smtp_sink.refuse["later@example.test"] = "451 4.3.0 Mailbox busy, try again later"
    later = mail_enqueue(to="later@example.test", subject="Uw vraag", body="Tekst")
    mail_enqueue(to="now@example.test", subject="Uw vraag", body="Tekst")
    assert [message["To"] for message in smtp_sink.messages] == ["now@example.test"]
    later.refresh_from_db()
    assert later.failed_at is None and later.sent_at is None and later.attempts == 1
    assert later.last_error == "451 4.3.0 Mailbox busy, try again later"
    first_pause = later.next_attempt_at - timezone.now()
    assert timedelta(minutes=1) < first_pause <= timedelta(minutes=2)
    assert outbox_send() == (0, 0, 1)  # not due yet: no new attempt

    with time_machine.travel(later.next_attempt_at + timedelta(seconds=1)):
        assert outbox_send() == (0, 1, 1)
        later.refresh_from_db()
        second_pause = later.next_attempt_at - timezone.now()
    assert later.attempts == 2 and timedelta(minutes=3) < second_pause <= timedelta(minutes=4)

    del smtp_sink.refuse["later@example.test"]  # the server accepts again
    with time_machine.travel(later.next_attempt_at + timedelta(seconds=1)):
        assert outbox_send() == (1, 0, 0)
        assert outbox_send() == (0, 0, 0)
    assert [message["To"] for message in smtp_sink.messages] == ["now@example.test", "later@example.test"]


def test_the_pause_grows_up_to_an_hour():
    """Exponential backoff with a cap: 2, 4, 8 … minutes, never more than an hour."""
    from steunpunt.outbox.services import MAX_PAUSE, _pause

    assert [_pause(n) for n in (1, 2, 3)] == [timedelta(minutes=m) for m in (2, 4, 8)]
    assert _pause(6) == MAX_PAUSE == _pause(30)


def test_a_staff_invitation_and_a_wagtail_password_reset_in_an_outage_arrive_when_the_server_is_back(
    staff_client, smtp_down, client
):
    """Django's and Wagtail's own mails go through the outbox too: lost by nobody during an outage."""
    admin = MembershipFactory(role=Role.ADMINISTRATOR)
    UserFactory(email="vergeten@example.test", password="een-oud-wachtwoord")
    response = staff_client(admin.user).post(
        reverse("memberships:add"),
        {
            "support_point": admin.support_point.pk,
            "role": Role.CONSULTANT,
            "email": "nieuw@example.test",
            "first_name": "Nieuw",
            "last_name": "Lid",
        },
    )
    assert response.status_code == 302
    client.logout()
    response = client.post(
        "/admin/password_reset/", {"email": "vergeten@example.test"}, HTTP_HOST="127.0.0.1"
    )
    assert response.status_code == 302
    waiting = OutboxMail.objects.filter(sent_at__isnull=True, failed_at__isnull=True)
    assert sorted(waiting.values_list("to", flat=True)) == ["nieuw@example.test", "vergeten@example.test"]
    assert all(mail.attempts == 1 and "refused" in mail.last_error.lower() for mail in waiting)

    smtp_sink = smtp_down.start()  # the mail server is back
    call_command("send_outbox")
    call_command("send_outbox")
    assert sorted(message["To"] for message in smtp_sink.messages) == [
        "nieuw@example.test",
        "vergeten@example.test",
    ]
    reset = next(message for message in smtp_sink.messages if message["To"] == "vergeten@example.test")
    assert re.search(r"/admin/password_reset/confirm/\S+", reset.get_body(("plain",)).get_content())


def test_a_wagtail_notification_keeps_its_html_headers_and_recipients(smtp_sink):
    """What Wagtail sends (HTML alternative, Auto-Submitted, Cc and Bcc) arrives as written, each
    recipient once, with one Message-ID for the one message."""
    from wagtail.admin.mail import send_mail

    send_mail(
        "Pagina ter goedkeuring",
        "Platte tekst",
        ["redacteur@example.test"],
        cc=["coordinator@example.test"],
        bcc=["archief@example.test"],
        html_message="<p>Opgemaakte tekst</p>",
    )
    assert len(smtp_sink.messages) == 3
    envelopes = sorted(address for message in smtp_sink.messages for address in message.envelope_recipients)
    assert envelopes == ["archief@example.test", "coordinator@example.test", "redacteur@example.test"]
    for message in smtp_sink.messages:
        assert message["To"] == "redacteur@example.test"
        assert message["Cc"] == "coordinator@example.test"
        assert message["Bcc"] is None
        assert message["Auto-Submitted"] == "auto-generated"
        assert message.get_body(("html",)).get_content().strip() == "<p>Opgemaakte tekst</p>"
    assert len({message["Message-ID"] for message in smtp_sink.messages}) == 1


def test_without_a_mail_server_tests_see_mail_in_django_mail_outbox(mailoutbox):
    """The test settings deliver through locmem: ``mail.outbox`` still shows what was sent."""
    django_mail.send_mail("Onderwerp", "Tekst", None, ["a@example.test"])
    [message] = mailoutbox
    assert message.to == ["a@example.test"] and message.subject == "Onderwerp"
    assert OutboxMail.objects.get().sent_at is not None


def test_a_mail_that_cannot_be_stored_raises_unless_the_caller_asked_for_silence(monkeypatch):
    """An ordinary mail never disappears silently; Django's fail_silently (error mails) is honoured."""
    from django.core.mail import get_connection
    from django.db import DatabaseError

    def database_away(*args, **kwargs):
        raise DatabaseError("the database is away")

    monkeypatch.setattr(OutboxMail.objects, "bulk_create", database_away)
    with pytest.raises(DatabaseError):
        django_mail.send_mail("Onderwerp", "Tekst", None, ["a@example.test"])
    silent = get_connection(fail_silently=True)
    assert django_mail.send_mail("Onderwerp", "Tekst", None, ["a@example.test"], connection=silent) == 0


def test_several_mails_are_stored_in_one_statement_and_sent_in_one_round(
    smtp_sink, django_assert_num_queries, django_capture_on_commit_callbacks
):
    from django.db import transaction

    from steunpunt.outbox.services import mails_enqueue

    own = SupportPointFactory()
    mails = [
        {"to": "ouder@example.test", "subject": "Uw vraag\n V-1", "body": "Tekst", "support_point": own},
        {"to": "team@example.test", "subject": "Nieuwe vraag", "body": "Geen gegevens"},
    ]
    with transaction.atomic():
        with django_capture_on_commit_callbacks() as callbacks, django_assert_num_queries(1):
            rows = mails_enqueue(mails)
        # One sending round is asked for, after commit: nothing is sent before.
        assert len(callbacks) == 1 and smtp_sink.messages == [] and all(row.pk for row in rows)
    assert sorted(message["To"] for message in smtp_sink.messages) == [
        "ouder@example.test",
        "team@example.test",
    ]
    stored = {mail.to: mail for mail in OutboxMail.objects.all()}
    assert stored["ouder@example.test"].subject == "Uw vraag V-1"
    assert stored["ouder@example.test"].support_point_id == own.pk
    assert stored["team@example.test"].support_point_id is None
    assert all(mail.sent_at is not None for mail in stored.values())
    assert mails_enqueue([]) == []
