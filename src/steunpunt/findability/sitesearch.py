"""One search for the whole site: the articles (the national set, ranked by BM25F in
:mod:`steunpunt.information.search`) together with the glossary, and, of the steunpunt whose site
it is, the social map, the schools, the meetings still to come and the published stories.

The articles are many and national, and have an index of their own. The other kinds are few per
site (tens of organisations, meetings and stories, a few hundred schools of the region's
partnerships), so each site's are read once per content generation into a small in-process list
of *documents* (:func:`_documents`): the terms of their title (name, and a school's place) and of
their text, analysed with the same Dutch analysis as the articles. A query's concepts (the same
analysis, synonyms and spelling included) are scored against them the way the articles are: each
concept counts its best term, ``weight · idf``, three times when it is in the title; a document's
score is the sum over the concepts it has, times how many it has. A document is shown when the
concepts it has weigh at least half of all the query's concepts (:data:`COVERAGE`, each concept
weighing its best term's ``weight · idf``): a school named after one common word of a long
question is no answer to it.

What a search found of these kinds is kept in the cache per site and query under the content's
generation, like the articles' ranking: a change of an organisation, school, story, glossary term
or meeting moves the generation on.
"""

import hashlib
import threading
from dataclasses import dataclass, field

from django.conf import settings
from django.core.cache import cache
from django.utils import timezone

from steunpunt.core import page_cache
from steunpunt.information import analysis
from steunpunt.information.audiences import URL_SEGMENTS, Audience
from steunpunt.information.search import SearchResults, _context

from .models import ResultKind

TITLE_BOOST = 3.0
# A document is shown when it scores at least this share of a document with every concept in its title.
COVERAGE = 0.5
# What a group shows on the page with every group; the whole group is one link away (?soort=).
GROUP_PREVIEW = 5
GROUP_MAX = 100
# The groups in the order the page shows them after the articles.
GROUP_ORDER = [
    ResultKind.GLOSSARY,
    ResultKind.ORGANISATION,
    ResultKind.SCHOOL,
    ResultKind.MEETING,
    ResultKind.STORY,
]
# The address segment of each group (?soort=).
GROUP_SLUGS = {
    ResultKind.ARTICLE: "informatie",
    ResultKind.GLOSSARY: "begrippen",
    ResultKind.ORGANISATION: "hulp",
    ResultKind.SCHOOL: "scholen",
    ResultKind.MEETING: "bijeenkomsten",
    ResultKind.STORY: "ervaringen",
}
KIND_BY_SLUG = {slug: kind for kind, slug in GROUP_SLUGS.items()}
AUDIENCE_BY_CHOICE = {"ouders": Audience.PARENTS, "jongeren": Audience.YOUTH, "kinderen": Audience.CHILDREN}


@dataclass(frozen=True)
class Hit:
    """One result of a kind other than an article, as the page shows it."""

    kind: str
    pk: int
    title: str
    path: str  # the address on the site, from its root, without the leading slash
    text: str
    label: str = ""
    starts_at: object = None
    ends_at: object = None
    regional: bool = True


@dataclass
class _Document:
    hit: Hit
    title_terms: frozenset
    body_terms: frozenset


@dataclass
class _Documents:
    generation: object
    by_site: dict = field(default_factory=dict)


_local = threading.local()


def _terms(*texts):
    return frozenset(term for text in texts for term in analysis.terms(text or ""))


def _glossary_documents(audience=Audience.PARENTS):
    from steunpunt.information.models import GlossaryTerm

    suffix = "" if audience == Audience.PARENTS else f"{URL_SEGMENTS[Audience(audience)]}/"
    return [
        _Document(
            Hit(
                ResultKind.GLOSSARY,
                term.pk,
                term.term,
                f"begrippen/{term.slug}/{suffix}",
                term.explanation_for(audience),
                regional=False,
            ),
            _terms(*term.forms()),
            _terms(term.explanation),
        )
        for term in GlossaryTerm.objects.all()
    ]


