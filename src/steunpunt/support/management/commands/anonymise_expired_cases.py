from django.core.management.base import BaseCommand

from steunpunt.support.retention import anonymise_expired_cases


class Command(BaseCommand):
    help = (
        "Remove names, contact details, texts and messages of closed questions whose steunpunt's "
        "retention period has passed. Run it daily (cron or a systemd timer)."
    )

    def handle(self, *args, **options):
        count = anonymise_expired_cases()
        self.stdout.write(f"{count} questions anonymised")
