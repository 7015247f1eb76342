from django.core.management.base import BaseCommand

from steunpunt.information.starter import load_starter_articles


class Command(BaseCommand):
    help = "Load the starter national information set (drafts, not yet validated). Safe to run again."

    def handle(self, *args, **options):
        created = load_starter_articles()
        self.stdout.write(f"{created} articles created")
