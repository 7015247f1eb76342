"""The roles of the product brief, granted per steunpunt."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    VOLUNTEER = "volunteer", _("Volunteer / expert by experience")
    CONSULTANT = "consultant", _("Consultant")
    EDITOR = "editor", _("Editor")
    PANEL_MEMBER = "panel_member", _("Reading panel member")
    COORDINATOR = "coordinator", _("Coordinator")
    BOARD = "board", _("Board / OPR / partnership staff")
    NATIONAL_EDITOR = "national_editor", _("National editorial team")
    ADMINISTRATOR = "administrator", _("Administrator")
    # Translations of the national articles (information.translations): the translator makes and
    # submits them, a translation reviewer who reads the language checks and publishes them.
    TRANSLATOR = "translator", _("Translator")
    TRANSLATION_REVIEWER = "translation_reviewer", _("Translation reviewer")
    # Granted for one school at a time (schools.SchoolContact); reaches that school's profile only.
    SCHOOL_CONTACT = "school_contact", _("School contact person")
