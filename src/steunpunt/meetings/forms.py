from django import forms
from django.utils.translation import gettext_lazy as _


class RegistrationForm(forms.Form):
    name = forms.CharField(
        label=_("Your name"), max_length=100, error_messages={"required": _("Enter your name.")}
    )
    email = forms.EmailField(
        label=_("Your e-mail address"),
        help_text=_("We send the details and a link to cancel."),
        error_messages={
            "required": _("Enter your e-mail address."),
            "invalid": _("Enter an e-mail address such as naam@voorbeeld.nl."),
        },
    )
