"""The query analysis: stop words and question words need not match, Dutch word forms, compound
parts and misspellings find the words of the vocabulary, synonym phrases stand for their meaning."""

import pytest

from steunpunt.information import analysis
from steunpunt.information.models import GlossaryTerm, SearchSynonym
from steunpunt.information.search_index import Vocabulary, weights

from .factories import ArticlePageFactory

WORDS = [
    "thuiszitten",
    "thuiszitters",
    "school",
    "schoolgids",
    "ontwikkelingsperspectief",
    "plan",
    "toelaatbaarheidsverklaring",
    "geschillencommissie",
    "ondersteuning",
    "kind",
]


def _vocabulary():
    terms = {analysis.stem(word): word for word in WORDS}
    counts = {term: 1 + number for number, term in enumerate(terms)}
    return Vocabulary(counts, terms, articles=40)


def _terms(concept):
    return [term for term, _weight in concept.alternatives]


def test_question_words_and_stop_words_are_no_concepts():
    """'wat is een', 'hoe', 'mijn', 'kan ik' say nothing about the subject: only 'kind' and 'school' count."""
    result = analysis.analyse("Hoe kan ik mijn kind wat is een school", _vocabulary(), [])
    assert [concept.label for concept in result.concepts] == ["kind", "school"]
    assert analysis.terms("Wat is een TLV?") == ["tlv"]


def test_word_forms_and_accents_meet_on_both_sides():
    """Stems: 'ondersteunen' and 'ondersteuning' are one term; accents are folded."""
    assert analysis.terms("ondersteunen") == analysis.terms("Ondersteuning")
    assert analysis.fold("Financiële één") == "financiele een"


def test_thuiszitter_and_thuiszitten_find_each_other():
    """A word that differs by an ending from a vocabulary word finds it (both ways)."""
    vocabulary = Vocabulary({analysis.stem("thuiszitten"): 3, "school": 9}, {}, articles=10)
    (concept,) = analysis.analyse("thuiszitter", vocabulary, []).concepts
    assert _terms(concept) == [analysis.stem("thuiszitten")]


def test_thuiszitten_finds_thuiszitter_the_other_way_round():
    """The reverse: only 'thuiszitter' is in the vocabulary; 'thuiszitten' (stem 'thuiszit') finds it
    as a longer form, with no synonym and no spelling correction."""
    assert analysis.stem("thuiszitten") != analysis.stem("thuiszitter")
    vocabulary = Vocabulary({analysis.stem("thuiszitter"): 3, "school": 9}, {}, articles=10)
    result = analysis.analyse("thuiszitten", vocabulary, [])
    (concept,) = result.concepts
    assert _terms(concept) == [analysis.stem("thuiszitter")]
    assert result.corrections == () and result.synonyms == ()


def test_a_compound_is_split_into_vocabulary_words():
    """'ontwikkelingsperspectiefplan' → 'ontwikkelingsperspectief' + 'plan', half each."""
    vocabulary = Vocabulary(
        {analysis.stem("ontwikkelingsperspectief"): 2, "plan": 5, "school": 9}, {}, articles=10
    )
    (concept,) = analysis.analyse("ontwikkelingsperspectiefplan", vocabulary, []).concepts
    assert concept.alternatives == ((analysis.stem("ontwikkelingsperspectief"), 0.5), ("plan", 0.5))
    assert analysis.analyse("ontwikkelingsperspectiefplan", vocabulary, []).corrections == ()


def test_a_misspelling_is_corrected_from_the_vocabulary_and_suggested():
    """'toelaatbaarheitsverklaring' (t for d) finds the real word and offers "Bedoelde u …?"."""
    result = analysis.analyse("toelaatbaarheitsverklaring aanvragen", _vocabulary(), [])
    first = result.concepts[0]
    assert _terms(first) == [analysis.stem("toelaatbaarheidsverklaring")]
    assert result.corrections == (("toelaatbaarheitsverklaring", "toelaatbaarheidsverklaring"),)
    assert result.suggestion("Toelaatbaarheitsverklaring aanvragen") == "toelaatbaarheidsverklaring aanvragen"


def test_a_misspelled_synonym_is_corrected_to_the_synonym():
    """'dislexie' is in no article; the synonym 'dyslexie' is one letter away and sends it on."""
    synonyms = [("dyslexie", ["extra ondersteuning"])]
    result = analysis.analyse("dislexie", _vocabulary(), synonyms)
    assert result.corrections == (("dislexie", "dyslexie"),)
    assert result.synonyms == ("dyslexie",)
    assert set(_terms(result.concepts[0])) >= {"extra", analysis.stem("ondersteuning")}


def test_short_words_are_not_corrected():
    """Words under five letters have too many neighbours to guess: 'kint' is left alone."""
    assert analysis.analyse("kint", _vocabulary(), []).corrections == ()


def test_a_synonym_phrase_is_one_concept_and_covers_its_words():
    """'gaat niet naar school' stands for 'thuiszitten'; 'school' is then no concept of its own."""
    synonyms = [("niet naar school", ["thuiszitten"]), ("school", ["onderwijs"])]
    result = analysis.analyse("mijn kind gaat niet naar school", _vocabulary(), synonyms)
    labels = [concept.label for concept in result.concepts]
    assert labels == ["niet naar school", "kind"]
    assert analysis.stem("thuiszitten") in _terms(result.concepts[0])


