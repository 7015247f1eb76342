"""The site search route of a steunpunt's home page (``zoeken/``), mixed in by the portal.

It lives here, not in ``information``, because the site search reads every kind of the site
(articles, glossary, social map, schools, meetings, stories): ``information`` must not import it.
"""

from wagtail.contrib.routable_page.models import RoutablePageMixin, path

from .pages import search_page


class SearchRoutesMixin(RoutablePageMixin):
    """Mixed into a steunpunt's home page: ``zoeken/``."""

    @path("zoeken/", name="search")
    def search(self, request):
        """Search the whole site: the information, the glossary and the steunpunt's own."""
        return search_page(self, request)
