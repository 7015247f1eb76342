from django import forms
from django.utils.translation import gettext_lazy as _

from steunpunt.core.public_forms import PublicForm

from .models import Story


class StoryForm(PublicForm):
    author = forms.ChoiceField(
        label=_("Who are you?"),
        choices=Story.Author.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose who you are."), "invalid_choice": _("Choose who you are.")},
    )
    text = forms.CharField(
        label=_("Your story"),
        help_text=_(
            "What happened, and what helped or did not help? Do not write names of people or schools."
        ),
        min_length=30,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 8, "cols": 50}),
        error_messages={
            "required": _("Write your story."),
            "min_length": _("Please write a bit more: at least 30 characters."),
            "max_length": _("Please keep it shorter: at most 5000 characters."),
        },
    )
    consent = forms.BooleanField(
        label=_(
            "Yes, the steunpunt may publish my story without my name, "
            "after removing what could identify anyone."
        ),
        required=False,
    )
