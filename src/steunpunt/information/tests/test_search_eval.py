"""The search answers the questions parents and young people type: an evaluation set of everyday
queries (``search_eval.json``: whole questions, misspellings, single words, long sentences, youth
words), each with the starter articles that answer it, run through the real search over the
real starter content. Quality, not timing: recall@5 ≥ 0.9 and MRR ≥ 0.7, on SQLite and
PostgreSQL alike."""

import json
from pathlib import Path

import pytest

from steunpunt.information import search
from steunpunt.information.models import ArticlePage
from steunpunt.information.starter import (
    load_starter_articles,
    load_starter_glossary,
    load_starter_synonyms,
    starter_articles,
)

pytestmark = pytest.mark.django_db
EVAL = Path(__file__).resolve().parent / "search_eval.json"
MIN_RECALL_AT_5 = 0.9
MIN_MRR = 0.7


def _cases():
    return json.loads(EVAL.read_text(encoding="utf-8"))


def test_the_evaluation_set_is_large_varied_and_names_starter_articles():
    """At least 120 queries of every kind, each answered by articles that exist in the starter set."""
    cases = _cases()
    slugs = {article["slug"] for article in starter_articles()}
    assert len(cases) >= 120
    assert {case["kind"] for case in cases} >= {"question", "misspelling", "word", "sentence", "youth"}
    assert len({case["query"] for case in cases}) == len(cases)
    for case in cases:
        assert case["answers"] and set(case["answers"]) <= slugs, case


def test_no_query_is_the_title_of_an_article():
    """Queries are written as people type, not copied from a title of any version of an article
    (compared as the search reads them: case, accents and punctuation folded)."""
    from steunpunt.information import analysis

    titles = {
        " ".join(analysis.words(version["title"]))
        for article in starter_articles()
        for version in article["versions"].values()
        if version.get("title")
    }
    copied = [case["query"] for case in _cases() if " ".join(analysis.words(case["query"])) in titles]
    assert copied == []


def test_everyday_queries_find_their_answer_in_the_top_five(platform, settings, capsys):
    """Every query of the set runs through the real search; recall@5 and MRR meet the targets."""
    settings.SEARCH_CACHE_SECONDS = 0
    load_starter_articles()
    load_starter_glossary()
    load_starter_synonyms()
    slug_of = dict(ArticlePage.objects.values_list("pk", "slug"))
    hits, reciprocal, failures = 0, 0.0, []
    cases = _cases()
    for case in cases:
        ranking = search.find_articles(search.normalise(case["query"])).ranking()[2]
        found = [slug_of[pk] for pk in ranking[:10]]
        rank = next((number for number, slug in enumerate(found, 1) if slug in case["answers"]), None)
        if rank is not None and rank <= 5:
            hits += 1
        reciprocal += 1 / rank if rank else 0
        if rank != 1:
            failures.append(f"  {rank or '-':>2}  {case['query']!r} → {found[:3]} (wanted {case['answers']})")
    recall, mrr = hits / len(cases), reciprocal / len(cases)
    with capsys.disabled():
        print(f"\nsearch evaluation: {len(cases)} queries, recall@5 {recall:.3f}, MRR {mrr:.3f}")
        print("not first:\n" + "\n".join(failures))
    assert recall >= MIN_RECALL_AT_5 and mrr >= MIN_MRR, (recall, mrr)
