from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from steunpunt.tenants.services import support_point_create


class Command(BaseCommand):
    help = (
        "Create a steunpunt with its own public site, e.g. "
        "--name 'Steunpunt Noord' --hostname noord.example.nl --partnership PO2001"
    )

    def add_arguments(self, parser):
        parser.add_argument("--name", required=True)
        parser.add_argument("--hostname", required=True, help="host name of its public site")
        parser.add_argument(
            "--partnership",
            action="append",
            required=True,
            dest="partnerships",
            help="partnership code such as PO2701; repeat for more",
        )
        parser.add_argument("--slug", default="")
        parser.add_argument("--email", default="")
        parser.add_argument("--phone", default="")
        parser.add_argument("--address", default="")
        parser.add_argument("--colour", default="#1f5c99")
        parser.add_argument("--port", type=int, default=80)

    def handle(self, *args, **options):
        try:
            support_point = support_point_create(
                name=options["name"],
                hostname=options["hostname"],
                partnership_codes=options["partnerships"],
                slug=options["slug"],
                email=options["email"],
                phone=options["phone"],
                address=options["address"],
                brand_colour=options["colour"],
                port=options["port"],
            )
        except ValidationError as error:
            messages = [
                f"{field}: {message}" for field, items in error.message_dict.items() for message in items
            ]
            raise CommandError("\n".join(messages)) from None
        self.stdout.write(f"{support_point.name}: {support_point.site.root_url}/")