def test_a_known_words_variants_never_count_more_than_the_word():
    """'school' also finds 'schoolgid…'? Only within two letters, and never above the word's own weight."""
    vocabulary = _vocabulary()
    (concept,) = analysis.analyse("school", vocabulary, []).concepts
    for term, weight in concept.alternatives:
        assert weight * vocabulary.idf(term) <= vocabulary.idf("school") + 1e-9


def test_index_weights_favour_a_title_and_saturate():
    """BM25F: a word in the title weighs more than once in a long text; ten times is not ten times more."""
    title, _words = weights({"title": "Thuiszitten", "summary": "", "body": "school " * 50})
    body, _words = weights({"title": "School", "summary": "", "body": "thuiszitten " + "woord " * 399})
    often, _words = weights({"title": "School", "summary": "", "body": "thuiszitten " * 10 + "woord " * 390})
    term = analysis.stem("thuiszitten")
    assert title[term] > often[term] > body[term]
    assert often[term] < 10 * body[term]


# Through the real search: the database's index and vocabulary, no synonym at all.


@pytest.fixture
def no_synonyms(platform, settings):
    settings.SEARCH_CACHE_SECONDS = 0
    assert not SearchSynonym.objects.exists()


def _slugs(query):
    from steunpunt.information import search

    results = search.find_articles(search.normalise(query))
    return [card.slug for card in results[:10]], results.analysis


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("written", "typed"), [("thuiszitter", "thuiszitten"), ("thuiszitten", "thuiszitter")]
)
def test_the_search_finds_thuiszitter_and_thuiszitten_both_ways_without_synonyms(no_synonyms, written, typed):
    """An article that uses only one of the forms is found by the other, through the variants of the
    analysis (no synonym in the database, no spelling correction)."""
    ArticlePageFactory(title=f"Als je {written} bent", slug="thuiszitten", body=[("paragraph", "Hulp.")])
    ArticlePageFactory(title="Leerplicht", slug="leerplicht", body=[("paragraph", "Regels voor ouders.")])
    found, result = _slugs(typed)
    assert found == ["thuiszitten"]
    assert result.corrections == () and result.synonyms == ()


@pytest.mark.django_db
def test_the_search_splits_ontwikkelingsperspectiefplan_against_the_starter_articles(no_synonyms):
    """The word is in no starter article and no synonym is loaded: the analysis splits it into
    'ontwikkelingsperspectief' + 'plan' from the real vocabulary, and the OPP article comes first."""
    from steunpunt.information.starter import load_starter_articles, load_starter_glossary

    load_starter_articles()
    load_starter_glossary()  # the glossary names the word as another form of OPP: no article has it
    assert analysis.stem("ontwikkelingsperspectiefplan") not in Vocabulary.load()
    found, result = _slugs("ontwikkelingsperspectiefplan")
    (concept,) = result.concepts
    assert concept.alternatives == ((analysis.stem("ontwikkelingsperspectief"), 0.5), ("plan", 0.5))
    assert result.corrections == () and result.synonyms == ()
    assert found[0] == "ontwikkelingsperspectief"


@pytest.mark.django_db
def test_a_misspelling_is_corrected_to_a_word_only_the_glossary_has(client, no_synonyms):
    """The spelling vocabulary is the articles' terms and the glossary's forms (Vocabulary.load with the
    glossary, as the search reads it): 'ervarinsdeskundige' becomes the glossary's
    'ervaringsdeskundige', a word in no article, and the page explains it and asks "Bedoelde u …?"."""
    from steunpunt.information import search
    from steunpunt.tenants.tests.factories import SupportPointFactory

    SupportPointFactory(hostname="noord.localhost")
    ArticlePageFactory(title="Hulp van andere ouders", slug="ouders", body=[("paragraph", "Praat erover.")])
    term = GlossaryTerm.objects.create(
        term="ervaringsdeskundige",
        slug="ervaringsdeskundige",
        explanation="Iemand die zelf heeft meegemaakt waar u nu mee zit.",
    )
    glossary_only = analysis.stem("ervaringsdeskundige")
    assert glossary_only not in Vocabulary.load()._sorted  # no article has the word
    assert analysis.analyse("ervarinsdeskundige", Vocabulary.load(), []).corrections == ()
    vocabulary = Vocabulary.load(term.forms())
    assert vocabulary.frequency(glossary_only) == 0 and glossary_only in vocabulary._sorted

    result = search.analyse("ervarinsdeskundige")
    assert result.corrections == (("ervarinsdeskundige", "ervaringsdeskundige"),)
    assert result.suggestion("ervarinsdeskundige") == "ervaringsdeskundige"
    html = client.get("/zoeken/", {"q": "ervarinsdeskundige"}, HTTP_HOST="noord.localhost").content.decode()
    assert "Bedoelde u" in html and ">ervaringsdeskundige</a>" in html
    assert "Iemand die zelf heeft meegemaakt" in html
