"""Back-office screens for regional supplements and their checks, scoped to the acting user."""

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.urls import path
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from django.views.generic import TemplateView
from wagtail.admin.ui.components import Component
from wagtail.admin.views import generic
from wagtail.admin.views.generic.base import BaseObjectMixin, WagtailAdminTemplateMixin
from wagtail.blocks import StreamBlockValidationError, StructBlockValidationError

from steunpunt.tenants.access import ScopedModelViewSet, media_for_support_point
from steunpunt.tenants.policy import Action
from steunpunt.tenants.selectors import support_points_for

from .audiences import Audience
from .glossary import TermLinker, linked_blocks
from .models import PanelReview, RegionalSupplement
from .selectors import live_articles, open_checks_for, overdue_articles, supplements_to_approve
from .services import (
    SupplementNotApprovable,
    supplement_approval_refusal,
    supplement_approve,
    supplement_check_confirm,
    supplement_save,
)
from .supplement_readability import supplement_analyses

SUPPLEMENT_FIELDS = ["article", "support_point", "body", "youth_body", "children_body", "readability_reason"]
TEXT_FIELDS = ("body", "youth_body", "children_body", "readability_reason")
STREAM_FIELDS = ("body", "youth_body", "children_body")
# The chooser fields of the media blocks: block type → fields holding an image or a document.
MEDIA_FIELDS = {"image": ("image",), "video": ("file", "captions"), "document": ("document",)}


def _media_model(block_type, name):
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model

    return get_image_model() if (block_type, name) == ("image", "image") else get_document_model()


class SupplementForm(forms.ModelForm):
    class Meta:
        model = RegionalSupplement
        fields = SUPPLEMENT_FIELDS

    def __init__(self, *args, for_user=None, **kwargs):
        self.for_user = for_user
        super().__init__(*args, **kwargs)
        self.fields["article"].queryset = live_articles()
        self.fields["support_point"].queryset = support_points_for(for_user, Action.CONTENT_EDIT)

    def clean(self):
        cleaned = super().clean()
        support_point = self.instance.support_point if self.instance.pk else cleaned.get("support_point")
        for name in STREAM_FIELDS:
            if name in cleaned:
                self._check_media(name, cleaned[name], support_point)
        return self._check_readability(cleaned)

    def _check_media(self, name, stream, support_point):
        """Every image and document of the blocks comes from the steunpunt's own collection, as the
        access layer says (the chooser offers only those; a hand-made request is refused here too)."""
        allowed = {}
        block_errors = {}
        for index, block in enumerate(stream):
            for field in MEDIA_FIELDS.get(block.block_type, ()):
                chosen = block.value.get(field)
                if chosen is None:
                    continue
                model = _media_model(block.block_type, field)
                if model not in allowed:
                    allowed[model] = set(
                        media_for_support_point(self.for_user, model, support_point).values_list(
                            "pk", flat=True
                        )
                    )
                if chosen.pk not in allowed[model]:
                    message = (
                        _("Choose an image from your steunpunt's own collection.")
                        if model is _media_model("image", "image")
                        else _("Choose a document from your steunpunt's own collection.")
                    )
                    block_errors.setdefault(index, {})[field] = ValidationError(message)
        if block_errors:
            self.add_error(
                name,
                StreamBlockValidationError(
                    block_errors={
                        index: StructBlockValidationError(block_errors=errors)
                        for index, errors in block_errors.items()
                    }
                ),
            )

    def _check_readability(self, cleaned):
        """The same rule as for articles: a version below its readability target needs a reason."""
        if (cleaned.get("readability_reason") or "").strip():
            return cleaned
        below = [
            f"{Audience(audience).label} ({result.score}, {_('target')} {target})"
            for audience, target, result in supplement_analyses(cleaned)
            if not result.meets(target)
        ]
        if below:
            self.add_error(
                "readability_reason",
                _(
                    "These versions are harder to read than the target: %(versions)s. "
                    "Make the text easier, or write down why it may be published like this."
                )
                % {"versions": ", ".join(below)},
            )
        return cleaned


