from django import forms
from django.utils.translation import gettext_lazy as _

from steunpunt.core.public_forms import PublicForm


class FeedbackForm(PublicForm):
    helpful = forms.TypedChoiceField(
        label=_("Did this information help you?"),
        choices=[("ja", _("Yes")), ("nee", _("No"))],
        coerce=lambda value: value == "ja",
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose yes or no."), "invalid_choice": _("Choose yes or no.")},
    )
    missing = forms.CharField(
        label=_("What did you miss? (you may leave this empty)"),
        help_text=_("Do not write your name or other personal details here."),
        required=False,
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3, "cols": 40}),
        error_messages={"max_length": _("Please keep it shorter: at most 500 characters.")},
    )
