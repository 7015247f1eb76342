import re

from django.http import Http404
from django.urls import path
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.viewsets.model import ModelViewSetGroup
from wagtail.models import Page
from wagtail.permission_policies.base import BasePermissionPolicy
from wagtail.permissions import register_permission_policy

from steunpunt.tenants.policy import Action, can

from .admin_views import OverdueArticlesPanel, SupplementChecksPanel, SupplementViewSet, confirm_check
from .models import RegionalSupplement
from .reports import (
    POLICIES,
    ArticleViewViewSet,
    FeedbackViewSet,
    GlossaryViewSet,
    InformationGapViewSet,
    SynonymViewSet,
)


class SupplementPermissionPolicy(BasePermissionPolicy):
    """Editors and coordinators write supplements for their own steunpunt."""

    def user_has_permission(self, user, action):
        return action in {"add", "change", "view"} and can(user, Action.CONTENT_EDIT)

    def user_has_permission_for_instance(self, user, action, instance):
        return action in {"change", "view"} and can(user, Action.CONTENT_EDIT, instance.support_point_id)

    def instances_user_has_any_permission_for(self, user, actions):
        from .selectors import supplements_visible_to

        return supplements_visible_to(user)


register_permission_policy(RegionalSupplement, SupplementPermissionPolicy(RegionalSupplement))


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


for _model, _policy in POLICIES.items():
    register_permission_policy(_model, _policy(_model))


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


@hooks.register("construct_homepage_panels")
def add_information_panels(request, panels):
    panels.append(SupplementChecksPanel(request))
    panels.append(OverdueArticlesPanel(request))


@hooks.register("register_admin_urls")
def register_check_urls():
    return [
        path(
            "informatie/controles/<int:check_id>/bevestigen/", confirm_check, name="information_confirm_check"
        )
    ]


@hooks.register("register_log_actions")
def register_log_actions(actions):
    actions.register_action(
        "steunpunt.supplement_checked", _("Check regional supplement"), _("Regional supplement checked")
    )
