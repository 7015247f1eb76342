"""The information routes of a steunpunt's site: the national set, with the regional supplement."""

from django.core.paginator import Paginator
from django.core.validators import slug_re
from django.db.models import QuerySet
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from wagtail.contrib.routable_page.models import RoutablePageMixin, path

from steunpunt.core import site_languages
from steunpunt.core.address import addressed
from steunpunt.core.address import for_audience as address_for_audience
from steunpunt.core.languages import BY_CODE, DUTCH

from . import translations
from .audiences import AUDIENCE_BY_SEGMENT, URL_SEGMENTS, Audience, reading_order, version_path
from .forms import FeedbackForm
from .glossary import TermLinker, linked_blocks
from .models import GlossaryTerm, Theme
from .selectors import (
    RELATED_TITLES,
    article_by_slug,
    article_sources,
    article_themes,
    live_articles,
    published_stories,
    related_rows,
    supplement_for,
    validated_on,
)

INDEX_PAGE_SIZE = 30


class InformationRoutesMixin(RoutablePageMixin):
    """Mixed into a steunpunt's home page: ``informatie/`` and ``informatie/<slug>/<audience>/``."""

    @path("informatie/", name="information_index")
    def information_index(self, request):
        """All articles, by theme if one is chosen, a page of them at a time (the national set is large)."""
        themes = Theme.objects.filter(articlepage__live=True).distinct().order_by("name")
        wanted = request.GET.get("thema", "")
        # Only a slug names a theme; anything else is no theme (a NUL byte would make PostgreSQL fail).
        theme = themes.filter(slug=wanted).first() if slug_re.match(wanted) else None
        articles = live_articles().order_by("title")
        if theme is not None:
            articles = articles.filter(themes=theme)
        articles_page = Paginator(articles, INDEX_PAGE_SIZE).get_page(request.GET.get("pagina"))
        return TemplateResponse(
            request,
            "information/index.html",
            {
                "page": self,
                "base": self.get_url(request),
                "articles": articles_page,
                "themes": themes,
                "theme": theme,
                "support_point": getattr(request, "support_point", None),
            },
        )

    @path("informatie/<slug:slug>/", name="article")
    @path("informatie/<slug:slug>/<str:segment>/", name="article_for")
    def article(self, request, slug, segment=None, feedback_form=None):
        if segment == URL_SEGMENTS[Audience.PARENTS]:
            # The parents' version lives at the article's own address.
            return redirect(f"{self.get_url(request)}informatie/{slug}/", permanent=True)
        article = article_by_slug(slug)
        audience = AUDIENCE_BY_SEGMENT.get(segment) if segment else Audience.PARENTS
        if article is None or audience is None:
            raise Http404
        language = site_languages.current()
        translated = translations.translation_for(article, language) if language != DUTCH else None
        # A translation without this audience's version (say, no children's text yet) is missing for
        # this reader: the Dutch version is shown with the missing-translation note.
        version = _version_for(translated, audience) if translated is not None else None
        if version is None:
            translated = None
            version = _version_for(article, audience)
            if version is None:
                raise Http404
        else:
            article = translated
        context = article_context(
            request, article, version, page=self, base=self.get_url(request), feedback_form=feedback_form
        )
        context.update(
            {
                # The text's own language where it is not the page's: Dutch text on an English page.
                "text_language": None
                if language == DUTCH
                else BY_CODE[language if translated is not None else DUTCH],
                "untranslated": language != DUTCH and translated is None,
                "is_translation": translated is not None,
                "unchecked_translation": translated is not None
                and translations.translation_unchecked(translated),
            }
        )
        if getattr(request, "support_point", None) is not None:
            # The read is counted when the browser loads this image, so also when the page itself came
            # from a cache (the app's or nginx's) that the request never got past (information.views).
            context["read_url"] = reverse("article_read", args=[article.pk, version.segment])
        response = TemplateResponse(request, "information/article.html", context)
        return addressed(response, address_for_audience(audience))

    @path("begrippen/", name="glossary")
    def glossary(self, request):
        return TemplateResponse(
            request,
            "information/glossary.html",
            {"page": self, "base": self.get_url(request), "terms": GlossaryTerm.objects.all()},
        )

    @path("begrippen/<slug:slug>/", name="glossary_term")
    @path("begrippen/<slug:slug>/<str:segment>/", name="glossary_term_for")
    def glossary_term(self, request, slug, segment=None):
        """A term explained for an audience: young people's and children's pages link to their own."""
        if segment == URL_SEGMENTS[Audience.PARENTS]:
            return redirect(f"{self.get_url(request)}begrippen/{slug}/", permanent=True)
        audience = AUDIENCE_BY_SEGMENT.get(segment) if segment else Audience.PARENTS
        term = GlossaryTerm.objects.filter(slug=slug).first()
        if term is None or audience is None:
            raise Http404
        response = TemplateResponse(
            request,
            "information/glossary_term.html",
            {
                "page": self,
                "base": self.get_url(request),
                "term": term,
                "explanation": term.explanation_for(audience),
                "audience": audience,
            },
        )
        return addressed(response, address_for_audience(audience))

    def information_sitemap_urls(self, request=None):
        """The indexes of the information; the site map lists the articles and terms in sections of
        their own, a slice at a time (steunpunt.portal.sitemaps)."""
        base = self.get_full_url(request)
        return [{"location": f"{base}informatie/"}, {"location": f"{base}begrippen/"}]


def _version_for(article, audience):
    return next((v for v in article.versions() if v.audience == audience), None)


def related_for(article, audience):
    """The live related articles as ``(title, path)`` in the reader's own version: a young person is
    sent to the young people's version, a child to the children's (else the young people's); an
    article without a version for that reader is left out rather than shown in the parents' words."""
    links = article.related_links.all()
    if not isinstance(links, QuerySet):
        # A preview's links, not saved yet: the articles themselves, in memory.
        return [
            (version.title, f"{link.article.slug}/{version.path}")
            for link in links
            if link.article.live and (version := _readable_version(link.article.versions(), audience))
        ]
    # A live article's links: only the columns the links show (the linked articles' texts are large).
    rows = related_rows(article)
    related = []
    for row in rows:
        for wanted in reading_order(audience):
            if wanted == Audience.PARENTS or row[f"has_{wanted}"]:
                path = f"{row['article__slug']}/{version_path(wanted)}"
                related.append((row[f"article__{RELATED_TITLES[wanted]}"], path))
                break
    return related


def _readable_version(versions, audience):
    by_audience = {version.audience: version for version in versions}
    return next((by_audience[wanted] for wanted in reading_order(audience) if wanted in by_audience), None)


def article_context(request, article, version, *, page, base, feedback_form=None):
    """Everything the article template needs; also used for the editors' preview."""
    support_point = getattr(request, "support_point", None)
    linker = TermLinker.for_all_terms(base, version.audience)
    supplement = supplement_for(article, support_point, version.audience)
    return {
        "page": page,
        "base": base,
        "article": article,
        "version": version,
        "versions": article.versions(),
        "blocks": linked_blocks(version.body, linker),
        "feedback_form": feedback_form or FeedbackForm(),
        "thanks": "bedankt" in request.GET,
        "validated_on": validated_on(article),
        "supplement": supplement,
        # The approved supplement's blocks, linked and rendered exactly like the article's own.
        "supplement_blocks": linked_blocks(supplement.body, linker) if supplement else [],
        "support_point": support_point,
        "sources": article_sources(article),
        "themes": article_themes(article),
        "related": related_for(article, version.audience),
        "stories": published_stories(article, support_point),
    }
