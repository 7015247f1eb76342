from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms.auth import LoginForm as WagtailLoginForm
from wagtail.admin.forms.auth import PasswordResetForm as WagtailPasswordResetForm

from steunpunt.tenants.links import request_site_url


class TokenForm(forms.Form):
    token = forms.CharField(
        label=_("Code from your app"),
        help_text=_("Six digits. The code changes every 30 seconds."),
        max_length=6,
        min_length=6,
        error_messages={
            "required": _("Enter the code from your app."),
            "min_length": _("The code has six digits."),
            "max_length": _("The code has six digits."),
        },
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "pattern": "[0-9]*", "size": 8}
        ),
    )

    def clean_token(self):
        token = self.cleaned_data["token"].strip()
        if not token.isdigit():
            raise forms.ValidationError(_("The code has six digits."), code="invalid")
        return token


class LoginForm(WagtailLoginForm):
    """Wagtail's sign-in form, whose password field has no label of its own (Django then shows the
    English field name "Password")."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["password"].label = _("Password")


class PasswordResetForm(WagtailPasswordResetForm):
    """Wagtail's reset form, whose mail links to the configured address of the site the request came
    in on (``steunpunt.tenants.links``): not to the Host header, not to one address for all sites."""

    def save(self, *, request=None, extra_email_context=None, **kwargs):
        context = {**(extra_email_context or {}), "base_url": request_site_url(request)}
        return super().save(request=request, extra_email_context=context, **kwargs)
