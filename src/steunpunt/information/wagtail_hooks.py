import re

from django.http import Http404
from django.urls import path, reverse_lazy
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.home import WorkflowObjectsToModeratePanel
from wagtail.admin.viewsets.model import ModelViewSetGroup
from wagtail.models import Page

from .admin_views import (
    OverdueArticlesPanel,
    SupplementChecksPanel,
    SupplementsToApprovePanel,
    SupplementViewSet,
    confirm_check,
    panel_review_done,
)
from .reports import (
    ArticleViewViewSet,
    FeedbackViewSet,
    GlossaryViewSet,
    InformationGapViewSet,
    SynonymViewSet,
)
from .translation_admin import (
    TranslationsView,
    before_edit_translation,
    may_see_translations,
    start_translation,
)


@hooks.register("before_copy_page")
def copy_target_must_be_a_page(request, page):
    """Wagtail's copy view looks up the chosen new parent before its form checks it, so a value that
    is not the number of a page was a 500 (found by wapiti, `make security`): here such a target is
    simply not found, as the choosers' non-numbers are (steunpunt/urls.py)."""
    if request.method != "POST":
        return
    wanted = request.POST.get("new_parent_page", "")
    if not re.fullmatch(r"[0-9]{1,18}", wanted) or not Page.objects.filter(pk=int(wanted)).exists():
        raise Http404


@hooks.register("register_admin_viewset")
def register_information_viewsets():
    return InformationViewSetGroup()


class InformationViewSetGroup(ModelViewSetGroup):
    menu_label = _("Information")
    menu_icon = "doc-full"
    menu_order = 300
    items = [
        SupplementViewSet("regional_supplements"),
        GlossaryViewSet("glossary"),
        SynonymViewSet("search_synonyms"),
        InformationGapViewSet("information_gaps"),
        FeedbackViewSet("article_feedback"),
        ArticleViewViewSet("article_reads"),
    ]


class AwaitingReviewPanel(WorkflowObjectsToModeratePanel):
    """Wagtail's 'Awaiting your review', offering the revision comparisons only to who may open them.

    Those screens need the right to edit the page; a reading-panel member reviews without it.
    """

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        user = parent_context["request"].user
        for state in context["states"]:
            obj = state["obj"]
            if isinstance(obj, Page) and not obj.permissions_for_user(user).can_edit():
                state["live_revision_id"] = state["previous_revision_id"] = None
        return context


@hooks.register("construct_homepage_panels")
def add_information_panels(request, panels):
    panels[:] = [
        AwaitingReviewPanel() if type(panel) is WorkflowObjectsToModeratePanel else panel for panel in panels
    ]
    panels.append(SupplementChecksPanel(request))
    panels.append(SupplementsToApprovePanel(request))
    panels.append(OverdueArticlesPanel(request))


@hooks.register("register_admin_urls")
def register_check_urls():
    return [
        path(
            "informatie/controles/<int:check_id>/bevestigen/", confirm_check, name="information_confirm_check"
        ),
        path("informatie/vertalingen/", TranslationsView.as_view(), name="information_translations"),
        path(
            "informatie/vertalingen/<int:article_id>/<str:language_code>/vertalen/",
            start_translation,
            name="information_translation_start",
        ),
        path(
            "informatie/leespanel/<int:task_state_id>/bedankt/",
            panel_review_done,
            name="information_panel_review_done",
        ),
    ]


@hooks.register("register_log_actions")
def register_log_actions(actions):
    actions.register_action(
        "steunpunt.supplement_checked", _("Check regional supplement"), _("Regional supplement checked")
    )
    actions.register_action(
        "steunpunt.supplement_approved", _("Approve regional supplement"), _("Regional supplement approved")
    )


# Ahead of wagtail-localize's own hook (order 0), which would open its editor with publishing refused.
hooks.register("before_edit_page", before_edit_translation, order=-1)


class TranslationsMenuItem(MenuItem):
    def is_shown(self, request):
        return may_see_translations(request.user)


@hooks.register("register_admin_menu_item")
def register_translations_menu_item():
    return TranslationsMenuItem(
        _("Translations"), reverse_lazy("information_translations"), icon_name="globe", order=310
    )
