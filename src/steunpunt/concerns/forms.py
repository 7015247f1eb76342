import re

from django import forms
from django.utils.translation import gettext_lazy as _

from steunpunt.information.models import Theme

from .models import ConcernStatus, Severity

REFERENCE = re.compile(r"V-[A-Z0-9]{8}")


class ConcernForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    description = forms.CharField(
        label=_("Description"),
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("No names of people or schools."),
    )
    severity = forms.ChoiceField(label=_("Severity"), choices=Severity.choices, initial=Severity.MEDIUM)
    themes = forms.ModelMultipleChoiceField(
        label=_("Themes"), queryset=Theme.objects.all(), required=False, widget=forms.CheckboxSelectMultiple
    )
    references = forms.CharField(
        label=_("Questions it came from"),
        required=False,
        help_text=_(
            "Numbers of questions, such as V-AB12CD34, separated by spaces. Only staff see these links."
        ),
    )

    def __init__(self, *args, linkable, **kwargs):
        super().__init__(*args, **kwargs)
        self.linkable = linkable

    def clean_references(self):
        wanted = set(REFERENCE.findall(self.cleaned_data["references"].upper()))
        found = list(self.linkable.filter(reference__in=wanted))
        missing = wanted - {case.reference for case in found}
        if missing:
            raise forms.ValidationError(
                _("These questions were not found at your steunpunt: %(references)s")
                % {"references": ", ".join(sorted(missing))}
            )
        return found


class TransitionForm(forms.Form):
    to = forms.ChoiceField(label=_("New status"), choices=ConcernStatus.choices)
    on = forms.DateField(label=_("Date"), widget=forms.DateInput(attrs={"type": "date"}))
    text = forms.CharField(
        label=_("Response of the board, or what changed"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class PublishForm(forms.Form):
    published = forms.BooleanField(label=_("Show on the website"), required=False)
    heard = forms.CharField(
        label=_("What we heard (plain words, no names)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    changed = forms.CharField(
        label=_("What changed (plain words)"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
