"""The starter national set: loaded as drafts, never claimed as validated, safe to load again."""

import json
import re

import pytest
from django.core.management import call_command

from steunpunt.information.audiences import Audience
from steunpunt.information.models import ArticlePage, GlossaryTerm, SearchSynonym, Theme
from steunpunt.information.starter import STARTER_DIR, starter_articles, starter_themes
from steunpunt.socialmap.models import Organisation
from steunpunt.tenants.tests.factories import SupportPointFactory

pytestmark = pytest.mark.django_db

# The subjects the issue names; each must be the main subject of at least one starter article.
SUBJECTS = [
    "zorgplicht",
    "extra-ondersteuning",
    "schoolondersteuningsprofiel",
    "ontwikkelingsperspectief",
    "toelaatbaarheidsverklaring",
    "speciaal-onderwijs",
    "thuiszitten",
    "leerplicht-en-kwalificatieplicht",
    "vrijstelling-van-de-leerplicht",
    "onderwijsconsulenten",
    "bezwaar-klacht-geschil",
    "medezeggenschap",
    "overstap-po-vo",
    "mbo",
    "jeugdhulp-en-school",
    "rechten-en-plichten-ouders",
    "taken-school-en-samenwerkingsverband",
]


def test_every_task_the_starter_load_leaves_for_the_worker_runs(platform):
    """Each article and translation the load publishes replaces its related articles; Wagtail queued a
    reference-index update for each saved row, which the worker then no longer found. The load now
    brings the index up to date once, at its end (core/references.py)."""
    from steunpunt.core.tests.worker import assert_related_links_indexed, tasks_left_for_the_worker

    failed = tasks_left_for_the_worker(lambda: call_command("load_starter_content"))
    assert failed == []
    assert_related_links_indexed()


def test_starter_content_loads_as_unvalidated_drafts_and_only_once(client, platform, capsys):
    SupportPointFactory(hostname="noord.localhost")
    call_command("load_starter_content")
    articles = ArticlePage.objects.live()
    count, terms = articles.count(), GlossaryTerm.objects.count()
    assert count >= 25 and terms >= 30
    assert set(SUBJECTS) <= set(articles.values_list("slug", flat=True))
    assert all(article.starter_text and article.sources.exists() for article in ArticlePage.objects.all())
    assert all(article.themes.exists() for article in ArticlePage.objects.all())
    assert sum(bool(a.youth_title and a.youth_body) for a in ArticlePage.objects.all()) >= 10
    assert Theme.objects.count() >= 10
    synonyms, organisations = SearchSynonym.objects.count(), Organisation.objects.count()
    assert SearchSynonym.objects.get(term="tlv").means == "toelaatbaarheidsverklaring"
    assert organisations >= 10
    assert all(o.starter_text and o.is_national for o in Organisation.objects.all())

    edited = Organisation.objects.get(name="Ouders & Onderwijs")
    edited.helps_with, edited.starter_text = "Door de redactie gecontroleerd.", False
    edited.save()
    call_command("load_starter_content")
    assert (ArticlePage.objects.count(), GlossaryTerm.objects.count()) == (count, terms)
    assert (SearchSynonym.objects.count(), Organisation.objects.count()) == (synonyms, organisations)
    edited.refresh_from_db()
    assert (edited.helps_with, edited.starter_text) == ("Door de redactie gecontroleerd.", False)

    html = client.get("/informatie/thuiszitten/", HTTP_HOST="noord.localhost").content.decode()
    assert "Concept – nog niet gevalideerd" in html and "Laatst gecontroleerd" not in html
    assert 'href="/begrippen/leerplichtambtenaar/"' in html
    social_map = client.get("/hulp-in-de-buurt/", HTTP_HOST="noord.localhost").content.decode()
    assert "Deskundigen hebben deze beschrijving nog niet gecontroleerd" in social_map
    assert "https://www.onderwijsconsulenten.nl/veelgestelde-vragen/" in social_map


def test_every_starter_article_links_only_to_existing_articles_and_themes():
    articles = starter_articles()
    slugs = {article["slug"] for article in articles}
    themes = {theme["slug"] for theme in starter_themes()}
    assert len(slugs) == len(articles)
    for path in (STARTER_DIR / "articles").glob("*.json"):
        assert json.loads(path.read_text(encoding="utf-8"))["slug"] == path.stem, path.name
    for article in articles:
        assert set(article.get("related", [])) <= slugs, article["slug"]
        assert set(article.get("themes", [])) <= themes, article["slug"]
        assert article["versions"]["parents"]["body"], article["slug"]
    glossary = json.loads((STARTER_DIR / "glossary.json").read_text(encoding="utf-8"))
    assert len({term["slug"] for term in glossary}) == len(glossary)


# Each version's own way in: young readers and children get the youth form, in the "je" form.
ASK = {
    Audience.PARENTS: ("Wilt u hulp?", "/vraag/", "Stel uw vraag"),
    Audience.YOUTH: ("Wil je hulp?", "/vraag/jongeren/", "Stel je vraag"),
    Audience.CHILDREN: ("Wil je hulp?", "/vraag/jongeren/", "Stel je vraag"),
}


def test_every_published_article_ends_with_a_way_to_ask_the_steunpunt(client, platform):
    """Every version of every published starter article has, after its text, the contact block with a
    button to the question form for its reader."""
    SupportPointFactory(name="Steunpunt Noord", hostname="noord.localhost", phone="050 000 0000")
    call_command("load_starter_content")
    seen = dict.fromkeys(Audience, 0)
    for article in ArticlePage.objects.live():
        for version in article.versions():
            url = f"/informatie/{article.slug}/{version.path}"
            response = client.get(url, HTTP_HOST="noord.localhost")
            assert response.status_code == 200, url
            html = response.content.decode()
            block = re.search(r'<section class="need-help".*?</section>', html, re.S)
            assert block is not None and html.index("article-body") < block.start(), url
            heading, href, text = ASK[version.audience]
            assert f'<h2 id="hulp-kop">{heading}</h2>' in block.group(0), url
            assert f'<a class="button" href="{href}">{text}</a>' in block.group(0), url
            seen[version.audience] += 1
    assert seen[Audience.PARENTS] >= 25 and seen[Audience.YOUTH] >= 10, seen


def test_the_starter_synonyms_map_at_least_150_phrasings_to_words_of_the_information(platform):
    """Issue 14: the starter list holds at least 150 distinct phrasings of parents and young people,
    each mapped to a concept: a meaning with a word that is in the starter articles (so the phrasing
    finds something). Phrasings count once as the search reads them (case, accents and punctuation
    folded); a phrasing whose meanings are in no article does not count."""
    from steunpunt.information import analysis
    from steunpunt.information.search_index import Vocabulary
    from steunpunt.information.starter import load_starter_articles, load_starter_synonyms

    load_starter_articles()
    load_starter_synonyms()
    vocabulary = Vocabulary.load()
    mapped, concepts = set(), set()
    for synonym in SearchSynonym.objects.all():
        phrasing = " ".join(analysis.words(synonym.term))
        meanings = [m for m in synonym.expansions() if any(t in vocabulary for t in analysis.terms(m))]
        if phrasing and meanings:
            mapped.add(phrasing)
            concepts.update(" ".join(analysis.words(meaning)) for meaning in meanings)
    assert len(mapped) >= 150, len(mapped)
    assert len(concepts) >= 50, len(concepts)
