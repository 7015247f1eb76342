"""The public question forms (parents, young people, call-back) and the staff forms for a case."""

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from steunpunt.core import site_languages
from steunpunt.core.address import Address
from steunpunt.core.languages import DUTCH, language_choices, public_language_choices
from steunpunt.core.public_forms import PublicForm
from steunpunt.information.models import Theme
from steunpunt.information.selectors import themes_by_pk
from steunpunt.schools.models import School

from .attachments import KINDS, AttachmentRefused, check_attachments, max_bytes, megabytes
from .models import (
    AgeGroup,
    AnswerBy,
    CaseSchoolType,
    CaseStatus,
    Channel,
    Outcome,
    ReferralOutcome,
    RequesterKind,
    SupportKind,
)
from .models.choices import STAFF_CHANNELS

QUESTION_MAX = 5000


def _choice_errors(message):
    return {"required": message, "invalid_choice": message}


class RequesterContactMixin(forms.Form):
    """Name and contact are optional, but the way of answering needs its address or number."""

    answer_by = forms.ChoiceField(
        label=_("How would you like an answer?"),
        choices=AnswerBy.choices,
        initial=AnswerBy.EMAIL,
        widget=forms.RadioSelect,
        error_messages=_choice_errors(_("Choose how you would like an answer.")),
    )
    requester_name = forms.CharField(
        label=_("Your name (optional)"),
        required=False,
        max_length=200,
        help_text=_("You may also ask anonymously."),
    )
    requester_email = forms.EmailField(
        label=_("Your e-mail address"),
        required=False,
        help_text=_("Needed for an answer by e-mail."),
        error_messages={"invalid": _("Enter an e-mail address such as naam@voorbeeld.nl.")},
    )
    requester_phone = forms.RegexField(
        label=_("Your phone number"),
        required=False,
        max_length=20,
        regex=r"^\+?[0-9 ()-]{8,20}$",
        help_text=_("Needed for an answer by phone."),
        error_messages={"invalid": _("Enter a phone number such as 06 12345678.")},
    )
    evaluation_consent = forms.BooleanField(
        label=_("After the help, you may send me a few short questions about how it went."),
        required=False,
    )
    consent = forms.BooleanField(
        label=_("I have read the privacy statement. The steunpunt may use what I write here to help me."),
        error_messages={"required": _("Tick the box to say you agree, otherwise we cannot help you.")},
    )

    def clean(self):
        cleaned = super().clean()
        answer_by = cleaned.get("answer_by")
        if (
            answer_by == AnswerBy.EMAIL
            and not cleaned.get("requester_email")
            and "requester_email" not in self.errors
        ):
            self.add_error(
                "requester_email", _("Enter your e-mail address, or choose another way to get an answer.")
            )
        if (
            answer_by == AnswerBy.PHONE
            and not cleaned.get("requester_phone")
            and "requester_phone" not in self.errors
        ):
            self.add_error(
                "requester_phone", _("Enter your phone number, or choose another way to get an answer.")
            )
        return cleaned


