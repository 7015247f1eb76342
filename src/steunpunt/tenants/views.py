"""Back-office screens for steunpunten: scoped to the acting user, writes through services."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet

from .forms import SupportPointCreateForm
from .models import SupportPoint
from .policy import Action
from .selectors import support_points_for


class ScopedIndexView(generic.IndexView):
    def get_base_queryset(self):
        return support_points_for(self.request.user, Action.SUPPORT_POINT_EDIT).select_related("site")


class ScopedEditView(generic.EditView):
    def get_queryset(self):
        # Another steunpunt's record answers 404, exactly like one that does not exist.
        return support_points_for(self.request.user, Action.SUPPORT_POINT_EDIT)


class CreateView(generic.CreateView):
    def save_instance(self):
        self.form.for_user = self.request.user
        return self.form.save()


class SupportPointViewSet(ModelViewSet):
    model = SupportPoint
    icon = "site"
    menu_label = _("Support points")
    menu_order = 800
    add_to_admin_menu = True
    index_view_class = ScopedIndexView
    edit_view_class = ScopedEditView
    add_view_class = CreateView
    list_display = ["name", "site", "email", "phone"]
    search_fields = ["name"]
    inspect_view_enabled = False
    copy_view_enabled = False
    panels = [
        FieldPanel("name"),
        MultiFieldPanel(
            [FieldPanel("email"), FieldPanel("phone"), FieldPanel("address")], heading=_("Contact details")
        ),
        FieldPanel("brand_colour"),
        InlinePanel("opening_hours", label=_("Opening hours")),
    ]

    def get_add_view_kwargs(self, **kwargs):
        return super().get_add_view_kwargs(panel=None, form_class=SupportPointCreateForm, **kwargs)
