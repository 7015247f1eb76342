"""The public pages: the installation's index and each steunpunt's home page."""

from django.db import models
from django.template.response import TemplateResponse
from django.utils.text import get_text_list
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import path
from wagtail.fields import StreamField
from wagtail.models import Page, PageViewRestriction

from steunpunt.core import page_cache, pages
from steunpunt.core.address import Address, addressed
from steunpunt.core.site_languages import ServedInEveryLanguage
from steunpunt.findability.routes import SearchRoutesMixin
from steunpunt.information.audiences import Audience
from steunpunt.information.routes import InformationRoutesMixin
from steunpunt.information.selectors import live_articles
from steunpunt.tenants.regions import municipalities_for
from steunpunt.tenants.selectors import public_support_points

from .forms import PostcodeForm
from .lookup import support_points_for_postcode

# What a parent calls the schools of a sector, on the platform's index (never the codes).
SECTOR_WORDS = {"po": _("primary schools"), "vo": _("secondary schools")}


class StarterTextMixin(models.Model):
    """Marks text written by the platform as an example that nobody has validated yet."""

    starter_text = models.BooleanField(
        _("example text, not yet validated"),
        default=False,
        help_text=_("Shows readers that this text is an example. Switch off once the text is checked."),
    )

    class Meta:
        abstract = True


class PlatformHomePage(ServedInEveryLanguage, StarterTextMixin, Page):
    """The root page of the installation: every steunpunt and a postcode search."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("starter_text")]
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["portal.ContentPage"]
    max_count = 1

    class Meta:
        verbose_name = _("platform home page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        form = PostcodeForm(request.GET if "postcode" in request.GET else None)
        context["postcode_form"] = form
        if form.is_bound and form.is_valid():
            context["postcode_result"] = support_points_for_postcode(form.cleaned_data["postcode"])
        context["support_points"] = [
            {
                "support_point": support_point,
                "sectors": get_text_list(
                    [
                        str(SECTOR_WORDS[sector])
                        for sector in sorted(
                            {partnership.sector for partnership in support_point.partnerships.all()}
                        )
                    ],
                    _("and"),
                ),
                "municipalities": municipalities_for(
                    [partnership.code for partnership in support_point.partnerships.all()]
                ),
            }
            for support_point in public_support_points()
        ]
        return context


class SupportPointHomePage(
    ServedInEveryLanguage, InformationRoutesMixin, SearchRoutesMixin, StarterTextMixin, Page
):
    """A steunpunt's home page: the three pillars in plain Dutch."""

    intro = models.TextField(_("introduction"))
    inform_title = models.CharField(_("title"), max_length=120)
    inform_text = models.TextField(_("text"))
    ask_title = models.CharField(_("title"), max_length=120)
    ask_text = models.TextField(_("text"))
    learn_title = models.CharField(_("title"), max_length=120)
    learn_text = models.TextField(_("text"))

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        MultiFieldPanel([FieldPanel("inform_title"), FieldPanel("inform_text")], heading=_("Information")),
        MultiFieldPanel([FieldPanel("ask_title"), FieldPanel("ask_text")], heading=_("Ask a question")),
        MultiFieldPanel(
            [FieldPanel("learn_title"), FieldPanel("learn_text")],
            heading=_("How we learn from experiences"),
        ),
        FieldPanel("starter_text"),
    ]
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["portal.ContentPage"]

    class Meta:
        verbose_name = _("steunpunt home page")

    @property
    def localized(self):
        """Wagtail routes every request through the site root's ``localized``, which asks the database for
        the active locale (bench P3). The home page in that locale is this page itself, found without one."""
        if pages.active_locale_id() == self.locale_id:
            return self
        return super().localized

    def get_view_restrictions(self):
        """Wagtail asks this on every page of the site (its ``check_view_restrictions`` hook: two queries
        a request, bench P3). Whether any restriction applies is kept per content generation (a change
        of a restriction or of the page tree moves it on); only then are they read."""
        if not _restricted(self.pk):
            return PageViewRestriction.objects.none()
        return super().get_view_restrictions()

    def get_sitemap_urls(self, request=None):
        base = self.get_full_url(request)
        return [
            *super().get_sitemap_urls(request),
            *self.information_sitemap_urls(request),
            {"location": f"{base}hulp-in-de-buurt/"},
            {"location": f"{base}jongeren/"},
        ]

    @path("jongeren/", name="youth")
    def youth(self, request):
        """The page for young people: their question form, the consultation hour and every article
        that has a version written for them."""
        articles = [
            (article, version)
            for article in live_articles().exclude(youth_title="")
            for version in article.versions()
            if version.audience == Audience.YOUTH
        ]
        response = TemplateResponse(
            request,
            "portal/youth_page.html",
            {
                "page": self,
                "base": self.get_url(request),
                "articles": articles,
                "support_point": getattr(request, "support_point", None),
            },
        )
        return addressed(response, Address.INFORMAL)  # a page for young people says "je" (core.address)


class ContentPage(ServedInEveryLanguage, StarterTextMixin, Page):
    """A plain page of text, such as the privacy statement or 'about us'."""

    intro = models.TextField(_("introduction"), blank=True)
    body = StreamField(
        [
            ("heading", blocks.CharBlock(label=_("Heading"), form_classname="title")),
            (
                "paragraph",
                blocks.RichTextBlock(label=_("Paragraph"), features=["bold", "italic", "link", "ol", "ul"]),
            ),
        ],
        verbose_name=_("text"),
        blank=True,
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        FieldPanel("body"),
        FieldPanel("starter_text"),
    ]
    subpage_types = ["portal.ContentPage"]

    class Meta:
        verbose_name = _("content page")


@page_cache.per_generation
def _restricted(page_pk):
    """Whether a view restriction applies to the page (on itself or an ancestor)."""
    page = Page.objects.filter(pk=page_pk).first()
    return page is not None and Page.get_view_restrictions(page).exists()
