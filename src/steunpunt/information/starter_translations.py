"""Loading the starter translations (``starter/translations/<language>/<slug>.json``) of the national set.

A file has the Dutch starter file's ``versions`` (parents, youth, children: title, summary and the body
blocks), translated, with the same blocks in the same order. The translation is made through
wagtail-localize as a translator would make it: the Dutch article's strings get these texts in the
translation memory (so the translator's editor shows them and a later sync keeps them), then the page
is built from them. It is published marked "not yet checked" (``starter_text`` and an unchecked
``TranslationCheck``): readers see "Translation – not yet checked" in their language until a reviewer
approves it.
"""

import json
from dataclasses import dataclass, field
from pathlib import Path

from django.core.exceptions import ValidationError
from django.db import transaction

from .audiences import Audience
from .models import ArticlePage, TranslationCheck
from .starter import STARTER_DIR

TRANSLATIONS_DIR = STARTER_DIR / "translations"
# Which page fields hold each version.
VERSION_FIELDS = {
    Audience.PARENTS: ("title", "summary", "body"),
    Audience.YOUTH: ("youth_title", "youth_summary", "youth_body"),
    Audience.CHILDREN: ("children_title", "children_summary", "children_body"),
}


class StructureDiffers(ValueError):
    """The translation's blocks are not the Dutch article's blocks (type, order, number of items)."""


@dataclass
class LoadResult:
    created: list = field(default_factory=list)  # (language, slug)
    skipped: list = field(default_factory=list)  # (language, slug, reason)


def starter_translation_files(directory=None):
    """Every ``<language>/<slug>.json`` under ``directory``, in a stable order."""
    directory = Path(directory or TRANSLATIONS_DIR)
    return sorted(directory.glob("*/*.json"))


def read_translation(path):
    """The parsed file; its language is the folder's and must be the one the file names."""
    spec = json.loads(Path(path).read_text(encoding="utf-8"))
    language = Path(path).parent.name
    if spec.get("language") != language or spec.get("slug") != Path(path).stem:
        raise StructureDiffers(f"{path}: language or slug differs from the file's place")
    return spec


def _dutch_versions(article):
    """The versions the Dutch article has, as ``{audience: (title, summary, raw blocks)}``."""
    return {
        version.audience: (version.title, version.summary, list(version.body.raw_data))
        for version in article.versions()
    }


def translated_stream(raw_blocks, blocks, where=""):
    """The Dutch stream's raw blocks (ids kept) with the translated texts of ``blocks`` in them.

    Raises :class:`StructureDiffers` where the types, their order or a list's length differ.
    """
    if [block["type"] for block in raw_blocks] != [block["type"] for block in blocks]:
        raise StructureDiffers(f"{where}: the blocks differ from the Dutch text's")
    translated = []
    for source, block in zip(raw_blocks, blocks, strict=True):
        if source["type"] in ("heading", "paragraph", "callout"):
            value = str(block["text"])
        elif source["type"] in ("list", "steps"):
            items = source["value"]
            if len(items) != len(block["items"]):
                raise StructureDiffers(f"{where}: a list has another number of items than the Dutch one")
            value = [{**item, "value": str(text)} for item, text in zip(items, block["items"], strict=True)]
        else:
            raise StructureDiffers(f"{where}: a {source['type']} block is not part of a starter text")
        translated.append({**source, "value": value})
    return translated


def translated_instance(article, spec):
    """``article`` (fresh from the database, not saved) with the texts of translation ``spec`` in it."""
    dutch = _dutch_versions(article)
    versions = spec["versions"]
    if set(versions) != set(dutch):
        raise StructureDiffers(
            f"{spec['slug']} ({spec['language']}): the versions differ from the Dutch ones"
        )
    instance = ArticlePage.objects.get(pk=article.pk)
    for audience, (title_field, summary_field, body_field) in VERSION_FIELDS.items():
        if audience not in versions:
            continue
        version = versions[audience]
        setattr(instance, title_field, version["title"])
        setattr(instance, summary_field, version.get("summary", ""))
        blocks = translated_stream(dutch[audience][2], version["body"], f"{spec['slug']} {audience}")
        setattr(instance, body_field, json.dumps(blocks))
    return instance


def _po_for(translation, instance):
    """A PO file with, for each string of the Dutch source, the text of ``instance`` at the same place."""
    import polib
    from wagtail_localize.segments import StringSegmentValue
    from wagtail_localize.segments.extract import extract_segments

    texts = {
        segment.path: segment.string.data
        for segment in extract_segments(instance)
        if isinstance(segment, StringSegmentValue)
    }
    po = polib.POFile()
    po.metadata = {"X-WagtailLocalize-TranslationID": str(translation.uuid)}
    for entry in translation.export_po():
        text = texts.get(entry.msgctxt)
        if text and text != entry.msgid and not entry.obsolete:
            entry.msgstr = text
            po.append(entry)
    return po


@transaction.atomic
def load_translation(path, user=None):
    """Create the translation of file ``path``; return the published page. Raises
    :class:`StructureDiffers` or ``ValidationError`` (nothing is kept then)."""
    from wagtail.models import Locale
    from wagtail_localize.models import Translation
    from wagtail_localize.operations import TranslationCreator

    from .translation_services import translation_library_ensure

    spec = read_translation(path)
    article = ArticlePage.objects.live().dutch().get(slug=spec["slug"])
    instance = translated_instance(article, spec)
    translation_library_ensure(spec["language"])
    locale = Locale.objects.get(language_code=spec["language"])
    TranslationCreator(user, [locale]).create_translations(article, include_related_objects=False)
    translation = Translation.objects.get(source__object_id=article.translation_key, target_locale=locale)
    translation.import_po(_po_for(translation, instance), user=user)
    translation.save_target(user=user, publish=False)
    page = ArticlePage.objects.get(translation_key=article.translation_key, locale=locale)
    revision = page.get_latest_revision()
    revision.content = {**revision.content, "starter_text": True}
    revision.save(update_fields=["content"])
    # Loading data is no one's publishing; readers see the text marked "not yet checked".
    revision.publish(user=user, skip_permission_checks=True)
    TranslationCheck.objects.update_or_create(
        page=page,
        defaults={
            "status": TranslationCheck.Status.UNCHECKED,
            "source_revision_id": article.live_revision_id,
        },
    )
    return ArticlePage.objects.get(pk=page.pk)


def load_starter_translations(directory=None, user=None):
    """Create the starter translations that do not exist yet; an existing translation is left alone (a
    translator's work is never overwritten), a file whose article is missing or whose blocks differ
    from the Dutch text is skipped with the reason. Returns a :class:`LoadResult`."""
    result = LoadResult()
    for path in starter_translation_files(directory):
        language, slug = path.parent.name, path.stem
        article = ArticlePage.objects.live().dutch().filter(slug=slug).first()
        if article is None:
            result.skipped.append((language, slug, "no live Dutch article"))
            continue
        exists = ArticlePage.objects.filter(
            translation_key=article.translation_key, locale__language_code=language, alias_of__isnull=True
        ).exists()
        if exists:
            continue
        try:
            load_translation(path, user=user)
        except (StructureDiffers, ValidationError, KeyError, TypeError, json.JSONDecodeError) as error:
            result.skipped.append((language, slug, str(error)))
        else:
            result.created.append((language, slug))
    return result
