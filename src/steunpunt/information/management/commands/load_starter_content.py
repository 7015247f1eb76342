from django.core.management.base import BaseCommand

from steunpunt.information.starter import load_starter_articles, load_starter_glossary


class Command(BaseCommand):
    help = "Load the starter national information set (drafts, not yet validated). Safe to run again."

    def handle(self, *args, **options):
        articles, terms = load_starter_articles(), load_starter_glossary()
        self.stdout.write(f"{articles} articles and {terms} glossary terms created")
