from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from steunpunt.accounts.totp import confirmed_device, current_code


class Command(BaseCommand):
    help = "Print the current two-factor code of a demo account, so trying the platform needs no app."

    def add_arguments(self, parser):
        parser.add_argument("username")

    def handle(self, *args, username, **options):
        user = get_user_model().objects.filter(username=username).first()
        # Only demo accounts: a real account's second factor must stay on its owner's phone.
        if user is None or not user.memberships.filter(support_point__is_demo=True).exists():
            raise CommandError(
                _("There is no demo account with the user name %(username)s.") % {"username": username}
            )
        device = confirmed_device(user)
        if device is None:
            raise CommandError(
                _("%(username)s has not set up two-step verification yet.") % {"username": username}
            )
        self.stdout.write(current_code(device))
