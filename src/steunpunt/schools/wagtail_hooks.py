from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies.base import BasePermissionPolicy
from wagtail.permissions import register_permission_policy

from steunpunt.tenants.policy import Action, can

from .models import School
from .selectors import schools_editable_by


class SchoolPolicy(BasePermissionPolicy):
    """Content editors keep the support profiles of the schools in their partnerships."""

    def user_has_permission(self, user, action):
        return action in {"change", "view"} and can(user, Action.CONTENT_EDIT)

    def user_has_permission_for_instance(self, user, action, instance):
        return action in {"change", "view"} and schools_editable_by(user).filter(pk=instance.pk).exists()

    def instances_user_has_any_permission_for(self, user, actions):
        return schools_editable_by(user)


class SchoolForm(forms.ModelForm):
    support_profile_url = forms.URLField(
        label=_("link to the support profile"), required=False, assume_scheme="https"
    )

    class Meta:
        model = School
        fields = ["school_type", "specialisms", "support_profile_url", "support_profile_file"]
        widgets = {"specialisms": forms.CheckboxSelectMultiple}

    def __init__(self, *args, for_user=None, **kwargs):
        super().__init__(*args, **kwargs)


class IndexView(generic.IndexView):
    def get_base_queryset(self):
        return schools_editable_by(self.request.user)


class EditView(generic.EditView):
    def get_queryset(self):
        return schools_editable_by(self.request.user)


class SchoolViewSet(ModelViewSet):
    model = School
    icon = "home"
    menu_label = _("Schools")
    menu_order = 315
    add_to_admin_menu = True
    index_view_class = IndexView
    edit_view_class = EditView
    list_display = ["name", "place", "school_type"]
    list_filter = ["school_type", "specialisms"]
    search_fields = ["name", "place"]
    inspect_view_enabled = False
    copy_view_enabled = False

    def get_form_class(self, for_update=False):
        return SchoolForm


register_permission_policy(School, SchoolPolicy(School))


@hooks.register("register_admin_viewset")
def register_schools():
    return SchoolViewSet("schools")
