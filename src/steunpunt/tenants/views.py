"""Back-office screens for steunpunten: scoped to the acting user, writes through services."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.admin.views import generic

from .access import ScopedModelViewSet
from .forms import StaffInviteForm, SupportPointCreateForm
from .models import Membership, SupportPoint
from .policy import Action
from .services import membership_grant, membership_revoke, staff_invite


class CreateView(generic.CreateView):
    def save_instance(self):
        self.form.for_user = self.request.user
        return self.form.save()


class SupportPointViewSet(ScopedModelViewSet):
    """Superusers add steunpunten; coordinators and administrators edit their own."""

    model = SupportPoint
    steunpunt_field = "pk"
    actions = {
        "add": Action.PLATFORM_MANAGE,
        "view": Action.SUPPORT_POINT_EDIT,
        "change": Action.SUPPORT_POINT_EDIT,
    }
    icon = "site"
    menu_label = _("Support points")
    menu_order = 800
    add_to_admin_menu = True
    add_view_class = CreateView
    list_display = ["name", "site", "email", "phone"]
    search_fields = ["name"]
    panels = [
        FieldPanel("name"),
        MultiFieldPanel(
            [FieldPanel("email"), FieldPanel("phone"), FieldPanel("address")], heading=_("Contact details")
        ),
        MultiFieldPanel(
            [
                FieldPanel("brand_colour"),
                FieldPanel("accent_colour"),
                FieldPanel("logo"),
                FieldPanel("favicon"),
            ],
            heading=_("Look"),
        ),
        InlinePanel("opening_hours", label=_("Opening hours")),
        FieldPanel("languages"),
        MultiFieldPanel(
            [
                FieldPanel("first_contact_days"),
                FieldPanel("urgent_first_contact_days"),
                FieldPanel("retention_months"),
                FieldPanel("report_threshold"),
            ],
            heading=_("Questions and privacy"),
        ),
    ]

    def get_add_view_kwargs(self, **kwargs):
        return super().get_add_view_kwargs(panel=None, form_class=SupportPointCreateForm, **kwargs)


class MembershipCreateView(generic.CreateView):
    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["for_user"] = self.request.user
        return kwargs

    def save_instance(self):
        data = self.form.cleaned_data
        return staff_invite(
            email=data["email"],
            first_name=data["first_name"],
            last_name=data["last_name"],
            support_point=data["support_point"],
            role=data["role"],
            by=self.request.user,
        )


class MembershipEditView(generic.EditView):
    """Changing a role is revoking the old one and granting the new one."""

    def save_instance(self):
        old = Membership.objects.get(pk=self.object.pk)
        new_role = self.form.cleaned_data["role"]
        if new_role == old.role:
            return old
        membership = membership_grant(
            user=old.user, support_point=old.support_point, role=new_role, by=self.request.user
        )
        membership_revoke(membership=old, by=self.request.user)
        return membership


class MembershipDeleteView(generic.DeleteView):
    def delete_action(self):
        membership_revoke(membership=self.object, by=self.request.user)


class MembershipViewSet(ScopedModelViewSet):
    """Coordinators and administrators grant and revoke roles at their own steunpunt."""

    model = Membership
    actions = dict.fromkeys(("view", "add", "change", "delete"), Action.MEMBERSHIP_MANAGE)
    icon = "group"
    menu_label = _("Staff and roles")
    menu_order = 810
    add_to_admin_menu = True
    add_view_class = MembershipCreateView
    edit_view_class = MembershipEditView
    delete_view_class = MembershipDeleteView
    list_display = ["user", "role", "support_point", "granted_at"]
    list_filter = ["role"]
    search_fields = ["user__username", "user__email", "user__last_name"]
    form_fields = ["role"]

    def get_add_view_kwargs(self, **kwargs):
        return super().get_add_view_kwargs(panel=None, form_class=StaffInviteForm, **kwargs)
