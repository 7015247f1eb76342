"""Back-office forms for schools as partners; labels in English msgids, Dutch through gettext."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Rating, Specialism, validate_profile_file


class ProfileProposalForm(forms.Form):
    """A school contact person's proposal for the support profile of their school."""

    specialisms = forms.ModelMultipleChoiceField(
        label=_("Extra support the school offers"),
        queryset=Specialism.objects.order_by("name"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    support_profile_url = forms.URLField(
        label=_("Link to the school support profile (SOP) or the part of the school guide about support"),
        required=False,
        assume_scheme="https",
        max_length=200,
        error_messages={"invalid": _("Enter a web address such as https://www.school.nl/sop.")},
    )
    support_profile_file = forms.FileField(
        label=_("Or upload the support profile as a PDF (at most 10 MB)"),
        required=False,
        help_text=_("Leave empty to keep the current file."),
    )
    support_coordinator = forms.CharField(
        label=_("Support coordinator (ondersteuningscoördinator or intern begeleider)"),
        max_length=200,
        required=False,
    )
    parent_contact = forms.CharField(
        label=_("How parents reach the support coordinator"),
        help_text=_("For example: by phone on Tuesdays, or by e-mail to zorg@school.nl."),
        max_length=300,
        required=False,
    )
    note = forms.CharField(
        label=_("Note for the steunpunt (not shown on the website)"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        max_length=2000,
    )

    def clean_support_profile_file(self):
        upload = self.cleaned_data.get("support_profile_file")
        if upload:
            if not upload.name.lower().endswith(".pdf"):
                raise forms.ValidationError(_("Upload the support profile as a PDF file."))
            validate_profile_file(upload)
        return upload

    def clean(self):
        cleaned = super().clean()
        if not self.errors and not any(
            cleaned.get(name)
            for name in (
                "specialisms",
                "support_profile_url",
                "support_profile_file",
                "support_coordinator",
                "parent_contact",
            )
        ):
            raise forms.ValidationError(_("Fill in at least one part of the support profile."))
        return cleaned


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Decision"),
        choices=[("approved", _("Approve: show it on the school's page")), ("rejected", _("Do not approve"))],
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose whether you approve the proposal.")},
    )
    reason = forms.CharField(
        label=_("Reason (needed when you do not approve; the school sees it)"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        max_length=2000,
    )


class SchoolContactForm(forms.Form):
    """Make someone the school contact person of one school of the steunpunt's region."""

    school = forms.ModelChoiceField(
        label=_("School"),
        queryset=None,
        error_messages={"required": _("Choose the school."), "invalid_choice": _("Choose the school.")},
    )
    email = forms.EmailField(
        label=_("E-mail address"),
        help_text=_("Someone new gets an e-mail to choose a password."),
        error_messages={
            "required": _("Enter the e-mail address."),
            "invalid": _("Enter an e-mail address such as naam@school.nl."),
        },
    )
    first_name = forms.CharField(label=_("First name"), max_length=150, required=False)
    last_name = forms.CharField(label=_("Last name"), max_length=150, required=False)

    def __init__(self, *args, schools, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["school"].queryset = schools
        self.fields["school"].label_from_instance = lambda school: f"{school.name} ({school.place})"


RATING_CHOICES = [(value, label) for value, label in reversed(Rating.choices)]


class SchoolEvaluationForm(forms.Form):
    reachable = forms.TypedChoiceField(
        label=_("How easy is the steunpunt to reach for your school?"),
        choices=RATING_CHOICES,
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose an answer.")},
    )
    useful = forms.TypedChoiceField(
        label=_("How useful is the steunpunt for the families of your school?"),
        choices=RATING_CHOICES,
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose an answer.")},
    )
    remark = forms.CharField(
        label=_("Remark (optional; do not write names)"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        max_length=1000,
    )
