from django.core.management.base import BaseCommand

from steunpunt.evaluations.services import send_reminders


class Command(BaseCommand):
    help = "Send the one reminder to people who were invited to the evaluation a week ago and did not answer."

    def handle(self, *args, **options):
        self.stdout.write(f"{send_reminders()} reminders sent")
