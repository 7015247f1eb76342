"""Every user-facing text has a Dutch translation, and the compiled catalogue is current."""

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
