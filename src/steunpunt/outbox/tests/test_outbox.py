"""The outbox: mail waits in the database while the mail server is down, and goes out once when it is back."""

import pytest
from django.core.management import call_command

from steunpunt.outbox.models import OutboxMail
from steunpunt.outbox.services import mail_enqueue, outbox_send
from steunpunt.tenants.tests.factories import SupportPointFactory

pytestmark = pytest.mark.django_db(transaction=True)
HOST = {"HTTP_HOST": "noord.localhost"}


def test_twenty_questions_during_an_outage_give_twenty_mails_each_delivered_once(
    client, platform, smtp_sink, settings, closed_port
):
    SupportPointFactory(hostname="noord.localhost")
    working_port = settings.EMAIL_PORT
    settings.EMAIL_PORT = closed_port  # the mail server is down
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
    assert smtp_sink.messages == []
    assert OutboxMail.objects.filter(attempts__gte=1).exists()

    settings.EMAIL_PORT = working_port  # the mail server is back
    call_command("send_outbox")
    call_command("send_outbox")  # a second round sends nothing twice
    assert outbox_send() == (0, 0, 0)
    receivers = sorted(message["To"] for message in smtp_sink.messages)
    assert receivers == sorted(f"ouder{number}@example.test" for number in range(20))
    assert OutboxMail.objects.filter(sent_at__isnull=True).count() == 0


def test_a_mail_waits_with_a_growing_pause_and_keeps_the_error(settings, closed_port):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", closed_port
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
