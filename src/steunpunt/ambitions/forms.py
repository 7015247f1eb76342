"""Back-office forms. Every check has a polite Dutch message; the rules themselves live in
:mod:`.services`, which the forms ask so that a form and a direct call refuse the same things."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from . import services
from .formatting import parse_decimal
from .kinds import Direction, Kind
from .models import MAX_PUPILS

DATE_ERRORS = {"required": _("Fill in a date."), "invalid": _("Fill in a date such as 31-01-2026.")}


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format="%Y-%m-%d")


class NumberTextField(forms.CharField):
    """A number typed the Dutch way (1.250,50), read by :func:`~.formatting.parse_decimal`."""

    def __init__(self, *args, max_decimals=2, **kwargs):
        self.max_decimals = max_decimals
        kwargs.setdefault("max_length", 30)
        kwargs.setdefault("widget", forms.TextInput(attrs={"inputmode": "decimal", "autocomplete": "off"}))
        super().__init__(*args, **kwargs)

    def clean(self, value):
        value = super().clean(value)
        if value in self.empty_values:
            return None
        return parse_decimal(value, max_decimals=self.max_decimals)


class _ServiceChecked(forms.Form):
    def add_service_errors(self, errors):
        for name, message in errors.items():
            if name in self.fields and name not in self.errors:
                self.add_error(name, message)


class AmbitionForm(forms.Form):
    text = forms.CharField(
        label=_("Ambition"),
        max_length=300,
        help_text=_("In one short sentence, such as “Parents hear from us quickly”."),
        error_messages={
            "required": _("Write the ambition in one short sentence."),
            "max_length": _("Please keep it shorter: at most 300 characters."),
        },
    )
    explanation = forms.CharField(
        label=_("Explanation (optional)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"max_length": _("Please keep it shorter: at most 2000 characters.")},
    )


class CriterionForm(_ServiceChecked):
    kind = forms.ChoiceField(
        label=_("What is measured"),
        choices=[("", _("Choose …")), *Kind.choices],
        error_messages={
            "required": _("Choose what is measured."),
            "invalid_choice": _("Choose what is measured from the list."),
        },
    )
    parameter = forms.IntegerField(
        label=_("Number of working days or weeks (N)"),
        required=False,
        help_text=_(
            "Only for “first contact within N working days” (1 to 20) "
            "and “signals followed up within N weeks” (1 to 52)."
        ),
        error_messages={"invalid": _("Fill in a whole number, such as 3.")},
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
    )
    direction = forms.ChoiceField(
        label=_("The value must be"),
        choices=Direction.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Choose “at least” or “at most”."),
            "invalid_choice": _("Choose “at least” or “at most”."),
        },
    )
    target = NumberTextField(
        label=_("Target"),
        max_decimals=2,
        help_text=_(
            "A percentage (0 to 100), a number of days, a score from 1 to 5, or questions per 1,000 pupils."
        ),
        error_messages={"required": _("Fill in a target.")},
    )
    active = forms.BooleanField(label=_("Measure this criterion"), required=False, initial=True)

    def clean(self):
        data = super().clean()
        if not self.errors:
            self.add_service_errors(
                services.criterion_errors(
                    kind=data["kind"],
                    parameter=data.get("parameter"),
                    target=data.get("target"),
                    direction=data["direction"],
                )
            )
        return data


class PupilCountForm(forms.Form):
    partnership = forms.ModelChoiceField(
        label=_("Partnership"),
        queryset=None,
        empty_label=_("Choose …"),
        error_messages={
            "required": _("Choose a partnership."),
            "invalid_choice": _("Choose a partnership of this steunpunt."),
        },
    )
    school_year = forms.TypedChoiceField(
        label=_("School year"),
        coerce=int,
        choices=(),
        error_messages={
            "required": _("Choose a school year."),
            "invalid_choice": _("Choose a school year from the list."),
        },
    )
    pupils = NumberTextField(
        label=_("Number of pupils"),
        max_decimals=0,
        help_text=_("All pupils of the schools of this partnership, such as 12.500."),
        error_messages={"required": _("Fill in the number of pupils.")},
    )

    def __init__(self, *args, partnerships, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["partnership"].queryset = partnerships
        self.fields["school_year"].choices = services.school_year_choices()

    def clean_pupils(self):
        pupils = self.cleaned_data["pupils"]
        if not 1 <= pupils <= MAX_PUPILS:
            raise ValidationError(_("Fill in a number of pupils from 1 to 1.000.000."))
        return int(pupils)


class HourlyRateForm(forms.Form):
    valid_from = forms.DateField(label=_("Valid from"), widget=DateInput, error_messages=DATE_ERRORS)
    amount = NumberTextField(
        label=_("Euros per hour"),
        help_text=_("The full cost of one hour of work, such as 62,50."),
        error_messages={"required": _("Fill in an amount.")},
    )

    def clean_valid_from(self):
        return _checked(services.check_date, self.cleaned_data["valid_from"], "valid_from")

    def clean_amount(self):
        return _checked(
            services.check_amount, self.cleaned_data["amount"], "amount", services.MAX_HOURLY_RATE
        )


class OtherCostForm(forms.Form):
    on = forms.DateField(label=_("Date"), widget=DateInput, error_messages=DATE_ERRORS)
    description = forms.CharField(
        label=_("Description"),
        max_length=200,
        help_text=_("Such as “Rent of the meeting room” or “Training for volunteers”. No names."),
        error_messages={
            "required": _("Describe the cost in a few words."),
            "max_length": _("Please keep it shorter: at most 200 characters."),
        },
    )
    amount = NumberTextField(
        label=_("Amount in euros"),
        help_text=_("Such as 1.250,00."),
        error_messages={"required": _("Fill in an amount.")},
    )

    def clean_on(self):
        return _checked(services.check_date, self.cleaned_data["on"], "on")

    def clean_amount(self):
        return _checked(services.check_amount, self.cleaned_data["amount"], "amount", services.MAX_OTHER_COST)


def _checked(check, value, field, *args):
    """Run a service check on one value and turn its ``{field: message}`` into this field's error."""
    try:
        return check(value, field, *args)
    except ValidationError as error:
        raise ValidationError(error.message_dict[field]) from None
