from django import forms
from django.utils.translation import gettext_lazy as _

from steunpunt.core.public_forms import PublicForm


class RegistrationForm(PublicForm):
    name = forms.CharField(
        label=_("Your name"),
        max_length=100,
        error_messages={
            "required": _("Enter your name."),
            "max_length": _("Please keep it shorter: at most 100 characters."),
        },
    )
    email = forms.EmailField(
        label=_("Your e-mail address"),
        help_text=_("We send the details and a link to cancel."),
        max_length=254,
        error_messages={
            "required": _("Enter your e-mail address."),
            "invalid": _("Enter an e-mail address such as naam@voorbeeld.nl."),
            "max_length": _("Enter an e-mail address such as naam@voorbeeld.nl."),
        },
    )
