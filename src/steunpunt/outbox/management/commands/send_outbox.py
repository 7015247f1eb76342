from django.core.management.base import BaseCommand

from steunpunt.outbox.services import outbox_retry_all, outbox_send


class Command(BaseCommand):
    help = "Send the e-mails waiting in the outbox now (for example after a mail server outage)."

    def handle(self, *args, **options):
        outbox_retry_all()
        sent, failed, waiting = outbox_send(limit=100_000)
        self.stdout.write(f"sent: {sent}, failed: {failed}, still waiting: {waiting}")
