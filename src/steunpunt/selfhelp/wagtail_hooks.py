"""The national editors keep the self-help content: route steps, deadline rules and letter templates.

National content, like the glossary: no steunpunt (``steunpunt_field = None``); the national editors
add, change, validate and delete it, regional content editors and coordinators may look.
"""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.viewsets.model import ModelViewSetGroup

from steunpunt.tenants.access import ScopedModelViewSet
from steunpunt.tenants.policy import Action

from .models import DeadlineRule, LetterTemplate, RouteStep

SOURCE_FIELDS = ["source", "source_url", "source_checked", "article_slug", "status"]


class NationalSelfhelpViewSet(ScopedModelViewSet):
    steunpunt_field = None
    actions = {
        "view": (Action.CONTENT_EDIT, Action.CONTENT_EDIT_NATIONAL),
        "add": Action.CONTENT_EDIT_NATIONAL,
        "change": Action.CONTENT_EDIT_NATIONAL,
        "delete": Action.CONTENT_EDIT_NATIONAL,
    }
    add_to_admin_menu = False


class RouteStepViewSet(NationalSelfhelpViewSet):
    model = RouteStep
    icon = "list-ol"
    menu_label = _("Signpost steps")
    form_fields = ["order", "title", "text", "deadline", "levels", "school_kinds", "subjects", *SOURCE_FIELDS]
    list_display = ["title", "subjects", "school_kinds", "status", "source_checked"]
    list_filter = ["status", "source_checked"]
    search_fields = ["title", "text"]


class DeadlineRuleViewSet(NationalSelfhelpViewSet):
    model = DeadlineRule
    icon = "time"
    menu_label = _("Deadline rules")
    form_fields = ["event", "order", "title", "explanation", "amount", "unit", *SOURCE_FIELDS]
    list_display = ["title", "event", "amount", "unit", "status", "source_checked"]
    list_filter = ["status", "event", "source_checked"]
    search_fields = ["title", "explanation"]


class LetterTemplateViewSet(NationalSelfhelpViewSet):
    model = LetterTemplate
    icon = "mail"
    menu_label = _("Letter templates")
    form_fields = ["order", "slug", "title", "introduction", "body", *SOURCE_FIELDS]
    list_display = ["title", "slug", "status", "source_checked"]
    list_filter = ["status", "source_checked"]
    search_fields = ["title", "body"]


class SelfhelpViewSetGroup(ModelViewSetGroup):
    menu_label = _("Do it yourself")
    menu_icon = "tasks"
    menu_order = 310
    items = [
        RouteStepViewSet("selfhelp_route_steps"),
        DeadlineRuleViewSet("selfhelp_deadline_rules"),
        LetterTemplateViewSet("selfhelp_letter_templates"),
    ]


@hooks.register("register_admin_viewset")
def register_selfhelp_viewsets():
    return SelfhelpViewSetGroup()
