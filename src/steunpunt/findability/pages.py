"""The results page of the site search (``/zoeken/``), served by a steunpunt's home page route."""

import hashlib

from django.conf import settings
from django.core.cache import cache
from django.core.paginator import Paginator
from django.template.loader import get_template
from django.template.response import TemplateResponse
from django.utils import timezone, translation
from django.utils.http import urlencode

from steunpunt.core import page_cache
from steunpunt.core.address import addressed, for_audience, speaking
from steunpunt.information.audiences import URL_SEGMENTS, Audience
from steunpunt.information.search import (
    MAX_QUERY_LENGTH,
    RESULTS_PER_PAGE,
    glossary_answer,
    likely_theme,
    most_read,
    nearest_glossary,
    normalise,
    search_count,
)

from .models import ResultKind
from .sitesearch import (
    AUDIENCE_BY_CHOICE,
    GROUP_ORDER,
    GROUP_PREVIEW,
    GROUP_SLUGS,
    KIND_BY_SLUG,
    AudienceResults,
    find_other,
    reader_version,
)

CLICK_PATH = "/zoeken/naar/"


def _click(params, kind, position, target):
    """The address of a result that counts the click by its position, then goes to ``target``."""
    return f"{CLICK_PATH}?{params}&" + urlencode({"soort": kind, "positie": position, "naar": target})


def _hit_item(hit, base, params, position, kind=None):
    url = f"{base}{hit.path}"
    return {"hit": hit, "url": url, "click": _click(params, kind or hit.kind, position, url)}


def _article_item(card, audience, position, base, params, kind=ResultKind.ARTICLE):
    version = reader_version(card, audience)
    others = [other for other in card.versions if other.audience != version.audience]
    url = f"{base}informatie/{card.slug}/{version.path}"
    return {
        "card": card,
        "title": version.title or card.title,
        "url": url,
        "click": _click(params, kind, position, url),
        "other_urls": [(other, f"{base}informatie/{card.slug}/{other.path}") for other in others],
        "version": version,
        "others": others,
        "for_reader": version.audience == audience,
        # Another audience's version speaks in its own words ("u" to parents): marked on the card.
        "address": for_audience(version.audience),
        "position": position,
    }


def search_page(page, request):
    """Search the whole site; every search is counted with its number of articles, nothing more."""
    raw = request.GET.get("q", "")
    query = normalise(raw)
    choice = request.GET.get("voor", "")
    audience = AUDIENCE_BY_CHOICE.get(choice, Audience.PARENTS)
    only = KIND_BY_SLUG.get(request.GET.get("soort", ""))
    support_point = getattr(request, "support_point", None)
    counted = query and support_point is not None and "pagina" not in request.GET and only is None
    base = page.get_url(request)
    key = _results_key(request, base, raw, audience, only) if query else None
    kept = cache.get(key) if key else None
    if kept is not None:
        # The same results shown before in this content generation: the kept HTML, counted again.
        if counted:
            search_count(support_point=support_point, query=query, results=kept["total"])
        context = _form_context(page, base, raw, query, audience, only)
        # The kept HTML is the SafeString the template rendered (pickled with its class).
        context.update(total=kept["total"], grand_total=kept["grand_total"], results_html=kept["html"])
        return addressed(
            TemplateResponse(request, "information/search.html", context), for_audience(audience)
        )
    # The ranked result of a query is cached (information/search.py): a page costs one query for its articles.
    results = Paginator(AudienceResults(query, audience), RESULTS_PER_PAGE)
    # get_page turns a missing, odd or too high page number into a page that exists.
    results_page = results.get_page(request.GET.get("pagina"))
    if counted:
        search_count(support_point=support_point, query=query, results=results.count)
    context = _form_context(page, base, raw, query, audience, only)
    context.update(results=results_page, total=results.count, article_label=ResultKind.ARTICLE.label)
    if not query:
        return addressed(
            TemplateResponse(request, "information/search.html", context), for_audience(audience)
        )
    query_analysis = results.object_list.analysis
    params = {"q": query}
    if audience != Audience.PARENTS:
        params["voor"] = URL_SEGMENTS[audience]
    context["params"] = urlencode(params)
    context["suggestion"] = query_analysis.suggestion(query)
    if context["suggestion"]:
        context["suggestion_url"] = "?" + urlencode({**params, "q": context["suggestion"]})
    first_page = results_page.number == 1 and only is None
    # "wat is een tlv": the explanation first, on the first page only.
    answer = glossary_answer(query, query_analysis) if first_page else None
    if answer is not None:
        context["answer"] = answer
        context["answer_explanation"] = _explanation(answer, audience)
        segment = "" if audience == Audience.PARENTS else f"{URL_SEGMENTS[audience]}/"
        answer_url = f"{base}begrippen/{answer.slug}/{segment}"
        context["answer_url"] = answer_url
        context["answer_click"] = _click(context["params"], ResultKind.ANSWER, 1, answer_url)
    groups, best = find_other(query, query_analysis, support_point, audience)
    if answer is not None:
        # The explanation on top is the glossary's answer: not again in its group.
        groups = {
            kind: [hit for hit in hits if not (kind == ResultKind.GLOSSARY and hit.title == answer.term)]
            for kind, hits in groups.items()
        }
        groups = {kind: hits for kind, hits in groups.items() if hits}
    best = best if first_page and answer is None else None
    context["best"] = _hit_item(best, base, context["params"], 1, ResultKind.ANSWER) if best else None
    start = results_page.start_index() if results.count else 1
    # The first article is the best answer when no explanation or regional answer is on top.
    context["article_is_best"] = first_page and answer is None and best is None
    show_articles = only is None or only == ResultKind.ARTICLE
    context["articles"] = [
        _article_item(
            card,
            audience,
            start + number,
            base,
            context["params"],
            ResultKind.ANSWER if context["article_is_best"] and number == 0 else ResultKind.ARTICLE,
        )
        for number, card in enumerate(results_page.object_list if show_articles else [])
    ]
    context["show_articles"] = show_articles
    context["groups"] = [
        {
            "kind": kind,
            "slug": GROUP_SLUGS[kind],
            "label": ResultKind(kind).label,
            "count": len(groups[kind]),
            "hits": [
                _hit_item(hit, base, context["params"], number)
                for number, hit in enumerate(
                    groups[kind] if only == kind else groups[kind][:GROUP_PREVIEW], 1
                )
            ],
            "more": only != kind and len(groups[kind]) > GROUP_PREVIEW,
        }
        for kind in GROUP_ORDER
        if kind in groups and (only is None or only == kind)
    ]
    context["overview"] = [
        {"slug": GROUP_SLUGS[ResultKind.ARTICLE], "label": ResultKind.ARTICLE.label, "count": results.count}
    ] + [
        {"slug": group["slug"], "label": group["label"], "count": group["count"]}
        for group in context["groups"]
    ]
    context["grand_total"] = results.count + sum(len(hits) for hits in groups.values())
    # No article found: help, even when a word of the glossary or something of the region was.
    if not results.count and only is None:
        theme = likely_theme(query_analysis)
        context["help"] = {
            "terms": nearest_glossary(query_analysis),
            "theme": theme,
            "articles": most_read(theme),
        }
    # The page speaks to the reader it searches for ("je" with voor=jongeren or kinderen; core.address).
    with speaking(for_audience(audience)):
        html = get_template("information/_search_results.html").render(context)
    context["results_html"] = html  # a SafeString: the template escaped what it shows
    seconds = _keep_seconds(groups, context["best"])
    if key and seconds > 0:
        cache.set(
            key,
            {"html": html, "total": results.count, "grand_total": context["grand_total"]},
            timeout=seconds,
        )
    return addressed(TemplateResponse(request, "information/search.html", context), for_audience(audience))


