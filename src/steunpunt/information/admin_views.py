"""Back-office screens for regional supplements and their checks, scoped to the acting user."""

from django import forms
from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from wagtail.admin.ui.components import Component
from wagtail.admin.views import generic

from steunpunt.tenants.access import ScopedModelViewSet
from steunpunt.tenants.policy import Action
from steunpunt.tenants.selectors import support_points_for

from .models import RegionalSupplement
from .selectors import live_articles, open_checks_for, overdue_articles
from .services import supplement_check_confirm, supplement_save


class SupplementForm(forms.ModelForm):
    class Meta:
        model = RegionalSupplement
        fields = ["article", "support_point", "body"]

    def __init__(self, *args, for_user=None, **kwargs):
        self.for_user = for_user
        super().__init__(*args, **kwargs)
        self.fields["article"].queryset = live_articles()
        self.fields["support_point"].queryset = support_points_for(for_user, Action.CONTENT_EDIT)


class SupplementCreateView(generic.CreateView):
    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "for_user": self.request.user}

    def save_instance(self):
        data = self.form.cleaned_data
        return supplement_save(
            article=data["article"],
            support_point=data["support_point"],
            body=data["body"],
            by=self.request.user,
        )


class SupplementEditView(generic.EditView):
    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "for_user": self.request.user}

    def save_instance(self):
        data = self.form.cleaned_data
        return supplement_save(
            article=self.object.article,
            support_point=self.object.support_point,
            body=data["body"],
            by=self.request.user,
        )


class SupplementViewSet(ScopedModelViewSet):
    """Editors and coordinators write supplements for their own steunpunt."""

    model = RegionalSupplement
    actions = dict.fromkeys(("view", "add", "change"), Action.CONTENT_EDIT)
    icon = "doc-full"
    menu_label = gettext_lazy("Regional supplements")
    add_to_admin_menu = False
    form_fields = ["article", "support_point", "body"]
    list_display = ["article", "support_point", "updated_at"]
    add_view_class = SupplementCreateView
    edit_view_class = SupplementEditView

    def get_form_class(self, for_update=False):
        return SupplementForm


class SupplementChecksPanel(Component):
    """Dashboard: 'controleer je regionale aanvulling' for each changed national article."""

    name = "supplement_checks"
    template_name = "information/admin/checks_panel.html"
    order = 90

    def __init__(self, request):
        self.checks = list(open_checks_for(request.user))

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        context.update(checks=self.checks, csrf_token=parent_context.get("csrf_token"))
        return context

    def render_html(self, parent_context=None):
        if not self.checks:
            return ""
        return super().render_html(parent_context)


@require_POST
def confirm_check(request, check_id):
    check = get_object_or_404(open_checks_for(request.user), pk=check_id)
    supplement_check_confirm(check=check, by=request.user)
    messages.success(request, _("Thank you. The supplement is marked as checked."))
    return redirect("wagtailadmin_home")


class OverdueArticlesPanel(Component):
    """Dashboard for the national editorial team: articles past their 'check again before' date."""

    name = "overdue_articles"
    template_name = "information/admin/overdue_panel.html"
    order = 95

    def __init__(self, request):
        from django.utils import timezone

        from steunpunt.tenants.policy import can

        self.articles = []
        if can(request.user, Action.CONTENT_EDIT_NATIONAL):
            self.articles = list(overdue_articles(timezone.localdate()))

    def get_context_data(self, parent_context):
        return {**super().get_context_data(parent_context), "articles": self.articles}

    def render_html(self, parent_context=None):
        return super().render_html(parent_context) if self.articles else ""