class SupplementCreateView(generic.CreateView):
    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "for_user": self.request.user}

    def save_instance(self):
        data = self.form.cleaned_data
        return supplement_save(
            article=data["article"],
            support_point=data["support_point"],
            by=self.request.user,
            **{name: data[name] for name in TEXT_FIELDS},
        )

    def get_success_message(self, instance=None):
        return _("Saved. A colleague approves the supplement before readers see it.")


class SupplementEditView(generic.EditView):
    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "for_user": self.request.user}

    def save_instance(self):
        data = self.form.cleaned_data
        return supplement_save(
            article=self.object.article,
            support_point=self.object.support_point,
            by=self.request.user,
            **{name: data[name] for name in TEXT_FIELDS},
        )

    def get_success_message(self):
        return _("Saved. A colleague approves the supplement before readers see it.")


class SupplementViewSet(ScopedModelViewSet):
    """Editors and coordinators write supplements for their own steunpunt."""

    model = RegionalSupplement
    actions = dict.fromkeys(("view", "add", "change"), Action.CONTENT_EDIT)
    icon = "doc-full"
    menu_label = gettext_lazy("Regional supplements")
    add_to_admin_menu = False
    form_fields = SUPPLEMENT_FIELDS
    list_display = ["article", "support_point", "status", "updated_at"]
    add_view_class = SupplementCreateView
    edit_view_class = SupplementEditView

    def get_form_class(self, for_update=False):
        return SupplementForm

    @property
    def approve_view(self):
        return self.construct_view(SupplementApproveView)

    def get_urlpatterns(self):
        return [*super().get_urlpatterns(), path("approve/<int:pk>/", self.approve_view, name="approve")]


class SupplementApproveView(BaseObjectMixin, WagtailAdminTemplateMixin, TemplateView):
    """The steunpunt's own approval step: the texts per audience with their readability, and the button.

    Scoped like the viewset's other screens ("change": the steunpunt's content editors); the service
    refuses the writer of the change and a version below its target without a reason.
    """

    permission_required = "change"
    template_name = "information/admin/supplement_approve.html"
    page_title = gettext_lazy("Approve regional supplement")
    header_icon = "doc-full"

    def get_page_subtitle(self):
        return str(self.object)

    def get_context_data(self, **kwargs):
        supplement = self.object
        values = {name: getattr(supplement, name) for name in TEXT_FIELDS}
        analyses = {audience: (target, result) for audience, target, result in supplement_analyses(values)}
        versions = [
            {
                "label": Audience(audience).label,
                "blocks": linked_blocks(supplement.draft_blocks(audience), TermLinker("", None, {})),
                "target": analyses[audience][0],
                "result": analyses[audience][1],
                "ok": analyses[audience][1].meets(analyses[audience][0]),
            }
            for audience in (Audience.PARENTS, Audience.YOUTH, Audience.CHILDREN)
            if audience in analyses
        ]
        return super().get_context_data(
            supplement=supplement,
            versions=versions,
            refusal=supplement_approval_refusal(supplement, self.request.user),
            **kwargs,
        )

    def post(self, request, *args, **kwargs):
        try:
            supplement_approve(supplement=self.object, by=request.user)
        except SupplementNotApprovable as refusal:
            messages.error(request, str(refusal))
            return redirect(request.path)
        messages.success(request, _("Approved. Readers now see this supplement."))
        return redirect("regional_supplements:index")


class SupplementsToApprovePanel(Component):
    """Dashboard: supplements of the steunpunt that a colleague wrote and that wait for approval."""

    name = "supplements_to_approve"
    template_name = "information/admin/approvals_panel.html"
    order = 92

    def __init__(self, request):
        self.supplements = list(supplements_to_approve(request.user))

    def get_context_data(self, parent_context):
        return {**super().get_context_data(parent_context), "supplements": self.supplements}

    def render_html(self, parent_context=None):
        return super().render_html(parent_context) if self.supplements else ""


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


def panel_review_done(request, task_state_id):
    """The reading-panel member's confirmation after answering; the task has left their list."""
    from wagtail.models import TaskState

    task_state = get_object_or_404(TaskState, pk=task_state_id)
    review = get_object_or_404(PanelReview, revision_id=task_state.revision_id, reviewer=request.user)
    messages.success(
        request,
        _("Thank you for your opinion about “%(title)s”. The editors will read it.")
        % {"title": review.page.title},
    )
    return redirect("wagtailadmin_home")
