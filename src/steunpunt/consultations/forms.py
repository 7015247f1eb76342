"""The public booking form and the back-office slot form."""

from django import forms
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from wagtail.admin.widgets import AdminDateTimeInput

from steunpunt.core.public_forms import PublicForm
from steunpunt.support.models import RequesterKind

from .models import ConsultationSlot
from .selectors import slot_support_points

TOPIC_MAX = 1000
MAX_REPEAT_WEEKS = 12


class BookingForm(PublicForm):
    """Who books, what about, and an e-mail address for the confirmation and the cancel link."""

    requester_kind = forms.ChoiceField(
        label=_("Who are you?"),
        choices=[
            (kind.value, kind.label)
            for kind in (
                RequesterKind.PARENT,
                RequesterKind.YOUNG_PERSON,
                RequesterKind.PROFESSIONAL,
                RequesterKind.OTHER,
            )
        ],
        initial=RequesterKind.PARENT,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose who you are."), "invalid_choice": _("Choose who you are.")},
    )
    topic = forms.CharField(
        label=_("What would you like to talk about? (optional)"),
        help_text=_("A few words are enough. You do not have to write the name of your child."),
        required=False,
        max_length=TOPIC_MAX,
        widget=forms.Textarea(attrs={"rows": 4, "cols": 50}),
        error_messages={"max_length": _("Please keep it shorter: at most 1000 characters.")},
    )
    name = forms.CharField(label=_("Your name (optional)"), required=False, max_length=200)
    email = forms.EmailField(
        label=_("Your e-mail address"),
        help_text=_("We send the confirmation and a link to cancel to this address."),
        max_length=254,
        error_messages={
            "required": _("Enter your e-mail address."),
            "invalid": _("Enter an e-mail address such as naam@voorbeeld.nl."),
            "max_length": _("Enter an e-mail address such as naam@voorbeeld.nl."),
        },
    )
    phone = forms.RegexField(
        label=_("Your phone number (optional)"),
        required=False,
        max_length=20,
        regex=r"^\+?[0-9 ()-]{8,20}$",
        error_messages={"invalid": _("Enter a phone number such as 06 12345678.")},
    )
    consent = forms.BooleanField(
        label=_("I have read the privacy statement. The steunpunt may use what I write here to help me."),
        error_messages={"required": _("Tick the box to say you agree, otherwise we cannot help you.")},
    )
    field_order = ["requester_kind", "topic", "name", "email", "phone", "consent", "website"]


class SlotForm(forms.ModelForm):
    """A slot in the back office. A new slot can repeat weekly; an existing one stays at its steunpunt."""

    online_url = forms.URLField(label=_("online link"), required=False, assume_scheme="https")
    repeat_weeks = forms.IntegerField(
        label=_("Repeat weekly"),
        help_text=_("The number of following weeks with the same time. 0 means only this once."),
        min_value=0,
        max_value=MAX_REPEAT_WEEKS,
        initial=0,
    )

    class Meta:
        model = ConsultationSlot
        fields = ["support_point", "starts_at", "ends_at", "place", "online_url", "note"]
        widgets = {"starts_at": AdminDateTimeInput, "ends_at": AdminDateTimeInput}

    def __init__(self, *args, for_user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["support_point"].queryset = slot_support_points(for_user)
        if self.instance.pk:
            del self.fields["support_point"], self.fields["repeat_weeks"]


class SlotChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, slot):
        start = timezone.localtime(slot.starts_at)
        return f"{date_format(start, 'l j F Y')}, {start:%H:%M}–{timezone.localtime(slot.ends_at):%H:%M}"


class BookingMoveForm(forms.Form):
    """Staff move a booking to another free time of the same steunpunt."""

    slot = SlotChoiceField(
        label=_("New time"),
        queryset=None,
        empty_label=_("Choose a free time"),
        error_messages={
            "required": _("Choose the new time."),
            "invalid_choice": _("That time is no longer free. Choose another time."),
        },
    )

    def __init__(self, *args, slots, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["slot"].queryset = slots


class BookingCancelForm(forms.Form):
    confirm = forms.BooleanField(
        label=_("Yes, cancel this appointment; the person gets an e-mail"),
        error_messages={"required": _("Tick the box to confirm that you want to cancel.")},
    )
