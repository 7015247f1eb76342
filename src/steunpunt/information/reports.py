"""Editors' read-only lists: searches without a result (information gaps) and reader answers."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.views import generic

from steunpunt.tenants.access import ScopedModelViewSet
from steunpunt.tenants.policy import Action

from .models import ArticleFeedback, ArticleView, GlossaryTerm, SearchCount, SearchSynonym

# Content editors (regional or national) may look; national editors see every steunpunt's figures.
EDITORS = (Action.CONTENT_EDIT, Action.CONTENT_EDIT_NATIONAL)


class ReadOnlyViewSet(ScopedModelViewSet):
    """A read-only list of figures per steunpunt: content editors look, nobody edits."""

    actions = {"view": EDITORS}
    add_to_admin_menu = False
    form_fields = []


class NationalListViewSet(ScopedModelViewSet):
    """The national editorial team keeps these lists; content editors may look."""

    steunpunt_field = None
    actions = {
        "view": EDITORS,
        "add": Action.CONTENT_EDIT_NATIONAL,
        "change": Action.CONTENT_EDIT_NATIONAL,
        "delete": Action.CONTENT_EDIT_NATIONAL,
    }
    add_to_admin_menu = False


class InformationGapIndexView(generic.IndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().filter(results=0).select_related("support_point")


class InformationGapViewSet(ReadOnlyViewSet):
    model = SearchCount
    icon = "search"
    menu_label = _("Searches without results")
    index_view_class = InformationGapIndexView
    list_display = ["query", "support_point", "day", "searches"]
    list_filter = ["support_point"]
    ordering = ["-day", "-searches"]


class FeedbackIndexView(generic.IndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().select_related("article", "support_point")


class FeedbackViewSet(ReadOnlyViewSet):
    model = ArticleFeedback
    icon = "comment"
    menu_label = _("Did this help?")
    index_view_class = FeedbackIndexView
    list_display = ["article", "helpful", "missing", "audience", "support_point", "given_on"]
    list_filter = ["helpful", "article"]


class ArticleViewIndexView(generic.IndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().select_related("article", "support_point")


class ArticleViewViewSet(ReadOnlyViewSet):
    """Reads per article, audience, site and day: counted without cookies or any identifier."""

    model = ArticleView
    icon = "view"
    menu_label = _("Most read")
    index_view_class = ArticleViewIndexView
    list_display = ["article", "audience", "support_point", "day", "views"]
    list_filter = ["audience", "support_point"]
    ordering = ["-day", "-views"]


class GlossaryViewSet(NationalListViewSet):
    model = GlossaryTerm
    icon = "help"
    menu_label = _("Glossary")
    form_fields = ["term", "slug", "explanation", "explanation_youth", "explanation_children", "also"]
    list_display = ["term", "slug"]
    search_fields = ["term", "explanation"]


class SynonymViewSet(NationalListViewSet):
    model = SearchSynonym
    icon = "list-ul"
    menu_label = _("Search synonyms")
    form_fields = ["term", "means"]
    list_display = ["term", "means"]