def _form_context(page, base, raw, query, audience, only):
    """What the page shows around its results: the search form as the reader filled it in."""
    return {
        "page": page,
        "base": base,
        "query": raw[:MAX_QUERY_LENGTH],
        "normalised": query,
        "searched": bool(query),
        "too_long": len(raw) > MAX_QUERY_LENGTH,
        "audience": audience,
        "audience_choice": URL_SEGMENTS[audience],
        "audience_choices": [(segment, Audience(value).label) for value, segment in URL_SEGMENTS.items()],
        "only": only,
    }


def _results_key(request, base, raw, audience, only):
    """The cache key of a results page as shown (``None``: not kept).

    The rendered results are the same for every reader of one site who asks the same thing in the same
    language for the same audience, until the content changes (its generation is in the key). Rendering
    them was two thirds of a search page's time (bench/README.md, P4), so they are kept as HTML as long
    as the search's ranking is (``SEARCH_CACHE_SECONDS``). The raw text is part of the key: the question
    form link carries it as typed.
    """
    number = request.GET.get("pagina", "")
    if settings.SEARCH_CACHE_SECONDS <= 0 or not (number == "" or number.isdigit()):
        # An odd page number is answered with a page that exists (Paginator.get_page), not kept.
        return None
    support_point = getattr(request, "support_point", None)
    parts = [
        str(page_cache.current_generation(request)),
        # The site: its steunpunt, host and root (a page's own address is relative, "/" on every site).
        str(support_point.pk if support_point else "-"),
        request.get_host(),
        base,
        translation.get_language() or "",
        str(audience),
        str(only or ""),
        number,
        raw[:MAX_QUERY_LENGTH],
    ]
    return "searchpage:" + hashlib.sha256("\x1f".join(parts).encode()).hexdigest()


def _keep_seconds(groups, best):
    """How long rendered results stay true: the ranking's time, or less when a meeting found ends sooner."""
    seconds = settings.SEARCH_CACHE_SECONDS
    now = timezone.now()
    # Every meeting found counts, also those beyond the group's preview: the group's count shows them.
    meetings = list(groups.get(ResultKind.MEETING, [])) + ([best["hit"]] if best else [])
    for hit in meetings:
        if hit.ends_at is not None:
            seconds = min(seconds, int((hit.ends_at - now).total_seconds()))
    return seconds


def _explanation(entry, audience):
    from steunpunt.information.models import GlossaryTerm

    if audience == Audience.PARENTS:
        return entry.explanation
    term = GlossaryTerm.objects.filter(slug=entry.slug).first()
    return term.explanation_for(audience) if term else entry.explanation
