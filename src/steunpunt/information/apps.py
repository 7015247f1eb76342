from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InformationConfig(AppConfig):
    name = "steunpunt.information"
    label = "information"
    verbose_name = _("Information")
    default_auto_field = "django.db.models.BigAutoField"

    # The public pages the page cache keeps, and the content they show (steunpunt.core.page_cache).
    page_cache_paths = ("/informatie/", "/begrippen/")
    page_cache_content = (
        "information.RegionalSupplement",
        "information.GlossaryTerm",
        "information.SearchSynonym",  # the searches kept per generation (search.py) use them
        "information.Theme",
        "information.RelatedArticle",
        "information.ArticleSource",
        "information.ExpertCheck",
        "information.PanelReview",
    )

    def ready(self):
        from . import front_cache, receivers, search_index  # noqa: F401

        search_index.connect_signals()
        front_cache.connect_signals()
