"""Starter translations: loaded through wagtail-localize, published marked "not yet checked", with the
Dutch article's blocks; every file shipped in ``starter/translations`` loads."""

import json
from pathlib import Path

import pytest
from django.core.management import call_command
from wagtail_localize.models import Translation

from steunpunt.information.models import ArticlePage, TranslationCheck
from steunpunt.information.starter import load_starter_articles
from steunpunt.information.starter_translations import (
    TRANSLATIONS_DIR,
    load_starter_translations,
    read_translation,
    starter_translation_files,
)
from steunpunt.information.translations import translation_for, translation_unchecked

from .factories import ArticlePageFactory

pytestmark = pytest.mark.django_db

FIXTURE_DIR = Path(__file__).parent / "data" / "starter_translations"


def _opp():
    return ArticlePageFactory(
        slug="wat-is-een-opp",
        title="Wat is een OPP?",
        summary="De school schrijft op wat uw kind nodig heeft.",
        body=[
            ("heading", "Het plan"),
            ("paragraph", "De school praat met u over het plan."),
            ("list", ["Vraag om een gesprek.", "Lees het plan thuis."]),
        ],
        youth_title="Jouw plan op school",
        youth_summary="Kort.",
        youth_body=[("paragraph", "Jij mag zeggen wat je ervan vindt.")],
    )


def _types_and_ids(stream):
    return [(block["type"], block["id"]) for block in stream.raw_data]


def test_a_starter_translation_is_published_marked_not_yet_checked_with_the_dutch_blocks():
    article = _opp()
    result = load_starter_translations(FIXTURE_DIR)
    assert result.created == [("en", "wat-is-een-opp")] and result.skipped == []
    page = translation_for(article, "en")
    assert page is not None and page.locale.language_code == "en" and page.live
    assert page.title == "What is a development plan?"
    assert page.summary == "The school writes down what your child needs."
    assert page.starter_text and translation_unchecked(page)
    assert page.translation_check.status == TranslationCheck.Status.UNCHECKED
    # The Dutch article's blocks, in its order, with its block ids (wagtail-localize's places).
    assert _types_and_ids(page.body) == _types_and_ids(article.body)
    assert [block.value for block in page.body][:2] == [
        "The plan",
        "The school talks with you about the plan.",
    ]
    assert list(page.body[2].value) == ["Ask for a conversation.", "Read the plan at home."]
    assert page.youth_title == "Your plan at school"
    assert [block.value for block in page.youth_body] == ["You may say what you think of it."]
    # The translator's editor has the texts: a sync from the Dutch text keeps them.
    translation = Translation.objects.get(
        source__object_id=article.translation_key, target_locale=page.locale
    )
    po = {entry.msgctxt: entry.msgstr for entry in translation.export_po()}
    assert po["title"] == "What is a development plan?"
    page.title = "Overwritten"
    page.save_revision()  # a later draft without these texts: the memory brings them back
    translation.save_target(publish=False)
    page.refresh_from_db()
    rebuilt = page.get_latest_revision().as_object()
    assert rebuilt.title == "What is a development plan?"
    assert [block.value for block in rebuilt.youth_body] == ["You may say what you think of it."]
    # The Dutch article is untouched, and loading again changes nothing.
    article.refresh_from_db()
    assert article.title == "Wat is een OPP?" and article.locale.language_code == "nl"
    again = load_starter_translations(FIXTURE_DIR)
    assert again.created == [] and again.skipped == []
    assert ArticlePage.objects.filter(locale__language_code="en").count() == 1


def test_a_file_whose_blocks_differ_from_the_dutch_text_is_skipped(tmp_path):
    _opp()
    spec = json.loads((FIXTURE_DIR / "en" / "wat-is-een-opp.json").read_text())
    spec["versions"]["parents"]["body"].pop()
    (tmp_path / "en").mkdir()
    (tmp_path / "en" / "wat-is-een-opp.json").write_text(json.dumps(spec))
    result = load_starter_translations(tmp_path)
    assert result.created == []
    assert [(language, slug) for language, slug, _reason in result.skipped] == [("en", "wat-is-een-opp")]
    assert "blocks differ" in result.skipped[0][2]
    assert not ArticlePage.objects.filter(locale__language_code="en").exists()


def test_a_file_without_its_dutch_article_is_skipped():
    result = load_starter_translations(FIXTURE_DIR)
    assert result.created == [] and result.skipped[0][:2] == ("en", "wat-is-een-opp")


def test_the_command_loads_them(capsys):
    _opp()
    call_command("load_starter_translations")
    out = capsys.readouterr().out
    assert "translations created" in out


def test_every_shipped_starter_translation_loads_with_the_blocks_of_its_dutch_source():
    """Each file in starter/translations names its language and article, and loads: published, marked
    "not yet checked", with exactly the Dutch article's blocks; the most-read articles are among them."""
    files = starter_translation_files(TRANSLATIONS_DIR)
    assert files, "no starter translations shipped"
    load_starter_articles()
    result = load_starter_translations()
    assert result.skipped == []
    assert len(result.created) == len(files)
    for path in files:
        spec = read_translation(path)
        article = ArticlePage.objects.live().dutch().get(slug=spec["slug"])
        page = translation_for(article, spec["language"])
        assert page is not None and page.starter_text, path
        for field in ("body", "youth_body", "children_body"):
            dutch, translated = getattr(article, field), getattr(page, field)
            assert _types_and_ids(translated) == _types_and_ids(dutch), (path, field)
        assert page.title != article.title, path
    languages = {path.parent.name for path in files}
    assert languages <= {"en", "ar", "tr", "pl", "uk"}
    assert {(path.parent.name, path.stem) for path in files} >= {
        (language, "zorgplicht") for language in languages
    }
