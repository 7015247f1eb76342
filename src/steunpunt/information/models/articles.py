"""The national information set: one library of articles, shown on every steunpunt's site."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, ObjectList, TabbedInterface
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page, PageManager, PagePermissionTester
from wagtail.query import PageQuerySet
from wagtail.search import index

from ..article_admin import ArticleForm, ReadabilityPanel, ValidationRecordPanel
from ..audiences import Audience, Version
from ..blocks import body_blocks


class ThroughValidationOnly(PagePermissionTester):
    """National articles go live only when the validation chain completes (workflow_finish).

    Nobody, a superuser neither, is offered "Publiceren" on an article or on a new article in the
    library, nor can publish one through the bulk actions, a revision or a copy: Wagtail asks this
    tester everywhere. Unpublishing (taking a wrong text offline) stays with the page rights.
    """

    def can_publish(self):
        return False

    def can_publish_subpage(self):
        return False


class InformationLibraryPage(Page):
    """The root of the national set. It belongs to no site: steunpunt sites show its articles."""

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["information.ArticlePage"]
    max_count = 1

    class Meta:
        verbose_name = _("national information library")

    def get_sitemap_urls(self, request=None):
        return []

    def permissions_for_user(self, user):
        return ThroughValidationOnly(user, self)


class ArticleQuerySet(PageQuerySet):
    def dutch(self):
        """Only the Dutch articles, not their translations (which live in the other locales)."""
        return self.filter(locale__language_code=settings.LANGUAGE_CODE)


class ArticlePage(Page):
    """A national article with a version for parents and, optionally, young people and children.

    The Dutch article is the source; its translations are ArticlePages in the other locales
    (information.translations). Whatever lists or searches the Dutch set uses ``.dutch()``.
    """

    summary = models.TextField(_("summary"), help_text=_("One or two short sentences."))
    body = StreamField(body_blocks(), verbose_name=_("text"))
    youth_title = models.CharField(_("title"), max_length=255, blank=True)
    youth_summary = models.TextField(_("summary"), blank=True)
    youth_body = StreamField(body_blocks(), verbose_name=_("text"), blank=True)
    children_title = models.CharField(_("title"), max_length=255, blank=True)
    children_summary = models.TextField(_("summary"), blank=True)
    children_body = StreamField(body_blocks(), verbose_name=_("text"), blank=True)
    themes = ParentalManyToManyField("information.Theme", verbose_name=_("themes"), blank=True)
    last_checked_at = models.DateField(_("last checked on"), null=True, blank=True)
    check_again_before = models.DateField(_("check again before"), null=True, blank=True)
    readability_reason = models.TextField(
        _("reason to publish below the readability target"),
        blank=True,
        help_text=_("Needed only when a version is harder to read than its target."),
    )
    starter_text = models.BooleanField(
        _("draft, not yet validated"),
        default=False,
        help_text=_("Readers see that this text has not been validated. Switch off after validation."),
    )

    objects = PageManager.from_queryset(ArticleQuerySet)()

    parent_page_types = ["information.InformationLibraryPage"]
    subpage_types = []
    base_form_class = ArticleForm
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("body"),
        index.SearchField("youth_title"),
        index.SearchField("youth_summary"),
        index.SearchField("youth_body"),
        index.SearchField("children_title"),
        index.SearchField("children_body"),
        index.FilterField("live"),
    ]

    parents_panels = [
        FieldPanel("title"),
        FieldPanel("summary"),
        FieldPanel("body"),
    ]
    youth_panels = [FieldPanel("youth_title"), FieldPanel("youth_summary"), FieldPanel("youth_body")]
    children_panels = [
        FieldPanel("children_title"),
        FieldPanel("children_summary"),
        FieldPanel("children_body"),
    ]
    about_panels = [
        MultiFieldPanel([ReadabilityPanel(), FieldPanel("readability_reason")], heading=_("Readability")),
        FieldPanel("themes"),
        InlinePanel("sources", label=_("Sources")),
        InlinePanel("related_links", label=_("Related articles")),
        MultiFieldPanel(
            # "Last checked on" is set by the validation chain when it completes, never by hand;
            # the record panel below shows it.
            [FieldPanel("check_again_before"), FieldPanel("starter_text")],
            heading=_("Validation"),
        ),
        ValidationRecordPanel(heading=_("Expert checks and reading panel")),
    ]
    edit_handler = TabbedInterface(
        [
            ObjectList(parents_panels, heading=_("Parents")),
            ObjectList(youth_panels, heading=_("Young people")),
            ObjectList(children_panels, heading=_("Children")),
            ObjectList(about_panels, heading=_("Sources and validation")),
            ObjectList(Page.promote_panels, heading=_("Promote")),
        ]
    )

    class Meta:
        verbose_name = _("article")
        verbose_name_plural = _("articles")

    def permissions_for_user(self, user):
        return ThroughValidationOnly(user, self)

    def versions(self):
        """Return the audience versions that exist, parents first."""
        found = [Version(Audience.PARENTS, self.title, self.summary, self.body)]
        if self.youth_title and self.youth_body:
            found.append(Version(Audience.YOUTH, self.youth_title, self.youth_summary, self.youth_body))
        if self.children_title and self.children_body:
            found.append(
                Version(Audience.CHILDREN, self.children_title, self.children_summary, self.children_body)
            )
        return found

    @staticmethod
    def has_version_q(audience, via=""):
        """The condition, in the database, that ``versions()`` includes the ``audience`` version (of the
        article at the end of the lookup ``via``, such as ``"article__"``)."""
        if audience == Audience.PARENTS:
            return models.Q()
        prefix = "youth" if audience == Audience.YOUTH else "children"
        # A version needs both a title and a text; an empty text is stored as an empty list.
        return ~models.Q(**{f"{via}{prefix}_title": ""}) & ~models.Q(**{f"{via}{prefix}_body": []})

    def get_sitemap_urls(self, request=None):
        # Shown under every steunpunt's site; those sites list the article addresses
        # (steunpunt.portal.sitemaps).
        return []

    @property
    def preview_modes(self):
        return [(audience.value, audience.label) for audience in Audience]

    @property
    def default_preview_mode(self):
        return Audience.PARENTS.value

    def serve_preview(self, request, mode_name):
        """Editors, experts and panel members read the draft as a reader would, per version."""
        from django.template.response import TemplateResponse

        from ..routes import article_context

        versions = self.versions()
        version = next((v for v in versions if v.audience == mode_name), versions[0])
        context = article_context(request, self, version, page=self, base="/")
        context["preview"] = True
        return TemplateResponse(request, "information/article.html", context)


class ArticleSource(Orderable):
    """Where a fact comes from: a law article, an official page."""

    class Kind(models.TextChoices):
        OFFICIAL = "official", _("Official (government, law, inspectorate)")
        BODY = "body", _("Organisation in the field")
        SECONDARY = "secondary", _("Other source")

    page = ParentalKey(ArticlePage, on_delete=models.CASCADE, related_name="sources")
    title = models.CharField(_("title"), max_length=300)
    url = models.URLField(_("web address"), max_length=500, blank=True)
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices, default=Kind.OFFICIAL)

    panels = [FieldPanel("title"), FieldPanel("url"), FieldPanel("kind")]


class RelatedArticle(Orderable):
    page = ParentalKey(ArticlePage, on_delete=models.CASCADE, related_name="related_links")
    article = models.ForeignKey(
        ArticlePage, verbose_name=_("article"), on_delete=models.CASCADE, related_name="+"
    )

    panels = [FieldPanel("article")]
