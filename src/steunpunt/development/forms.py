from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .choices import BlockStatus, MemberKind, StepStatus
from .uploads import MAX_FILES_PER_BLOCK, UploadRefused, check_upload

MAX_LINKS = 10


class DateInput(forms.DateInput):
    """A date picker whose value the browser understands (ISO), whatever the language."""

    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format="%Y-%m-%d")


def date_field(label, required=True, **kwargs):
    return forms.DateField(
        label=label,
        required=required,
        widget=DateInput(),
        error_messages={
            "required": _("Fill in a date."),
            "invalid": _("Fill in a real date, such as 15-03-2026."),
        },
        **kwargs,
    )


def not_in_future(day, message):
    if day and day > timezone.localdate():
        raise ValidationError(message)
    return day


class AssessmentForm(forms.Form):
    assessed_on = date_field(_("Date of the self-assessment"))
    note = forms.CharField(
        label=_("Notes"),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("For example: who took part, and what you agreed."),
    )

    def clean_assessed_on(self):
        return not_in_future(
            self.cleaned_data["assessed_on"], _("The date of the self-assessment cannot be in the future.")
        )


class MultipleFileInput(forms.FileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files in one field (Django's documented pattern); returns a list."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput())
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        if isinstance(data, list | tuple):
            return [super(MultipleFileField, self).clean(item, initial) for item in data if item]
        return [super().clean(data, initial)] if data else []


class BlockForm(forms.Form):
    """One building block in the self-assessment; the page uses the block's code as prefix."""

    status = forms.ChoiceField(
        label=_("How far is this building block?"),
        choices=BlockStatus.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Choose how far this building block is."),
            "invalid_choice": _("Choose how far this building block is."),
        },
    )
    evidence = forms.CharField(
        label=_("Evidence: what shows this?"),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    links = forms.CharField(
        label=_("Links (one web address per line)"),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    files = MultipleFileField(
        label=_("Files (PDF, Word, Excel, OpenDocument, PNG or JPG; at most 10 MB each)"), required=False
    )
    keep = forms.MultipleChoiceField(
        label=_("Keep these files of the previous self-assessment"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, block, previous_files=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.block = block
        self.previous_files = {str(evidence.pk): evidence for evidence in previous_files}
        self.fields["keep"].choices = [(pk, evidence.name) for pk, evidence in self.previous_files.items()]
        if not self.previous_files:
            del self.fields["keep"]

    def clean_links(self):
        links = [line.strip() for line in self.cleaned_data["links"].splitlines() if line.strip()]
        if len(links) > MAX_LINKS:
            raise ValidationError(_("Give at most %(count)s links.") % {"count": MAX_LINKS})
        check = URLValidator(schemes=["http", "https"])
        for link in links:
            try:
                check(link)
            except ValidationError:
                raise ValidationError(
                    _("“%(link)s” is not a web address. Start it with https://") % {"link": link[:80]}
                ) from None
        return links

    def clean_files(self):
        files = self.cleaned_data["files"]
        for upload in files:
            try:
                check_upload(upload)
            except UploadRefused as refusal:
                raise ValidationError(str(refusal)) from None
        return files

    def clean_keep(self):
        return [self.previous_files[pk] for pk in self.cleaned_data["keep"]]

    def clean(self):
        data = super().clean()
        if len(data.get("files", [])) + len(data.get("keep", [])) > MAX_FILES_PER_BLOCK:
            self.add_error(
                "files", _("Add at most %(count)s files per building block.") % {"count": MAX_FILES_PER_BLOCK}
            )
        return data


class StepForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), choices=StepStatus.choices)
    owner = forms.ModelChoiceField(
        label=_("Owner"),
        queryset=None,
        required=False,
        empty_label=_("(nobody chosen)"),
        error_messages={"invalid_choice": _("Choose someone who works at this steunpunt, or type a name.")},
    )
    owner_name = forms.CharField(
        label=_("Or the name of someone without an account"),
        required=False,
        max_length=200,
        help_text=_("For example a parent from the working group."),
    )
    starts_on = date_field(_("Start date"), required=False)
    due_on = date_field(_("Due date"), required=False)
    notes = forms.CharField(
        label=_("Notes"), required=False, max_length=20000, widget=forms.Textarea(attrs={"rows": 8})
    )

    def __init__(self, *args, owners, allowed, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = owners
        self.fields["owner"].label_from_instance = lambda user: user.get_full_name() or user.get_username()
        # Only the statuses the step may get are offered; the service refuses any other.
        self.fields["status"].widget.choices = [(s.value, s.label) for s in allowed]
        self.fields["status"].error_messages["invalid_choice"] = _("Choose a status from the list.")

    def clean(self):
        data = super().clean()
        if data.get("starts_on") and data.get("due_on") and data["due_on"] < data["starts_on"]:
            self.add_error("due_on", _("The due date is before the start date."))
        if data.get("owner") and data.get("owner_name", "").strip():
            self.add_error("owner_name", _("Choose someone from the list or type a name, not both."))
        return data


class MemberForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("Kind"),
        choices=MemberKind.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Choose what kind of member this is."),
            "invalid_choice": _("Choose what kind of member this is."),
        },
    )
    name = forms.CharField(label=_("Name"), max_length=200, error_messages={"required": _("Fill in a name.")})
    organisation = forms.CharField(label=_("Organisation"), required=False, max_length=200)
    role = forms.CharField(
        label=_("Role in the network"),
        required=False,
        max_length=200,
        help_text=_("For example: chair of the working group, parent, youth worker."),
    )
    email = forms.EmailField(
        label=_("E-mail address"),
        required=False,
        error_messages={"invalid": _("Fill in an e-mail address such as name@example.nl.")},
    )
    phone = forms.RegexField(
        label=_("Phone number"),
        required=False,
        max_length=30,
        regex=r"^\+?[0-9][0-9 ()-]{5,28}$",
        error_messages={"invalid": _("Fill in a phone number with digits only, such as 06 12345678.")},
    )
    consent_on = date_field(_("Consent given on"), required=False)
    consent_scope = forms.CharField(
        label=_("What they agreed to"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("For example: to be contacted about the working group and named in its minutes."),
    )

    def clean_consent_on(self):
        return not_in_future(
            self.cleaned_data["consent_on"], _("The date of consent cannot be in the future.")
        )

    def clean(self):
        data = super().clean()
        if data.get("email") or data.get("phone"):
            if not data.get("consent_on") and "consent_on" not in self.errors:
                self.add_error(
                    "consent_on",
                    _("Contact details may only be stored with consent. Fill in the date of consent."),
                )
            if not data.get("consent_scope", "").strip():
                self.add_error(
                    "consent_scope",
                    _("Contact details may only be stored with consent. Write what the person agreed to."),
                )
        return data


class MeetingForm(forms.Form):
    held_on = date_field(_("Date"))
    attendees = forms.ModelMultipleChoiceField(
        label=_("Present"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": _("Choose people from the network of this steunpunt.")},
    )
    notes = forms.CharField(
        label=_("Notes"),
        max_length=20000,
        widget=forms.Textarea(attrs={"rows": 8}),
        error_messages={"required": _("Write down what was discussed.")},
    )
    decisions = forms.CharField(
        label=_("Decisions"), required=False, max_length=20000, widget=forms.Textarea(attrs={"rows": 5})
    )

    def __init__(self, *args, members, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["attendees"].queryset = members
        self.fields["attendees"].error_messages["invalid_pk_value"] = _(
            "Choose people from the network of this steunpunt."
        )
