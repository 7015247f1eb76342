from django.core.management.base import BaseCommand, CommandError

from steunpunt.core.backup import BackupError, backup


class Command(BaseCommand):
    help = (
        "Back up the database (PostgreSQL with pg_dump, SQLite with its backup API) and the uploaded "
        "files into one .tar.gz with a manifest of row counts and checksums of every table."
    )

    def add_arguments(self, parser):
        parser.add_argument("output", help="a .tar.gz file, or a directory for a dated file")

    def handle(self, *args, output, **options):
        try:
            path, manifest = backup(output)
        except BackupError as error:
            raise CommandError(str(error)) from error
        rows = sum(table["rows"] for table in manifest["tables"].values())
        files = sum(len(found) for found in manifest["files"].values())
        self.stdout.write(
            f"Backup written to {path}: {len(manifest['tables'])} tables, {rows:,} rows, {files} files."
        )