def _site_documents(support_point):
    """Every document of one site's regional kinds (a few queries, once per generation)."""
    from steunpunt.meetings.models import Meeting
    from steunpunt.schools.selectors import schools_for_support_point
    from steunpunt.socialmap.selectors import organisations_for_site
    from steunpunt.stories.models import Story

    documents = []
    for organisation in organisations_for_site(support_point):
        documents.append(
            _Document(
                Hit(
                    ResultKind.ORGANISATION,
                    organisation.pk,
                    organisation.name,
                    f"hulp-in-de-buurt/#organisatie-{organisation.pk}",
                    organisation.helps_with,
                    str(organisation.get_category_display()),
                    regional=organisation.support_point_id is not None,
                ),
                _terms(organisation.name),
                _terms(organisation.helps_with, organisation.when_to_go, organisation.get_category_display()),
            )
        )
    schools = schools_for_support_point(support_point).prefetch_related("specialisms")
    for school in schools:
        specialisms = " ".join(specialism.name for specialism in school.specialisms.all())
        documents.append(
            _Document(
                Hit(
                    ResultKind.SCHOOL,
                    school.pk,
                    school.name,
                    f"scholen/{school.location_code}/",
                    f"{school.get_school_type_display()} · {school.place}" if school.place else "",
                    school.place,
                ),
                # A school is found by its name and its place.
                _terms(school.name, school.place),
                _terms(school.municipality, school.get_school_type_display(), specialisms),
            )
        )
    meetings = Meeting.objects.filter(support_point=support_point, ends_at__gte=timezone.now())
    for meeting in meetings:
        documents.append(
            _Document(
                Hit(
                    ResultKind.MEETING,
                    meeting.pk,
                    meeting.title,
                    f"bijeenkomsten/{meeting.pk}/",
                    meeting.description,
                    meeting.place,
                    starts_at=meeting.starts_at,
                    ends_at=meeting.ends_at,
                ),
                _terms(meeting.title),
                _terms(meeting.description, meeting.place),
            )
        )
    for story in Story.objects.filter(support_point=support_point, status=Story.Status.PUBLISHED):
        text = story.published_text
        title = story.title or text[:80]
        documents.append(
            _Document(
                Hit(
                    ResultKind.STORY,
                    story.pk,
                    title,
                    f"ervaringen/#ervaring-{story.pk}",
                    text[:240],
                    str(story.get_author_display()),
                ),
                _terms(story.title),
                _terms(text),
            )
        )
    return documents


def _documents(support_point, audience):
    """The glossary and the site's documents of the current generation (kept per process)."""
    generation = page_cache.current_generation()
    kept = getattr(_local, "documents", None)
    if kept is None or kept.generation != generation:
        kept = _Documents(generation)
        _local.documents = kept
    key = (support_point.pk if support_point else None, audience)
    if key not in kept.by_site:
        documents = _glossary_documents(audience)
        if support_point is not None:
            documents += _site_documents(support_point)
        kept.by_site[key] = documents
    return kept.by_site[key]


def _query_concepts(query_analysis, vocabulary):
    """``[[(term, weight · idf)]]`` per concept: its alternatives and the stems of its own words
    (a place or a school's name is in no article, and must not be lost to a spelling correction)."""
    concepts = []
    for concept in query_analysis.concepts:
        weighted = {term: weight * vocabulary.idf(term) for term, weight in concept.alternatives}
        for term in analysis.terms(concept.label):
            weighted.setdefault(term, vocabulary.idf(term))
        concepts.append(list(weighted.items()))
    return concepts


def _score(document, concepts):
    """Return ``(score, covered)``: the rank of the document and the weight of the concepts it has."""
    total, covered, matched = 0.0, 0.0, 0
    for alternatives in concepts:
        best, found = 0.0, 0.0
        for term, weight in alternatives:
            if term in document.title_terms:
                best, found = max(best, TITLE_BOOST * weight), max(found, weight)
            elif term in document.body_terms:
                best, found = max(best, weight), max(found, weight)
        if best:
            total += best
            covered += found
            matched += 1
    return total * matched, covered


