"""The short forms of the validation steps: the expert's sources, the reading panel's answer."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.forms import TaskStateCommentForm

__all__ = ["ExpertCheckForm", "PanelReviewForm", "TaskStateCommentForm"]


class ExpertCheckForm(TaskStateCommentForm):
    sources = forms.CharField(
        label=_("Sources you checked"),
        help_text=_("Law articles and official pages, one per line. Required."),
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": _("Write down the sources you checked.")},
    )


class PanelReviewForm(forms.Form):
    understandable = forms.ChoiceField(
        label=_("Is the text easy to understand?"),
        choices=[("yes", _("Yes")), ("partly", _("Partly")), ("no", _("No"))],
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose yes, partly or no.")},
    )
    unclear = forms.CharField(
        label=_("What is unclear?"), required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 3})
    )
    hard_words = forms.CharField(label=_("Which words are hard?"), required=False, max_length=500)
