from django import forms
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from steunpunt.tenants.access import ScopedModelViewSet
from steunpunt.tenants.policy import Action, support_point_ids_for

from . import admin_views
from .models import School
from .selectors import schools_of_contact


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
            "support_coordinator",
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


@hooks.register("register_admin_urls")
def register_school_partner_urls():
    return [
        path("mijn-school/", admin_views.my_schools, name="schools_mine"),
        path("mijn-school/<int:pk>/profiel/", admin_views.propose_profile, name="schools_propose"),
        path("mijn-school/<int:pk>/mening/", admin_views.evaluate, name="schools_evaluate"),
        path("schoolprofielen/", admin_views.proposals, name="schools_proposals"),
        path("schoolprofielen/<int:pk>/", admin_views.proposal_detail, name="schools_proposal"),
        path("schoolcontactpersonen/", admin_views.contacts, name="schools_contacts"),
        path("schoolcontactpersonen/nieuw/", admin_views.contact_add, name="schools_contact_add"),
        path(
            "schoolcontactpersonen/<int:pk>/intrekken/",
            admin_views.contact_revoke,
            name="schools_contact_revoke",
        ),
    ]


class ActionMenuItem(MenuItem):
    """Shown to whoever holds ``action`` at some steunpunt."""

    def __init__(self, *args, action, **kwargs):
        super().__init__(*args, **kwargs)
        self.action = action

    def is_shown(self, request):
        return bool(support_point_ids_for(request.user, self.action))


class MySchoolMenuItem(MenuItem):
    """Shown to a school contact person with a school granted (without one the page is not found)."""

    def is_shown(self, request):
        return schools_of_contact(request.user, Action.SCHOOL_PROFILE_PROPOSE).exists()


@hooks.register("register_admin_menu_item")
def register_my_school_menu_item():
    return MySchoolMenuItem(_("My school"), reverse("schools_mine"), icon_name="home", order=100)


@hooks.register("register_admin_menu_item")
def register_proposals_menu_item():
    return ActionMenuItem(
        _("Proposed school profiles"),
        reverse("schools_proposals"),
        icon_name="tasks",
        order=316,
        action=Action.CONTENT_EDIT,
    )


@hooks.register("register_admin_menu_item")
def register_school_contacts_menu_item():
    return ActionMenuItem(
        _("School contact persons"),
        reverse("schools_contacts"),
        icon_name="group",
        order=815,
        action=Action.MEMBERSHIP_MANAGE,
    )
