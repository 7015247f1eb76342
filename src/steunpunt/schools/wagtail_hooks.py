from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from steunpunt.tenants.access import ScopedModelViewSet
from steunpunt.tenants.policy import Action

from .models import School


class SchoolForm(forms.ModelForm):
    support_profile_url = forms.URLField(
        label=_("link to the support profile"), required=False, assume_scheme="https"
    )

    class Meta:
        model = School
        fields = [
            "school_type",
            "cluster",
            "specialisms",
            "support_profile_url",
            "support_profile_file",
            "parent_contact",
        ]
        widgets = {"specialisms": forms.CheckboxSelectMultiple}

    def __init__(self, *args, for_user=None, **kwargs):
        super().__init__(*args, **kwargs)


class SchoolViewSet(ScopedModelViewSet):
    """Content editors keep the support profiles of the schools in their partnerships."""

    model = School
    # A school reaches the steunpunten of the partnerships it belongs to.
    steunpunt_field = "partnerships__support_point"
    actions = {"view": Action.CONTENT_EDIT, "change": Action.CONTENT_EDIT}
    icon = "home"
    menu_label = _("Schools")
    menu_order = 315
    add_to_admin_menu = True
    list_display = ["name", "place", "school_type"]
    list_filter = ["school_type", "specialisms"]
    search_fields = ["name", "place"]

    def get_form_class(self, for_update=False):
        return SchoolForm


@hooks.register("register_admin_viewset")
def register_schools():
    return SchoolViewSet("schools")
