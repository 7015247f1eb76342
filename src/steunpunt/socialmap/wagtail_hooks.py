from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies.base import BasePermissionPolicy
from wagtail.permissions import register_permission_policy

from steunpunt.tenants.policy import Action, can
from steunpunt.tenants.selectors import support_points_for

from .models import Organisation
from .selectors import organisations_editable_by


class OrganisationPolicy(BasePermissionPolicy):
    def user_has_permission(self, user, action):
        return action in {"add", "change", "delete", "view"} and (
            can(user, Action.CONTENT_EDIT) or can(user, Action.CONTENT_EDIT_NATIONAL)
        )

    def user_has_permission_for_instance(self, user, action, instance):
        return organisations_editable_by(user).filter(pk=instance.pk).exists()

    def instances_user_has_any_permission_for(self, user, actions):
        return organisations_editable_by(user)


class OrganisationForm(forms.ModelForm):
    website = forms.URLField(label=_("website"), required=False, assume_scheme="https")

    class Meta:
        model = Organisation
        fields = [
            "name",
            "category",
            "helps_with",
            "when_to_go",
            "phone",
            "email",
            "website",
            "support_point",
        ]

    def __init__(self, *args, for_user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["support_point"].queryset = support_points_for(for_user, Action.CONTENT_EDIT)
        # Only the national editorial team may leave it empty (national organisation).
        self.fields["support_point"].required = not can(for_user, Action.CONTENT_EDIT_NATIONAL)


class ScopedMixin:
    def get_queryset(self):
        return organisations_editable_by(self.request.user)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "for_user": self.request.user}


class IndexView(generic.IndexView):
    def get_base_queryset(self):
        return organisations_editable_by(self.request.user).select_related("support_point")


class CreateView(ScopedMixin, generic.CreateView):
    pass


class EditView(ScopedMixin, generic.EditView):
    pass


class DeleteView(generic.DeleteView):
    def get_queryset(self):
        return organisations_editable_by(self.request.user)


class OrganisationViewSet(ModelViewSet):
    model = Organisation
    icon = "group"
    menu_label = _("Social map")
    menu_order = 310
    add_to_admin_menu = True
    index_view_class = IndexView
    add_view_class = CreateView
    edit_view_class = EditView
    delete_view_class = DeleteView
    list_display = ["name", "category", "support_point"]
    list_filter = ["category"]
    search_fields = ["name", "helps_with"]
    inspect_view_enabled = False
    copy_view_enabled = False

    def get_form_class(self, for_update=False):
        return OrganisationForm


register_permission_policy(Organisation, OrganisationPolicy(Organisation))


@hooks.register("register_admin_viewset")
def register_organisation_viewset():
    return OrganisationViewSet("organisations")
