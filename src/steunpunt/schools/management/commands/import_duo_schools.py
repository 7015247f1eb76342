import sys

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from steunpunt.schools.importer import ImportFileError, import_rows, read_file


class Command(BaseCommand):
    help = (
        "Import school files: DUO 'alle vestigingen' CSV files as they come from DUO, or the geocoded "
        "2024 extract of every school location. Safe to run again."
    )

    def add_arguments(self, parser):
        parser.add_argument("files", nargs="+", metavar="FILE")

    def _progress(self, done, total):
        if done % 250 == 0 or done == total:
            width = 30
            filled = width * done // total
            sys.stderr.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total}")
            if done == total:
                sys.stderr.write("\n")
            sys.stderr.flush()

    def handle(self, *args, files, **options):
        rows, skipped = [], None
        try:
            for path in files:
                file_rows, file_skipped = read_file(path)
                rows += file_rows
                skipped = file_skipped if skipped is None else skipped + file_skipped
        except ImportFileError as error:
            raise CommandError(_("Nothing was imported. %(reason)s") % {"reason": error}) from None
        summary = import_rows(rows, progress=self._progress if rows else None)
        summary.skipped.update(skipped)
        self.stdout.write(
            _("Created: %(created)s, updated: %(updated)s, unchanged: %(unchanged)s, skipped: %(skipped)s")
            % {
                "created": summary.created,
                "updated": summary.updated,
                "unchanged": summary.unchanged,
                "skipped": sum(summary.skipped.values()),
            }
        )
        self.stdout.write(_("New links to partnerships: %(links)s") % {"links": summary.links})
        for reason, count in sorted(summary.skipped.items()):
            self.stdout.write(f"  - {reason}: {count}")