def _find(query, query_analysis, support_point, audience):
    vocabulary = _context().vocabulary
    concepts = _query_concepts(query_analysis, vocabulary)
    if not concepts:
        return {}, None
    ideal = sum(max(weight for _term, weight in alternatives) for alternatives in concepts)
    scored = {}
    for document in _documents(support_point, audience):
        score, covered = _score(document, concepts)
        if score and covered >= COVERAGE * ideal:
            scored.setdefault(document.hit.kind, []).append((-score, document.hit.title.lower(), document))
    groups = {
        kind: [document.hit for _s, _t, document in sorted(found, key=lambda item: item[:2])[:GROUP_MAX]]
        for kind, found in scored.items()
    }
    # A regional answer is the best answer when it alone has every concept in its title and few
    # other words ('de regenboog' → the school De Regenboog; 'school' names every school).
    complete = [
        document
        for kind, found in scored.items()
        if kind != ResultKind.GLOSSARY
        for _s, _t, document in found
        if all(any(term in document.title_terms for term, _w in alternatives) for alternatives in concepts)
        and len(document.title_terms) <= len(concepts) + 2
    ]
    best = complete[0].hit if len(complete) == 1 else None
    return groups, best


def find_other(query, query_analysis, support_point, audience=Audience.PARENTS):
    """Return ``({kind: [Hit, …] best first}, the one regional best answer or None)`` for a
    normalised query on a steunpunt's site (kept in the cache per site and generation)."""
    if not query:
        return {}, None
    seconds = settings.SEARCH_CACHE_SECONDS
    if seconds <= 0:
        return _find(query, query_analysis, support_point, audience)
    digest = hashlib.sha256(query.encode()).hexdigest()
    site = support_point.pk if support_point else "-"
    key = f"sitesearch:{page_cache.current_generation()}:{site}:{audience}:{digest}"
    found = cache.get(key)
    if found is None:
        found = _find(query, query_analysis, support_point, audience)
        cache.set(key, found, timeout=seconds)
    groups, best = found
    now = timezone.now()
    # A meeting that ended since the result was kept is no longer shown.
    if ResultKind.MEETING in groups:
        groups = dict(groups)
        groups[ResultKind.MEETING] = [hit for hit in groups[ResultKind.MEETING] if hit.ends_at >= now]
        if not groups[ResultKind.MEETING]:
            del groups[ResultKind.MEETING]
    if best is not None and best.ends_at is not None and best.ends_at < now:
        best = None
    return groups, best


class AudienceResults(SearchResults):
    """The articles of a search with those that have a version for the reader's audience first,
    each group in the order of the ranking."""

    def __init__(self, query, audience=Audience.PARENTS):
        super().__init__(query)
        self.audience = audience

    def ranking(self):
        if self._ranking is None:
            ranking = super().ranking()
            if self.audience == Audience.PARENTS:
                return ranking
            query_analysis, total, ids = ranking
            key = f"{self._key}:{self.audience}" if self._key else None
            ordered = cache.get(key) if key else None
            if ordered is None:
                ordered = _audience_first(ids, self.audience)
                if key:
                    cache.set(key, ordered, timeout=settings.SEARCH_CACHE_SECONDS)
            self._ranking, self._key = (query_analysis, total, ordered), key
        return self._ranking


def _audience_first(ids, audience):
    from steunpunt.information.models import ArticlePage

    field_name = "youth_title" if audience == Audience.YOUTH else "children_title"
    having = set(
        ArticlePage.objects.filter(pk__in=ids).exclude(**{field_name: ""}).values_list("pk", flat=True)
    )
    return [pk for pk in ids if pk in having] + [pk for pk in ids if pk not in having]


def reader_version(card, audience):
    """The version of an article (a search card) for the reader's audience, else the parents'."""
    versions = card.versions
    return next((version for version in versions if version.audience == audience), versions[0])
