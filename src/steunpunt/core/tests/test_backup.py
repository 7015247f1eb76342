"""Backup, restore and the restore drill (R4) on the database the suite runs on (SQLite, and PostgreSQL
in CI): a real dump or copy, a real scratch database, every table's rows and checksum compared."""

import io
import json
import tarfile
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.db import connection

from steunpunt.core.backup import fingerprint_postgresql, fingerprint_sqlite
from steunpunt.support.models import Case
from steunpunt.support.tests.factories import CaseFactory

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def files(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    (settings.MEDIA_ROOT / "images").mkdir(parents=True)
    (settings.MEDIA_ROOT / "images" / "logo.png").write_bytes(b"\x89PNG fake but real bytes")
    settings.PRIVATE_MEDIA_ROOT.mkdir()
    (settings.PRIVATE_MEDIA_ROOT / "bewijs.pdf").write_bytes(b"%PDF-1.4 evidence")
    return settings


@pytest.fixture
def archive(platform, files, tmp_path):
    for _ in range(3):
        CaseFactory()
    out = io.StringIO()
    call_command("backup", str(tmp_path), stdout=out)
    assert "Backup written to" in out.getvalue()
    (path,) = tmp_path.glob("steunpunt-*.tar.gz")
    return path


def _members(path):
    with tarfile.open(path, "r:gz") as tar:
        return {member.name: tar.extractfile(member).read() for member in tar.getmembers() if member.isfile()}


def _rewrite(path, target, change):
    members = _members(path)
    change(members)
    with tarfile.open(target, "w:gz") as tar:
        for name, data in members.items():
            info = tarfile.TarInfo(name)
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
    return target


def test_a_backup_holds_the_database_the_files_and_a_manifest_of_every_table(archive):
    members = _members(archive)
    manifest = json.loads(members["manifest.json"])
    assert manifest["engine"] == connection.vendor
    assert ("database.dump" if connection.vendor == "postgresql" else "database.sqlite3") in members
    assert manifest["tables"]["support_case"]["rows"] == Case.objects.count() == 3
    assert set(manifest["tables"]) >= {"support_case", "tenants_supportpoint", "django_migrations"}
    assert set(manifest["files"]["media"]) == {"images/logo.png"}
    assert set(manifest["files"]["private"]) == {"bewijs.pdf"}
    assert members["private/bewijs.pdf"] == b"%PDF-1.4 evidence"


def test_the_restore_drill_finds_every_table_and_file_as_in_the_backup(archive):
    out = io.StringIO()
    call_command("restore_drill", str(archive), stdout=out)
    text = out.getvalue()
    assert "Restore drill passed" in text and "DIFFERENT" not in text
    assert "table support_case" in text and "file  private/bewijs.pdf" in text


def test_the_scheduled_drill_takes_the_newest_backup_of_the_directory(archive, tmp_path):
    older = _rewrite(archive, tmp_path / "steunpunt-20000101T000000Z.tar.gz", lambda members: None)
    assert older.name < archive.name
    CaseFactory()
    call_command("backup", str(tmp_path), stdout=io.StringIO())
    newest = max(tmp_path.glob("steunpunt-*.tar.gz"))
    assert (
        newest != archive
        and json.loads(_members(newest)["manifest.json"])["tables"]["support_case"]["rows"] == 4
    )
    out = io.StringIO()
    call_command("restore_drill", str(tmp_path), stdout=out)  # as deploy/cron/steunpunt runs it
    assert "Restore drill passed" in out.getvalue()
    assert "support_case" in out.getvalue() and " 4 rows" in out.getvalue()
    empty = tmp_path / "empty"
    empty.mkdir()
    with pytest.raises(CommandError, match="No backup in"):
        call_command("restore_drill", str(empty))


def test_the_drill_fails_when_a_table_or_a_file_differs_from_the_manifest(archive, tmp_path):
    def wrong_count(members):
        manifest = json.loads(members["manifest.json"])
        manifest["tables"]["support_case"]["rows"] += 1
        members["manifest.json"] = json.dumps(manifest).encode()

    with pytest.raises(CommandError, match="support_case"):
        call_command("restore_drill", str(_rewrite(archive, tmp_path / "a.tar.gz", wrong_count)))

    def changed_file(members):
        members["media/images/logo.png"] = b"something else"

    with pytest.raises(CommandError, match=r"media/images/logo\.png"):
        call_command("restore_drill", str(_rewrite(archive, tmp_path / "b.tar.gz", changed_file)))


def test_a_restore_reproduces_every_table_in_another_database(archive, tmp_path, files):
    manifest = json.loads(_members(archive)["manifest.json"])
    if connection.vendor == "postgresql":
        import psycopg

        params = {"host": connection.settings_dict["HOST"], "user": connection.settings_dict["USER"]}
        name = f"{connection.settings_dict['NAME']}_restore_test"
        with psycopg.connect(dbname="postgres", autocommit=True, **params) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}"')
            admin.execute(f'CREATE DATABASE "{name}"')
        try:
            port = connection.settings_dict["PORT"] or 5432
            url = f"postgres://{params['user']}@{params['host']}:{port}/{name}"
            call_command(
                "restore", str(archive), "--database-url", url, "--no-files", "--yes", stdout=io.StringIO()
            )
            with psycopg.connect(dbname=name, **params) as restored, restored.cursor() as cursor:
                tables = fingerprint_postgresql(cursor)
        finally:
            with psycopg.connect(dbname="postgres", autocommit=True, **params) as admin:
                admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    else:
        import sqlite3

        target = tmp_path / "restored.sqlite3"
        call_command(
            "restore", str(archive), "--database-url", f"sqlite:///{target}", "--yes", stdout=io.StringIO()
        )
        restored = sqlite3.connect(target)
        tables = fingerprint_sqlite(restored)
        restored.close()
        # Without --no-files the uploaded files come back too.
        assert (Path(files.PRIVATE_MEDIA_ROOT) / "bewijs.pdf").read_bytes() == b"%PDF-1.4 evidence"
    assert tables == manifest["tables"]


def test_bad_input_changes_nothing_and_says_why(archive, tmp_path):
    with pytest.raises(CommandError, match="--yes"):
        call_command("restore", str(archive))
    with pytest.raises(CommandError, match="No backup at"):
        call_command("restore_drill", str(tmp_path / "missing.tar.gz"))
    junk = tmp_path / "junk.tar.gz"
    junk.write_bytes(b"not a backup at all")
    with pytest.raises(CommandError, match="not a readable backup"):
        call_command("restore_drill", str(junk))
    assert Case.objects.count() == 3
