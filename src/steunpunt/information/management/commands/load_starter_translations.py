from django.core.management.base import BaseCommand

from steunpunt.information.starter_translations import load_starter_translations


class Command(BaseCommand):
    help = (
        "Load the starter translations of national articles (information/starter/translations/<language>/"
        "<slug>.json), published and marked 'not yet checked'. Safe to run again: a translation that "
        "exists is never overwritten."
    )

    def handle(self, *args, **options):
        result = load_starter_translations()
        for language, slug, reason in result.skipped:
            self.stderr.write(f"skipped {language}/{slug}: {reason}")
        self.stdout.write(f"{len(result.created)} translations created, {len(result.skipped)} skipped")
