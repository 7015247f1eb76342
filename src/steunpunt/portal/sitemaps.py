"""Each site's map for search engines: ``/sitemap.xml`` is an index of the site's sections.

A steunpunt's site shows the whole national library (tens of thousands of articles, each with up to
three versions), more addresses than one site map file may hold (50,000). So ``/sitemap.xml`` lists
the sections, ``/sitemap-<section>.xml`` (``?p=2`` and on for the next pages), and each page of a
section is built from one slice of one query, at most 5,000 addresses (``limit``):

- ``paginas``: the site's own Wagtail pages, as Wagtail lists them (live and public); the steunpunt's
  home page adds its fixed routes (``informatie/``, ``begrippen/``, ``hulp-in-de-buurt/``);
- ``begrippen``: the glossary terms;
- ``informatie-ouders``, ``informatie-jongeren``, ``informatie-kinderen``: every live, public
  article's version for that audience, where the article has one.

The last four only on a steunpunt's site, and only while its home page is listed; the platform's own
site has just its pages. Addresses are absolute from the Wagtail site's configured host name and port
with the configured scheme (``steunpunt.tenants.links``), never from the request's Host header.
"""

from django.contrib.sitemaps import Sitemap
from django.contrib.sitemaps import views as sitemap_views
from django.db.models import Max
from django.db.models.functions import Coalesce
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import http_date
from wagtail.contrib.sitemaps import Sitemap as WagtailSitemap
from wagtail.models import Site

from steunpunt.information.audiences import URL_SEGMENTS, Audience
from steunpunt.information.models import ArticlePage, GlossaryTerm
from steunpunt.information.selectors import live_articles
from steunpunt.tenants.links import site_url

from .models import SupportPointHomePage

SECTION_URL_NAME = "sitemap_section"


def _site(request):
    return Site.find_for_request(request) or Site.objects.get(is_default_site=True)


class PagesSitemap(WagtailSitemap):
    """The site's own pages; a page may add addresses of its own (``get_sitemap_urls``)."""

    # A page of pages stays below the protocol's 50,000 addresses with the few a page adds to its own.
    limit = Sitemap.limit - 100

    def __init__(self, request):
        super().__init__(request)
        self.protocol = site_url(self.get_wagtail_site()).split("://", 1)[0]

    def _urls(self, page, protocol, domain):
        # Wagtail's page addresses take their scheme from the site's port: the configured one instead.
        site = self.get_wagtail_site()
        root, configured = site.root_url, site_url(site)
        urls = super()._urls(page, protocol, domain)
        for url in urls:
            if url["location"].startswith(root):
                url["location"] = configured + url["location"][len(root) :]
        return urls

    def get_latest_lastmod(self):
        # Django's default builds every item in Python; the database knows the latest date.
        latest = Max(Coalesce("last_published_at", "latest_revision_created_at"))
        return self.items().aggregate(latest=latest)["latest"]

    def steunpunt_home(self):
        """The steunpunt home page among the listed pages, or ``None`` (the platform's own site)."""
        return self.items().type(SupportPointHomePage).first()


class HomeRoutesSitemap(Sitemap):
    """Addresses of the routes under a steunpunt's home page, one item each."""

    # Far below the protocol's 50,000, so that a page is quick: Django's template costs most of the
    # time per address. With 50,000 articles on a busy machine a page of 50,000 took over 20 s, of 5,000 3 s.
    limit = 5_000

    def __init__(self, request, home):
        self.request = request
        _site_id, _root_url, self.home_path = home.get_url_parts(request)
        self.protocol, self.domain = site_url(_site(request)).split("://", 1)

    def get_urls(self, page=1, site=None, protocol=None):
        # Built from the site's configured address, like the pages' addresses.
        return self._urls(page, self.protocol, self.domain)

    def location(self, item):
        return f"{self.home_path}{self.route(item)}"

    def route(self, item):
        raise NotImplementedError


class GlossarySitemap(HomeRoutesSitemap):
    def items(self):
        return GlossaryTerm.objects.order_by("pk").values_list("slug", flat=True)

    def route(self, slug):
        return f"begrippen/{slug}/"


class ArticlesSitemap(HomeRoutesSitemap):
    """One audience's version of every listed article that has one."""

    def __init__(self, request, home, audience):
        super().__init__(request, home)
        self.audience = audience

    def articles(self):
        # Private articles (a view restriction) are left out, though the article route shows them.
        return live_articles().public().filter(ArticlePage.has_version_q(self.audience))

    def items(self):
        # Path order: unique and indexed, so the pages of the section stay put.
        return self.articles().order_by("path").values("slug", "last_published_at")

    def route(self, item):
        path = "" if self.audience == Audience.PARENTS else f"{URL_SEGMENTS[self.audience]}/"
        return f"informatie/{item['slug']}/{path}"

    def lastmod(self, item):
        return item["last_published_at"]

    def get_latest_lastmod(self):
        return self.articles().order_by().aggregate(latest=Max("last_published_at"))["latest"]


def sections(request):
    """The sections of the requesting site's map, by name, in the order of the index."""
    pages = PagesSitemap(request)
    found = {"paginas": pages}
    home = pages.steunpunt_home()
    if home is not None:
        found["begrippen"] = GlossarySitemap(request, home)
        for audience in Audience:
            found[f"informatie-{URL_SEGMENTS[audience]}"] = ArticlesSitemap(request, home, audience)
    return found


@sitemap_views.x_robots_tag
def index(request):
    """``/sitemap.xml``: every page of every section of the requesting site, at its configured address
    (Django's index view takes the host from the request)."""
    base = site_url(_site(request))
    items, latest = [], []
    for name, sitemap in sections(request).items():
        location = base + reverse(SECTION_URL_NAME, kwargs={"section": name})
        lastmod = sitemap.get_latest_lastmod()
        latest.append(lastmod)
        items.append(sitemap_views.SitemapIndexItem(location, lastmod))
        items += [
            sitemap_views.SitemapIndexItem(f"{location}?p={page}", lastmod)
            for page in range(2, sitemap.paginator.num_pages + 1)
        ]
    headers = None
    if latest and None not in latest:
        headers = {"Last-Modified": http_date(max(latest).timestamp())}
    return TemplateResponse(
        request, "sitemap_index.xml", {"sitemaps": items}, content_type="application/xml", headers=headers
    )


def section(request, section):
    """``/sitemap-<section>.xml?p=N``: one page of one section; an unknown section or page is a 404."""
    return sitemap_views.sitemap(request, sections(request), section=section)
