"""Issue 13, the outbox's leftovers: a mail server that hangs holds a round up for ``EMAIL_TIMEOUT`` only;
a Wagtail workflow notification sent during an outage arrives once the server is back; a mail refused
for good is listed, with the server's reason, for the administrator of the steunpunt it was sent for,
and for nobody else."""

import socket

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.urls import reverse

from steunpunt.outbox.models import OutboxMail
from steunpunt.outbox.services import mail_enqueue, outbox_send
from steunpunt.privacy.models import AuditRecord
from steunpunt.tenants.roles import Role
from steunpunt.tenants.tests.factories import MembershipFactory, SupportPointFactory, UserFactory

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def silent_server(settings):
    """A mail server that takes the connection and then never says a word."""
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.bind(("127.0.0.1", 0))
    listener.listen(5)
    settings.OUTBOX_DELIVERY_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", listener.getsockname()[1]
    yield listener
    listener.close()


def test_the_delivery_backend_gives_up_on_a_silent_server_after_email_timeout(settings, silent_server):
    """Without a timeout the sending round would wait for ever; with EMAIL_TIMEOUT the mail waits and keeps
    the reason, and the round returns."""
    settings.EMAIL_TIMEOUT = 1
    mail = mail_enqueue(to="ouder@example.test", subject="Uw vraag", body="Tekst")  # a round after commit
    mail.refresh_from_db()
    assert mail.sent_at is None and mail.failed_at is None
    assert mail.attempts == 1
    assert "timed out" in mail.last_error
    assert mail.next_attempt_at > mail.created_at  # tried again later, with the growing pause


def test_a_wagtail_workflow_notification_sent_during_an_outage_arrives_when_the_server_is_back(smtp_down):
    """Submitting a page for approval mails the reviewers (Wagtail's notifier): stored while the server is
    down, delivered once when it is back."""
    from wagtail.models import GroupApprovalTask, Page, Workflow, WorkflowTask

    from steunpunt.core.pages import root_page

    reviewers = Group.objects.create(name="Beoordelaars")
    reviewer = UserFactory(email="beoordelaar@example.test")
    reviewer.groups.add(reviewers)
    editor = UserFactory(email="redacteur@example.test")
    task = GroupApprovalTask.objects.create(name="Nakijken")
    task.groups.add(reviewers)
    workflow = Workflow.objects.create(name="Nakijken")
    WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    page = root_page().add_child(instance=Page(title="Nieuwe tekst", slug="nieuwe-tekst"))
    page.save_revision(user=editor)

    workflow.start(page, editor)
    waiting = OutboxMail.objects.filter(to="beoordelaar@example.test", sent_at__isnull=True)
    assert waiting.count() == 1
    assert waiting.get().failed_at is None

    sink = smtp_down.start()
    call_command("send_outbox")
    call_command("send_outbox")
    delivered = [message for message in sink.messages if message["To"] == "beoordelaar@example.test"]
    assert len(delivered) == 1
    assert "Nieuwe tekst" in delivered[0]["Subject"]


def test_a_mail_refused_for_good_is_listed_for_its_steunpunts_administrator_with_the_reason(
    smtp_sink, staff_client
):
    own, other = SupportPointFactory(), SupportPointFactory()
    smtp_sink.refuse["weg@example.test"] = "550 5.1.1 <weg@example.test>: mailbox unknown"
    smtp_sink.refuse["ook-weg@example.test"] = "550 5.1.1 <ook-weg@example.test>: mailbox unknown"
    mine = mail_enqueue(to="weg@example.test", subject="Uw vraag", body="Tekst", support_point=own)
    theirs = mail_enqueue(to="ook-weg@example.test", subject="Uw vraag", body="Tekst", support_point=other)
    mail_enqueue(to="goed@example.test", subject="Uw vraag", body="Tekst", support_point=own)
    assert outbox_send() == (0, 0, 0)
    mine.refresh_from_db()
    assert mine.failed_at is not None

    administrator = MembershipFactory(support_point=own, role=Role.ADMINISTRATOR).user
    client = staff_client(administrator)
    response = client.get(reverse("failed_mails:index"))
    assert response.status_code == 200
    body = response.content.decode()
    assert "weg@example.test" in body
    assert "550 5.1.1 &lt;weg@example.test&gt;: mailbox unknown" in body
    assert "ook-weg@example.test" not in body  # another steunpunt's mail
    assert "goed@example.test" not in body  # delivered: nothing to do
    # The recipient's address is personal data: the listing left a read record for it.
    assert AuditRecord.objects.filter(
        actor_id=administrator.pk, object_type="outboxmail", object_id=str(mine.pk), action="read"
    ).exists()
    # Another steunpunt's failed mail, and any edit: not found.
    assert client.get(reverse("failed_mails:edit", args=[theirs.pk])).status_code == 404
    assert client.get(reverse("failed_mails:edit", args=[mine.pk])).status_code == 404


@pytest.mark.parametrize("role", [Role.CONSULTANT, Role.VOLUNTEER, Role.EDITOR, Role.BOARD])
def test_roles_that_do_not_manage_the_steunpunt_see_no_failed_mail(role, staff_client):
    user = MembershipFactory(role=role).user
    assert staff_client(user).get(reverse("failed_mails:index")).status_code == 404


def test_a_staff_invitation_is_mail_for_the_steunpunt_that_invites(staff_client):
    administrator = MembershipFactory(role=Role.ADMINISTRATOR)
    response = staff_client(administrator.user).post(
        reverse("memberships:add"),
        {
            "support_point": administrator.support_point.pk,
            "role": Role.CONSULTANT,
            "email": "nieuw@example.test",
            "first_name": "Nieuw",
            "last_name": "Lid",
        },
    )
    assert response.status_code == 302
    assert OutboxMail.objects.get(to="nieuw@example.test").support_point == administrator.support_point
