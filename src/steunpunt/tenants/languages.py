"""The languages a steunpunt's website offers besides Dutch (``SupportPoint.languages``).

The languages themselves are the platform's one list (``steunpunt.core.languages``, read here through
``settings.LANGUAGES``, which is built from it: this foundation app may not import ``core``).
"""

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _


def other_language_choices():
    """``(code, Dutch name)`` of every language of the site but Dutch, in the platform's order."""
    return [(code, name) for code, name in settings.LANGUAGES if code != settings.LANGUAGE_CODE]


def all_other_languages():
    """The default: every language of the site."""
    return [code for code, _name in other_language_choices()]


def validate_offered_languages(value):
    known = {code for code, _name in other_language_choices()}
    if not isinstance(value, list) or any(not isinstance(code, str) or code not in known for code in value):
        raise ValidationError(_("Choose languages from the list."), code="invalid_language")


class OfferedLanguagesField(models.JSONField):
    """A list of language codes, stored as JSON, edited as checkboxes."""

    def formfield(self, **kwargs):
        return forms.TypedMultipleChoiceField(
            label=self.verbose_name.capitalize() if self.verbose_name else None,
            help_text=self.help_text,
            choices=other_language_choices,
            widget=forms.CheckboxSelectMultiple,
            required=False,
        )
