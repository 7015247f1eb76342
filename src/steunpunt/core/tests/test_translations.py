"""Every user-facing text has a Dutch translation, and the compiled catalogue is current."""

import re
import shutil
import subprocess
import sys
from pathlib import Path

import polib

SRC = Path(__file__).resolve().parents[3]
PO = SRC / "steunpunt" / "locale" / "nl" / "LC_MESSAGES" / "django.po"
MO = PO.with_suffix(".mo")


def test_every_message_in_the_code_is_translated_to_dutch(tmp_path):
    """Extract the messages afresh into a copy of the catalogue; none may be empty or fuzzy."""
    copy = tmp_path / "src"
    shutil.copytree(SRC / "steunpunt", copy / "steunpunt", ignore=shutil.ignore_patterns("__pycache__"))
    subprocess.run(
        [
            sys.executable,
            str(SRC.parent / "manage.py"),
            "makemessages",
            "-l",
            "nl",
            "--no-obsolete",
            "--no-location",
        ],
        cwd=copy,
        check=True,
        capture_output=True,
    )
    catalogue = polib.pofile(str(copy / "steunpunt" / "locale" / "nl" / "LC_MESSAGES" / "django.po"))
    missing = [entry.msgid for entry in catalogue.untranslated_entries() + catalogue.fuzzy_entries()]
    assert missing == [], f"Missing Dutch translations (run `make messages` and translate): {missing}"


def test_the_compiled_catalogue_matches_the_source():
    source = {entry.msgid: entry.msgstr for entry in polib.pofile(str(PO)).translated_entries()}
    compiled = {entry.msgid: entry.msgstr for entry in polib.mofile(str(MO)) if entry.msgid}
    assert compiled == source, "Run `make compilemessages` and commit the .mo file."


LOCALE = SRC / "steunpunt" / "locale"
SITE_LANGUAGES = ("en", "ar", "tr", "pl", "uk")
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|%[sd]|\{\w*\}")


def _key(entry):
    return (entry.msgctxt, entry.msgid)


def test_the_english_catalogue_has_every_message_so_english_never_falls_back_to_dutch():
    """Django shows the Dutch text for a message an English catalogue lacks (LANGUAGE_CODE is nl)."""
    dutch = {_key(entry) for entry in polib.pofile(str(PO)) if entry.msgid and not entry.obsolete}
    english = polib.pofile(str(LOCALE / "en" / "LC_MESSAGES" / "django.po"))
    assert dutch - {_key(entry) for entry in english.translated_entries()} == set(), (
        "Run `make messages` (scripts/site-catalogs.sh) and `make compilemessages`."
    )


def test_every_site_catalogue_is_compiled_from_its_source_and_keeps_the_placeholders():
    for code in SITE_LANGUAGES:
        po = LOCALE / code / "LC_MESSAGES" / "django.po"
        entries = polib.pofile(str(po)).translated_entries()
        source = {_key(entry): entry.msgstr for entry in entries if not entry.msgid_plural}
        compiled = {
            _key(entry): entry.msgstr
            for entry in polib.mofile(str(po.with_suffix(".mo")))
            if entry.msgid and not entry.msgid_plural
        }
        assert compiled == source, f"{code}: run `make compilemessages` and commit the .mo file."
        for entry in entries:
            if not entry.msgid_plural:
                wanted = sorted(PLACEHOLDER.findall(entry.msgid))
                assert sorted(PLACEHOLDER.findall(entry.msgstr)) == wanted, (code, entry.msgid)


def _informal_reading(entry):
    """What the page addressed with "je" shows for ``entry`` (singular, and plural for n = 2)."""
    from django.utils import translation

    from steunpunt.core.address import INFORMAL_LANGUAGE

    with translation.override(INFORMAL_LANGUAGE):
        if entry.msgid_plural:
            if entry.msgctxt:
                return tuple(
                    translation.npgettext(entry.msgctxt, entry.msgid, entry.msgid_plural, n) for n in (1, 2)
                )
            return tuple(translation.ngettext(entry.msgid, entry.msgid_plural, n) for n in (1, 2))
        if entry.msgctxt:
            return translation.pgettext(entry.msgctxt, entry.msgid)
        return translation.gettext(entry.msgid)


def _ours(entry):
    if entry.msgid_plural:
        return (entry.msgstr_plural[0], entry.msgstr_plural[1])
    return entry.msgstr


def test_the_informal_dutch_of_every_message_is_our_own_never_another_apps():
    """nl-informal reads every app's nl catalog (gettext treats ``Informal`` as a territory), and ours
    only as a fallback: a message our nl_Informal catalog lacks shows Wagtail's or Django's Dutch where
    they translate it too ("Parent" became "Bovenliggende pagina", a parent page, on the young people's
    pages). Such a message needs an entry in nl_Informal."""
    informal = {
        _key(entry): _ours(entry)
        for entry in polib.pofile(
            str(LOCALE / "nl_Informal" / "LC_MESSAGES" / "django.po")
        ).translated_entries()
    }
    wrong = {}
    for entry in polib.pofile(str(PO)).translated_entries():
        wanted = informal.get(_key(entry), _ours(entry))
        shown = _informal_reading(entry)
        if shown != wanted:
            wrong[_key(entry)] = (shown, wanted)
    assert wrong == {}, f"Add these to locale/nl_Informal and run `make compilemessages`: {wrong}"
