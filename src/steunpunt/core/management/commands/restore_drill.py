from django.core.management.base import BaseCommand, CommandError

from steunpunt.core.backup import BackupError, describe, restore_drill


class Command(BaseCommand):
    help = (
        "Restore a backup into a scratch database (dropped afterwards) and compare the row count and "
        "checksum of every table, and every file, with the backup's manifest. Fails on any difference."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "archive", help="the .tar.gz written by `backup`, or its directory (then the newest backup in it)"
        )

    def handle(self, *args, archive, **options):
        try:
            manifest, rows = restore_drill(archive)
        except BackupError as error:
            raise CommandError(str(error)) from error
        width = max((len(name) for _kind, name, *_rest in rows), default=10)
        for kind, name, expected, found, ok in rows:
            mark = "ok" if ok else "DIFFERENT"
            self.stdout.write(
                f"{kind:<5} {name:<{width}}  {describe(expected):<28} {describe(found):<28} {mark}"
            )
        wrong = [name for _kind, name, _expected, _found, ok in rows if not ok]
        tables = sum(1 for kind, *_rest in rows if kind == "table")
        if wrong:
            raise CommandError(
                f"The restored backup differs in {len(wrong)} place(s): {', '.join(wrong[:10])}"
            )
        self.stdout.write(
            f"Restore drill passed: {tables} tables and {len(rows) - tables} files as in the backup of "
            f"{manifest['created']}."
        )
