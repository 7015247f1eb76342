from django import forms
from django.utils.translation import gettext_lazy as _

from steunpunt.core.public_forms import PublicForm

from .models import Audience, QuestionKind, answer_choices
from .starter import question_text


class AnswerForm(PublicForm):
    """The questions of one questionnaire version; every question may be skipped, not all of them."""

    def __init__(self, *args, questionnaire, **kwargs):
        super().__init__(*args, **kwargs)
        self.questionnaire = questionnaire
        for question in questionnaire.questions:
            label = question_text(question, questionnaire.audience)
            if question["kind"] == QuestionKind.TEXT:
                field = forms.CharField(
                    label=label,
                    required=False,
                    max_length=1000,
                    widget=forms.Textarea(attrs={"rows": 4, "cols": 50}),
                    help_text=_("Do not write names."),
                    error_messages={"max_length": _("Please keep it shorter: at most 1000 characters.")},
                )
            else:
                field = forms.ChoiceField(
                    label=label,
                    required=False,
                    choices=answer_choices(question["kind"]),
                    widget=forms.RadioSelect,
                    error_messages={"invalid_choice": _("Choose from the list.")},
                )
            self.fields[question["key"]] = field

    def clean(self):
        cleaned = super().clean()
        if not self.errors and not any(str(value).strip() for value in cleaned.values()):
            raise forms.ValidationError(
                _("Answer at least one question.")
                if self.questionnaire.audience == Audience.PARENTS
                else _("Answer at least one question, please.")
            )
        return cleaned

    def answers(self):
        return {key: value.strip() for key, value in self.cleaned_data.items() if str(value).strip()}


class QuestionForm(forms.Form):
    text = forms.CharField(label=_("Question"), max_length=300, required=False)
    kind = forms.ChoiceField(label=_("Kind of answer"), choices=QuestionKind.choices)
    key = forms.CharField(widget=forms.HiddenInput, required=False)


QuestionFormSet = forms.formset_factory(QuestionForm, extra=2, max_num=12, validate_max=True)
