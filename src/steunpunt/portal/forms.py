from django import forms
from django.utils.translation import gettext_lazy as _

from steunpunt.tenants.regions import InvalidPostcode, normalise_postcode


class PostcodeForm(forms.Form):
    postcode = forms.CharField(
        label=_("Your postcode"),
        help_text=_("The four digits are enough, for example 9711."),
        max_length=12,
        error_messages={"required": _("Enter your postcode.")},
        widget=forms.TextInput(attrs={"autocomplete": "postal-code", "inputmode": "text", "size": 8}),
    )

    def clean_postcode(self):
        try:
            return normalise_postcode(self.cleaned_data["postcode"])
        except InvalidPostcode:
            raise forms.ValidationError(
                _("This is not a postcode. A postcode has four digits, for example 9711 or 9711 AB."),
                code="invalid_postcode",
            ) from None