class LanguageMixin(forms.Form):
    """The language the requester speaks best and whether they want an interpreter: optional, so
    nothing filled in means Dutch without an interpreter."""

    language = forms.ChoiceField(
        label=_("Which language do you speak best? (optional)"),
        help_text=_("We can arrange an interpreter."),
        choices=public_language_choices,
        initial=DUTCH,
        required=False,
        error_messages=_choice_errors(_("Choose a language from the list.")),
    )
    interpreter_needed = forms.BooleanField(label=_("I would like an interpreter"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Asked on /ar/vraag/, the question is in Arabic unless the requester chooses otherwise.
        self.fields["language"].initial = site_languages.current()

    def clean_language(self):
        return self.cleaned_data.get("language") or site_languages.current()


class SchoolFieldMixin(forms.Form):
    school_name = forms.CharField(
        label=_("Which school? (optional)"),
        required=False,
        max_length=200,
        help_text=_("Start typing and choose the school from the list, or type its name."),
    )

    def __init__(self, *args, schools=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.schools = schools if schools is not None else School.objects.none()

    def matched_school(self):
        """Return the school of the region whose name was typed exactly, if there is one."""
        name = " ".join(self.cleaned_data.get("school_name", "").split())
        if not name:
            return None
        return self.schools.filter(name__iexact=name).first()


class ThemeChoiceField(forms.ModelMultipleChoiceField):
    """The themes of a public question, checked against the themes the process keeps for the current
    content generation (:func:`~steunpunt.information.selectors.themes_by_pk`): a question costs no
    query for them. A choice not kept (a theme added a moment ago, or not a number at all) is checked
    in the database as Django does."""

    def _check_values(self, value):
        chosen = frozenset(str(pk) for pk in value)
        themes = themes_by_pk()
        if any("\x00" in pk or pk not in themes for pk in chosen):
            return super()._check_values(value)
        # In the queryset's order (by name), as Django's own check returns them.
        return sorted((themes[pk] for pk in chosen), key=lambda theme: theme.name)


def _themes():
    return ThemeChoiceField(
        label=_("What is your question about? (optional)"),
        queryset=Theme.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={
            "invalid_choice": _("Choose from the list."),
            "invalid_pk_value": _("Choose from the list."),
        },
    )


class QuestionForm(PublicForm, RequesterContactMixin, LanguageMixin, SchoolFieldMixin):
    """The question form for parents and others."""

    requester_kind = forms.ChoiceField(
        label=_("Who are you?"),
        choices=[
            (RequesterKind.PARENT, RequesterKind.PARENT.label),
            (RequesterKind.PROFESSIONAL, RequesterKind.PROFESSIONAL.label),
            (RequesterKind.OTHER, RequesterKind.OTHER.label),
        ],
        initial=RequesterKind.PARENT,
        widget=forms.RadioSelect,
        error_messages=_choice_errors(_("Choose who you are.")),
    )
    question = forms.CharField(
        label=_("What is your question?"),
        help_text=_("Tell us what is going on. You do not have to write the name of your child."),
        max_length=QUESTION_MAX,
        widget=forms.Textarea(attrs={"rows": 8, "cols": 50}),
        error_messages={
            "required": _("Write your question."),
            "max_length": _("Please keep it shorter: at most 5000 characters."),
        },
    )
    themes = _themes()
    age_group = forms.ChoiceField(
        label=_("How old is the child?"),
        choices=AgeGroup.choices,
        initial=AgeGroup.UNKNOWN,
        widget=forms.RadioSelect,
        error_messages=_choice_errors(_("Choose an age group.")),
    )
    school_type = forms.ChoiceField(
        label=_("What kind of school does the child go to?"),
        choices=CaseSchoolType.choices,
        initial=CaseSchoolType.UNKNOWN,
        error_messages=_choice_errors(_("Choose a kind of school.")),
    )
    field_order = [
        "requester_kind",
        "question",
        "themes",
        "age_group",
        "school_type",
        "school_name",
        "answer_by",
        "requester_name",
        "requester_email",
        "requester_phone",
        "language",
        "interpreter_needed",
        "evaluation_consent",
        "consent",
        "website",
    ]


class YouthQuestionForm(PublicForm, RequesterContactMixin, LanguageMixin, SchoolFieldMixin):
    """The simpler form for young people: fewer questions, shorter words, and "je" throughout."""

    address = Address.INFORMAL

    question = forms.CharField(
        label=_("What do you want to ask?"),
        help_text=_("Write what is going on at school. You do not have to write your name."),
        max_length=QUESTION_MAX,
        widget=forms.Textarea(attrs={"rows": 6, "cols": 50}),
        error_messages={
            "required": _("Write your question."),
            "max_length": _("Please keep it shorter: at most 5000 characters."),
        },
    )
    age_group = forms.ChoiceField(
        label=_("How old are you?"),
        choices=[
            (AgeGroup.AGE_4_12, _("Younger than 12")),
            (AgeGroup.AGE_12_18, AgeGroup.AGE_12_18.label),
            (AgeGroup.AGE_18_PLUS, AgeGroup.AGE_18_PLUS.label),
        ],
        widget=forms.RadioSelect,
        error_messages=_choice_errors(_("Choose how old you are.")),
    )
    school_type = forms.ChoiceField(
        label=_("Where do you go to school?"),
        choices=CaseSchoolType.choices,
        initial=CaseSchoolType.UNKNOWN,
        error_messages=_choice_errors(_("Choose a kind of school.")),
    )
    field_order = [
        "question",
        "age_group",
        "school_type",
        "school_name",
        "answer_by",
        "requester_name",
        "requester_email",
        "requester_phone",
        "language",
        "interpreter_needed",
        "evaluation_consent",
        "consent",
        "website",
    ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The shared contact fields speak with "je" here through ``address`` (core.address); only
        # what is said more simply for young people has a text of its own.
        self.fields["consent"].label = _(
            "I have read what the steunpunt does with my question. The steunpunt may use it to help me."
        )
        self.fields["evaluation_consent"].label = _(
            "Afterwards, you may ask me a few short questions about your help."
        )


DAY_CHOICES = [
    ("maandag", pgettext_lazy("weekday label", "Monday")),
    ("dinsdag", pgettext_lazy("weekday label", "Tuesday")),
    ("woensdag", pgettext_lazy("weekday label", "Wednesday")),
    ("donderdag", pgettext_lazy("weekday label", "Thursday")),
    ("vrijdag", pgettext_lazy("weekday label", "Friday")),
]
PART_CHOICES = [("ochtend", _("Morning")), ("middag", _("Afternoon"))]


class CallbackForm(PublicForm, LanguageMixin):
    """'Bel mij terug': a phone number, the best moments, and optionally what it is about."""

    requester_name = forms.CharField(label=_("Your name (optional)"), required=False, max_length=200)
    requester_phone = forms.RegexField(
        label=_("Your phone number"),
        max_length=20,
        regex=r"^\+?[0-9 ()-]{8,20}$",
        error_messages={
            "required": _("Enter your phone number."),
            "invalid": _("Enter a phone number such as 06 12345678."),
        },
    )
    days = forms.MultipleChoiceField(
        label=_("Which days suit you?"),
        choices=DAY_CHOICES,
        widget=forms.CheckboxSelectMultiple,
        error_messages={
            "required": _("Choose at least one day."),
            "invalid_choice": _("Choose from the list."),
        },
    )
    parts = forms.MultipleChoiceField(
        label=_("What time of day?"),
        choices=PART_CHOICES,
        widget=forms.CheckboxSelectMultiple,
        error_messages={
            "required": _("Choose morning, afternoon or both."),
            "invalid_choice": _("Choose from the list."),
        },
    )
    question = forms.CharField(
        label=_("What is it about? (optional)"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3, "cols": 50}),
        error_messages={"max_length": _("Please keep it shorter: at most 1000 characters.")},
    )
    consent = forms.BooleanField(
        label=_("I have read the privacy statement. The steunpunt may call me about my question."),
        error_messages={"required": _("Tick the box to say you agree, otherwise we cannot call you.")},
    )

    def callback_times(self):
        days = ", ".join(str(label) for value, label in DAY_CHOICES if value in self.cleaned_data["days"])
        parts = ", ".join(str(label) for value, label in PART_CHOICES if value in self.cleaned_data["parts"])
        return f"{days} ({parts})"[:300]


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class AttachmentsField(forms.FileField):
    """Up to three files with a message (Django's documented pattern for several files); returns a
    list. Type and size are checked by :func:`.attachments.check_attachment` in ``clean``."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault(
            "widget",
            MultipleFileInput(attrs={"accept": ",".join(sorted(KINDS))}),
        )
        kwargs.setdefault("required", False)
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        items = data if isinstance(data, list | tuple) else ([data] if data else [])
        files = [super(AttachmentsField, self).clean(item, initial) for item in items if item]
        try:
            check_attachments(files)
        except AttachmentRefused as refusal:
            raise forms.ValidationError(str(refusal)) from None
        return files


class ReplyForm(forms.Form):
    body = forms.CharField(
        label=_("Your message"),
        max_length=QUESTION_MAX,
        widget=forms.Textarea(attrs={"rows": 5, "cols": 50}),
        error_messages={
            "required": _("Write a message."),
            "max_length": _("Please keep it shorter: at most 5000 characters."),
        },
    )
    files = AttachmentsField(
        label=_("Files (optional)"),
        help_text=_("At most 3 files: PDF, Word, PNG or JPG, each at most %(size)s MB."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["files"].help_text = self.fields["files"].help_text % {"size": megabytes(max_bytes())}


# Back office.


class StaffCaseForm(forms.Form):
    """Intake fields as staff enter or correct them; ``version`` guards against lost updates."""

    channel = forms.ChoiceField(label=_("Came in by"), choices=[(c.value, c.label) for c in STAFF_CHANNELS])
    requester_kind = forms.ChoiceField(label=_("Who asks"), choices=RequesterKind.choices)
    question = forms.CharField(
        label=_("Question"), max_length=QUESTION_MAX, widget=forms.Textarea(attrs={"rows": 6})
    )
    themes = forms.ModelMultipleChoiceField(
        label=_("Themes"), queryset=Theme.objects.all(), required=False, widget=forms.CheckboxSelectMultiple
    )
    urgent = forms.BooleanField(
        label=_("Urgent"), required=False, help_text=_("For example a child at home without school.")
    )
    age_group = forms.ChoiceField(label=_("Age group"), choices=AgeGroup.choices)
    school_type = forms.ChoiceField(label=_("Type of school"), choices=CaseSchoolType.choices)
    school_name = forms.CharField(label=_("School"), required=False, max_length=200)
    support_kinds = forms.MultipleChoiceField(
        label=_("Support given"),
        choices=SupportKind.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    requester_name = forms.CharField(label=_("Name"), required=False, max_length=200)
    requester_email = forms.EmailField(label=_("E-mail address"), required=False)
    requester_phone = forms.CharField(label=_("Phone number"), required=False, max_length=40)
    answer_by = forms.ChoiceField(label=_("Answer by"), choices=AnswerBy.choices)
    callback_times = forms.CharField(label=_("Best days and times to call"), required=False, max_length=300)
    language = forms.ChoiceField(label=_("Language"), choices=language_choices, initial=DUTCH, required=False)
    interpreter_needed = forms.BooleanField(label=_("Interpreter needed"), required=False)
    evaluation_consent = forms.BooleanField(label=_("May be asked how the help went"), required=False)
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, editing=False, **kwargs):
        super().__init__(*args, **kwargs)
        if editing:
            del self.fields["channel"]

    def clean_language(self):
        return self.cleaned_data.get("language") or DUTCH


class TransitionForm(forms.Form):
    to = forms.ChoiceField(label=_("New status"), choices=CaseStatus.choices)
    outcome = forms.ChoiceField(label=_("Outcome"), choices=[("", "—"), *Outcome.choices], required=False)
    reason = forms.CharField(
        label=_("Reason for closing"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )


class _ListedChoices(forms.models.ModelChoiceIterator):
    """The choices of a :class:`~django.forms.ModelChoiceField` from people already read for the page
    (``field.listed``), instead of reading its queryset again to show the list."""

    def __iter__(self):
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        for obj in self.field.listed:
            yield self.choice(obj)

    def __len__(self):
        return len(self.field.listed) + (self.field.empty_label is not None)

    def __bool__(self):
        return self.field.empty_label is not None or bool(self.field.listed)


class AssignForm(forms.Form):
    consultant = forms.ModelChoiceField(
        label=_("Consultant"), queryset=None, required=False, empty_label=_("Nobody")
    )

    def __init__(self, *args, consultants, labels=None, listed=None, **kwargs):
        """``consultants``: whom the case may go to (a queryset, what a submitted choice is checked
        against); ``listed``: the same people already read, to show the list without a query."""
        super().__init__(*args, **kwargs)
        self.fields["consultant"].queryset = consultants
        if listed is not None:
            field = self.fields["consultant"]
            field.listed = list(listed)
            field.iterator = _ListedChoices
            field.widget.choices = field.choices
        # People by name and role, as on every case screen (``selectors.person_labels``).
        labels = labels or {}
        self.fields["consultant"].label_from_instance = lambda user: (
            labels.get(user.pk) or (user.get_full_name() or user.get_username())
        )


class ContactForm(forms.Form):
    channel = forms.ChoiceField(label=_("How"), choices=Channel.choices)
    # A date input only takes the ISO form (value="2026-12-06"), whatever the language's date format.
    on = forms.DateField(label=_("Date"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"))
    minutes = forms.IntegerField(label=_("Minutes"), min_value=1, max_value=600)
    summary = forms.CharField(
        label=_("Summary"), max_length=QUESTION_MAX, widget=forms.Textarea(attrs={"rows": 3})
    )


class ReferralForm(forms.Form):
    organisation = forms.ModelChoiceField(label=_("Organisation"), queryset=None)
    consent = forms.BooleanField(label=_("The requester agrees to this referral"), required=False)
    note = forms.CharField(
        label=_("Note"), required=False, max_length=1000, widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, *args, organisations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations


class ReferralOutcomeForm(forms.Form):
    outcome = forms.ChoiceField(label=_("Did they arrive there?"), choices=ReferralOutcome.choices)


class ReminderForm(forms.Form):
    due_on = forms.DateField(label=_("On"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"))
    note = forms.CharField(label=_("What"), max_length=200)


class SchoolReferralForm(forms.Form):
    """A school contact person refers a family: the parent's contact, the question, what has been tried
    and the child's school type and age, with the parent's consent (a required tick)."""

    requester_name = forms.CharField(
        label=_("Name of the parent"),
        max_length=200,
        error_messages={"required": _("Enter the parent's name.")},
    )
    requester_email = forms.EmailField(
        label=_("E-mail address of the parent"),
        required=False,
        help_text=_("The parent gets the confirmation with a private link at this address."),
        error_messages={"invalid": _("Enter an e-mail address such as naam@voorbeeld.nl.")},
    )
    requester_phone = forms.RegexField(
        label=_("Phone number of the parent"),
        required=False,
        max_length=20,
        regex=r"^\+?[0-9 ()-]{8,20}$",
        error_messages={"invalid": _("Enter a phone number such as 06 12345678.")},
    )
    question = forms.CharField(
        label=_("The question of the parent"),
        widget=forms.Textarea(attrs={"rows": 5}),
        max_length=QUESTION_MAX,
        error_messages={"required": _("Describe the question of the parent.")},
    )
    tried = forms.CharField(
        label=_("What has been tried already"),
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
        max_length=QUESTION_MAX,
    )
    school_type = forms.ChoiceField(
        label=_("Type of school of the child"),
        choices=CaseSchoolType.choices,
        error_messages=_choice_errors(_("Choose the type of school.")),
    )
    age_group = forms.ChoiceField(
        label=_("Age of the child"),
        choices=AgeGroup.choices,
        error_messages=_choice_errors(_("Choose the age of the child.")),
    )
    consent = forms.BooleanField(
        label=_(
            "The parent agreed that the school passes on these details to the steunpunt, and that the "
            "steunpunt contacts the parent."
        ),
        error_messages={"required": _("Tick the box: without the parent's consent you cannot refer.")},
    )

    def clean(self):
        cleaned = super().clean()
        if (
            not cleaned.get("requester_email")
            and not cleaned.get("requester_phone")
            and not {"requester_email", "requester_phone"} & set(self.errors)
        ):
            self.add_error("requester_email", _("Enter the parent's e-mail address or phone number."))
        return cleaned
