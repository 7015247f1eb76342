from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSetGroup

from steunpunt.tenants.access import ScopedModelViewSet
from steunpunt.tenants.policy import Action
from steunpunt.tenants.selectors import support_points_for

from .models import Meeting, Registration


class MeetingForm(forms.ModelForm):
    online_url = forms.URLField(label=_("online link"), required=False, assume_scheme="https")

    class Meta:
        model = Meeting
        fields = [
            "support_point",
            "title",
            "description",
            "starts_at",
            "ends_at",
            "place",
            "online_url",
            "capacity",
        ]

    def __init__(self, *args, for_user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["support_point"].queryset = support_points_for(for_user, Action.MEETING_MANAGE)


class ScopedFormMixin:
    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "for_user": self.request.user}


class MeetingCreateView(ScopedFormMixin, generic.CreateView):
    pass


class MeetingEditView(ScopedFormMixin, generic.EditView):
    pass


class MeetingViewSet(ScopedModelViewSet):
    """Volunteers, editors and coordinators organise their own steunpunt's meetings."""

    model = Meeting
    actions = dict.fromkeys(("view", "add", "change", "delete"), Action.MEETING_MANAGE)
    icon = "date"
    menu_label = _("Meetings")
    add_view_class = MeetingCreateView
    edit_view_class = MeetingEditView
    list_display = ["title", "starts_at", "capacity", "support_point"]

    def get_form_class(self, for_update=False):
        return MeetingForm


class RegistrationViewSet(ScopedModelViewSet):
    """Who registered for a meeting: read only, for those who organise it."""

    model = Registration
    steunpunt_field = "meeting__support_point"
    actions = {"view": Action.MEETING_MANAGE}
    icon = "user"
    menu_label = _("Registrations")
    list_display = ["name", "email", "status", "meeting", "registered_at"]
    list_filter = ["status", "meeting"]
    form_fields = ["status"]


class MeetingsGroup(ModelViewSetGroup):
    menu_label = _("Meetings")
    menu_icon = "date"
    menu_order = 320
    items = [MeetingViewSet("meetings"), RegistrationViewSet("registrations")]


@hooks.register("register_admin_viewset")
def register_meetings():
    return MeetingsGroup()
