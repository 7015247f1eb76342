from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.views import generic

from steunpunt.tenants.access import ScopedModelViewSet
from steunpunt.tenants.policy import Action, can
from steunpunt.tenants.selectors import support_points_for

from .models import Organisation
from .selectors import organisations_editable_by


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
    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "for_user": self.request.user}


class CreateView(ScopedMixin, generic.CreateView):
    pass


class EditView(ScopedMixin, generic.EditView):
    pass


class OrganisationViewSet(ScopedModelViewSet):
    """Content editors keep their steunpunt's organisations, the national team the national ones."""

    model = Organisation
    actions = dict.fromkeys(
        ("view", "add", "change", "delete"), (Action.CONTENT_EDIT, Action.CONTENT_EDIT_NATIONAL)
    )
    # National organisations (no steunpunt) only for the national team: the selector says which.
    selector = organisations_editable_by
    icon = "group"
    menu_label = _("Social map")
    menu_order = 310
    add_to_admin_menu = True
    add_view_class = CreateView
    edit_view_class = EditView
    list_display = ["name", "category", "support_point"]
    list_filter = ["category"]
    search_fields = ["name", "helps_with"]

    def get_form_class(self, for_update=False):
        return OrganisationForm


@hooks.register("register_admin_viewset")
def register_organisation_viewset():
    return OrganisationViewSet("organisations")
