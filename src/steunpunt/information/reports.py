"""Editors' read-only lists: searches without a result (information gaps) and reader answers."""

from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies.base import BasePermissionPolicy

from steunpunt.tenants.policy import Action, can
from steunpunt.tenants.selectors import support_points_for

from .models import ArticleFeedback, ArticleView, GlossaryTerm, SearchCount, SearchSynonym


def _steunpunt_scope(user):
    """National editors see every steunpunt's figures; other editors their own."""
    if can(user, Action.CONTENT_EDIT_NATIONAL):
        return Q()
    return Q(support_point__in=support_points_for(user, Action.CONTENT_EDIT))


class ReadOnlyPolicy(BasePermissionPolicy):
    """Content editors (regional or national) may look; nobody edits."""

    def user_has_permission(self, user, action):
        return action == "view" and (
            can(user, Action.CONTENT_EDIT) or can(user, Action.CONTENT_EDIT_NATIONAL)
        )

    def user_has_permission_for_instance(self, user, action, instance):
        return self.user_has_permission(user, action)

    def instances_user_has_any_permission_for(self, user, actions):
        return self.model.objects.filter(_steunpunt_scope(user))


class NationalListPolicy(BasePermissionPolicy):
    """The national editorial team keeps the glossary and synonyms; content editors may look."""

    def user_has_permission(self, user, action):
        if action == "view":
            return can(user, Action.CONTENT_EDIT) or can(user, Action.CONTENT_EDIT_NATIONAL)
        return action in {"add", "change", "delete"} and can(user, Action.CONTENT_EDIT_NATIONAL)

    def user_has_permission_for_instance(self, user, action, instance):
        return self.user_has_permission(user, action)

    def instances_user_has_any_permission_for(self, user, actions):
        return self.model.objects.all()


class ScopedIndexView(generic.IndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().filter(_steunpunt_scope(self.request.user))


class InformationGapIndexView(ScopedIndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().filter(results=0).select_related("support_point")


class InformationGapViewSet(ModelViewSet):
    model = SearchCount
    icon = "search"
    menu_label = _("Searches without results")
    add_to_admin_menu = False
    index_view_class = InformationGapIndexView
    list_display = ["query", "support_point", "day", "searches"]
    list_filter = ["support_point"]
    ordering = ["-day", "-searches"]
    form_fields = []
    inspect_view_enabled = False
    copy_view_enabled = False


class FeedbackIndexView(ScopedIndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().select_related("article", "support_point")


class FeedbackViewSet(ModelViewSet):
    model = ArticleFeedback
    icon = "comment"
    menu_label = _("Did this help?")
    add_to_admin_menu = False
    index_view_class = FeedbackIndexView
    list_display = ["article", "helpful", "missing", "audience", "support_point", "given_on"]
    list_filter = ["helpful", "article"]
    form_fields = []
    inspect_view_enabled = False
    copy_view_enabled = False


class ArticleViewIndexView(ScopedIndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().select_related("article", "support_point")


class ArticleViewViewSet(ModelViewSet):
    """Reads per article, audience, site and day: counted without cookies or any identifier."""

    model = ArticleView
    icon = "view"
    menu_label = _("Most read")
    add_to_admin_menu = False
    index_view_class = ArticleViewIndexView
    list_display = ["article", "audience", "support_point", "day", "views"]
    list_filter = ["audience", "support_point"]
    ordering = ["-day", "-views"]
    form_fields = []
    inspect_view_enabled = False
    copy_view_enabled = False


class GlossaryViewSet(ModelViewSet):
    model = GlossaryTerm
    icon = "help"
    menu_label = _("Glossary")
    add_to_admin_menu = False
    form_fields = ["term", "slug", "explanation", "explanation_youth", "explanation_children", "also"]
    list_display = ["term", "slug"]
    search_fields = ["term", "explanation"]
    inspect_view_enabled = False
    copy_view_enabled = False


class SynonymViewSet(ModelViewSet):
    model = SearchSynonym
    icon = "list-ul"
    menu_label = _("Search synonyms")
    add_to_admin_menu = False
    form_fields = ["term", "means"]
    list_display = ["term", "means"]
    inspect_view_enabled = False
    copy_view_enabled = False


POLICIES = {
    SearchCount: ReadOnlyPolicy,
    ArticleFeedback: ReadOnlyPolicy,
    ArticleView: ReadOnlyPolicy,
    GlossaryTerm: NationalListPolicy,
    SearchSynonym: NationalListPolicy,
}
