from django import forms
from django.utils.translation import gettext_lazy as _

from steunpunt.information.models import SearchSynonym
from steunpunt.information.search import normalise


class SynonymForm(forms.Form):
    """Make a search a synonym: of an existing synonym's words, or of words written here."""

    query = forms.CharField(
        label=_("Search"), max_length=100, error_messages={"required": _("Fill in the search.")}
    )
    concept = forms.ModelChoiceField(
        queryset=SearchSynonym.objects.all(),
        required=False,
        label=_("Search also for the words of"),
        help_text=_("The synonym whose meaning fits this search."),
        empty_label=_("(choose)"),
    )
    means = forms.CharField(
        label=_("Or: search also for"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("One word or phrase per line, in the words of the information."),
    )

    def clean_query(self):
        query = normalise(self.cleaned_data["query"])
        if not query:
            raise forms.ValidationError(_("Fill in the search."))
        if SearchSynonym.objects.filter(term__iexact=query).exists():
            raise forms.ValidationError(_("This search is already a synonym."))
        return query

    def clean(self):
        data = super().clean()
        concept, means = data.get("concept"), (data.get("means") or "").strip()
        if concept is None and not means:
            raise forms.ValidationError(
                _("Choose a synonym, or write what should be searched for as well."), code="required"
            )
        lines = (concept.expansions() if concept else []) + [
            line for line in means.splitlines() if line.strip()
        ]
        data["meaning"] = "\n".join(lines)
        return data
