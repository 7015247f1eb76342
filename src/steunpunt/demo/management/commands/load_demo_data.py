from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import translation
from django.utils.translation import gettext as _

from steunpunt.demo.services import load_demo_data, write_logins


class Command(BaseCommand):
    help = "Create or refresh the two demo steunpunten and their accounts (safe to run again)."

    def add_arguments(self, parser):
        parser.add_argument("--port", type=int, default=8000, help="port the platform is served on")
        parser.add_argument(
            "--logins-file",
            default=str(settings.REPO_DIR / "demo-logins.json"),
            help="where to write the demo logins (JSON)",
        )

    def handle(self, *args, port, logins_file, **options):
        if not getattr(settings, "DEMO_DATA_ALLOWED", False):
            raise CommandError(_("Demo data is switched off in these settings (DEMO_DATA_ALLOWED)."))
        translation.activate(settings.LANGUAGE_CODE)
        logins = load_demo_data(port=port)
        write_logins(logins, Path(logins_file))
        self.stdout.write(f"{len(logins)} demo accounts written to {logins_file}")
