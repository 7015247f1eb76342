from django.core.management.base import BaseCommand, CommandError

from steunpunt.core.backup import BackupError, restore


class Command(BaseCommand):
    help = (
        "Restore a backup made by `backup` over the database (DATABASE_URL, or --database-url) and the "
        "uploaded files. Everything there now is replaced, so --yes is required."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "archive", help="the .tar.gz written by `backup`, or its directory (then the newest backup in it)"
        )
        parser.add_argument("--database-url", help="restore into this database instead of the configured one")
        parser.add_argument("--no-files", action="store_true", help="restore the database only")
        parser.add_argument("--yes", action="store_true", help="confirm that the target may be overwritten")

    def handle(self, *args, archive, database_url, no_files, yes, **options):
        if not yes:
            raise CommandError("Restoring replaces the database and the files; add --yes to go ahead.")
        try:
            manifest = restore(archive, database_url=database_url, files=not no_files)
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            f"Restored {len(manifest['tables'])} tables from the backup of {manifest['created']}."
        )
