"""Backup, restore and the restore drill (quality.md R4), for PostgreSQL and SQLite.

A backup is one ``.tar.gz`` holding the database (``database.dump``, PostgreSQL's custom format from
``pg_dump``, or ``database.sqlite3``, a copy through SQLite's backup API), the uploaded files
(``media/`` and ``private/``) and ``manifest.json``: the row count and a checksum of every table,
and a SHA-256 of every file, taken from the same snapshot as the dump (PostgreSQL: ``pg_dump
--snapshot`` inside the transaction that computes the manifest; SQLite: computed on the copy).

The restore drill restores a backup into a scratch database (a new PostgreSQL database, dropped
afterwards, or a temporary SQLite file), computes the same fingerprints there and compares every
table and file with the manifest.
"""

import contextlib
import datetime
import hashlib
import json
import os
import secrets
import shutil
import sqlite3
import subprocess  # nosec B404  # pg_dump and psql with fixed argument lists
import tarfile
import tempfile
from pathlib import Path

import dj_database_url
import psycopg
from django.conf import settings
from django.db import connections
from psycopg import sql

MANIFEST = "manifest.json"
FORMAT = 1


class BackupError(Exception):
    """A backup or restore that cannot go on; the message says why."""


# Fingerprints: per table the number of rows and an MD5 over the MD5s of its rows in sorted order,
# so that the order in which a database hands back its rows does not matter.


def _pg_tables(cursor):
    cursor.execute("SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename")
    return [row[0] for row in cursor.fetchall()]


def fingerprint_postgresql(cursor):
    tables = {}
    for table in _pg_tables(cursor):
        cursor.execute(
            sql.SQL(
                "SELECT count(*), md5(coalesce(string_agg(h, '' ORDER BY h), '')) "
                "FROM (SELECT md5(t::text) AS h FROM {} t) AS rows"
            ).format(sql.Identifier(table))
        )
        rows, checksum = cursor.fetchone()
        tables[table] = {"rows": rows, "checksum": checksum}
    return tables


def fingerprint_sqlite(connection):
    tables = {}
    names = [
        row[0]
        for row in connection.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name"
        )
    ]
    for table in names:
        quoted = '"' + table.replace('"', '""') + '"'
        hashes = sorted(
            hashlib.md5(repr(tuple(row)).encode(), usedforsecurity=False).hexdigest()
            for row in connection.execute(f"SELECT * FROM {quoted}")  # noqa: S608  # nosec B608  # a quoted table name
        )
        checksum = hashlib.md5("".join(hashes).encode(), usedforsecurity=False).hexdigest()
        tables[table] = {"rows": len(hashes), "checksum": checksum}
    return tables


def _file_hashes(root):
    root = Path(root)
    found = {}
    if root.is_dir():
        for path in sorted(root.rglob("*")):
            if path.is_file():
                found[path.relative_to(root).as_posix()] = hashlib.sha256(path.read_bytes()).hexdigest()
    return found


FILE_ROOTS = {"media": "MEDIA_ROOT", "private": "PRIVATE_MEDIA_ROOT"}


def _roots():
    return {name: Path(getattr(settings, setting)) for name, setting in FILE_ROOTS.items()}


# PostgreSQL connection details for psycopg and for pg_dump / pg_restore.


def _pg_params(settings_dict):
    params = {
        "dbname": settings_dict["NAME"],
        "user": settings_dict.get("USER") or "",
        "password": settings_dict.get("PASSWORD") or "",
        "host": settings_dict.get("HOST") or "",
        "port": str(settings_dict.get("PORT") or ""),
    }
    return {key: value for key, value in params.items() if value}


def _pg_env(params):
    env = dict(os.environ)
    for key, variable in (
        ("host", "PGHOST"),
        ("port", "PGPORT"),
        ("user", "PGUSER"),
        ("password", "PGPASSWORD"),
        ("dbname", "PGDATABASE"),
    ):
        if key in params:
            env[variable] = params[key]
    return env


def _run(command, env=None):
    result = subprocess.run(command, env=env, capture_output=True, text=True, check=False)  # noqa: S603  # nosec B603  # our list
    if result.returncode != 0:
        raise BackupError(f"{command[0]} failed: {result.stderr.strip()[-500:]}")


def _settings_dict(database_url=None, alias="default"):
    if database_url:
        return dj_database_url.parse(database_url)
    return connections[alias].settings_dict


def _vendor(settings_dict):
    engine = settings_dict["ENGINE"]
    if engine.endswith("postgresql"):
        return "postgresql"
    if engine.endswith("sqlite3"):
        return "sqlite"
    raise BackupError(f"Unsupported database engine {engine}.")


# Backup.


def backup(output, *, alias="default"):
    """Write a backup of database ``alias`` and the uploaded files to ``output`` (a file, or a
    directory that gets a dated file name); return the path and the manifest."""
    settings_dict = connections[alias].settings_dict
    vendor = _vendor(settings_dict)
    output = Path(output)
    if output.is_dir():
        stamp = datetime.datetime.now(datetime.UTC).strftime(
            "%Y%m%dT%H%M%S%fZ"
        )  # to the microsecond: two backups never share a name
        output = output / f"steunpunt-{stamp}.tar.gz"
    with tempfile.TemporaryDirectory(prefix="steunpunt-backup-") as work:
        work = Path(work)
        if vendor == "postgresql":
            tables = _dump_postgresql(settings_dict, work / "database.dump")
        else:
            tables = _copy_sqlite(alias, work / "database.sqlite3")
        files = {}
        for name, root in _roots().items():
            if root.is_dir():
                shutil.copytree(root, work / name)
            files[name] = _file_hashes(work / name)
        manifest = {
            "format": FORMAT,
            "engine": vendor,
            "created": datetime.datetime.now(datetime.UTC).isoformat(),
            "tables": tables,
            "files": files,
        }
        (work / MANIFEST).write_text(json.dumps(manifest, indent=1, sort_keys=True))
        partial = output.with_name(output.name + ".part")
        with tarfile.open(partial, "w:gz") as archive:
            for path in sorted(work.iterdir()):
                archive.add(path, arcname=path.name)
        partial.replace(output)
    return output, manifest


def _dump_postgresql(settings_dict, target):
    params = _pg_params(settings_dict)
    with psycopg.connect(**params) as connection:
        connection.execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
        snapshot = connection.execute("SELECT pg_export_snapshot()").fetchone()[0]
        with connection.cursor() as cursor:
            tables = fingerprint_postgresql(cursor)
        # pg_dump reads the very snapshot the fingerprints came from, while this transaction is open.
        _run(["pg_dump", "--format=custom", f"--snapshot={snapshot}", "--file", str(target)], _pg_env(params))
        connection.execute("COMMIT")
    return tables


def _copy_sqlite(alias, target):
    connection = connections[alias]
    connection.ensure_connection()
    copy = sqlite3.connect(target)
    try:
        connection.connection.backup(copy)
        return fingerprint_sqlite(copy)
    finally:
        copy.close()


# Restore.


def newest_backup(archive_path):
    """``archive_path`` itself, or for a directory the newest backup ``backup`` wrote into it (the
    dated names sort by time): what the scheduled restore drill takes."""
    archive_path = Path(archive_path)
    if archive_path.is_dir():
        archives = sorted(archive_path.glob("steunpunt-*.tar.gz"))
        if not archives:
            raise BackupError(f"No backup in {archive_path}.")
        return archives[-1]
    return archive_path


def _open(archive_path, into):
    archive_path = newest_backup(archive_path)
    if not archive_path.is_file():
        raise BackupError(f"No backup at {archive_path}.")
    try:
        with tarfile.open(archive_path, "r:gz") as archive:
            archive.extractall(into, filter="data")
        manifest = json.loads((Path(into) / MANIFEST).read_text())
    except (tarfile.TarError, OSError, ValueError) as error:
        raise BackupError(f"{archive_path} is not a readable backup: {error}") from error
    if manifest.get("format") != FORMAT:
        raise BackupError(f"{archive_path} has an unknown format.")
    return manifest


def _restore_postgresql(dump, settings_dict, *, clean):
    params = _pg_params(settings_dict)
    command = ["pg_restore", "--no-owner", "--single-transaction", "--exit-on-error"]
    if clean:
        command += ["--clean", "--if-exists"]
    _run([*command, "--dbname", params["dbname"], str(dump)], _pg_env(params))


def _restore_sqlite(copy, settings_dict):
    target = Path(settings_dict["NAME"])
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".restoring")
    shutil.copyfile(copy, partial)
    for suffix in ("-wal", "-shm"):
        Path(str(target) + suffix).unlink(missing_ok=True)
    partial.replace(target)


def restore(archive_path, *, database_url=None, files=True):
    """Restore a backup over the database (``database_url``, else the configured one) and, with
    ``files``, the uploaded files. Everything there now is replaced."""
    settings_dict = _settings_dict(database_url)
    vendor = _vendor(settings_dict)
    with tempfile.TemporaryDirectory(prefix="steunpunt-restore-") as work:
        manifest = _open(archive_path, work)
        if manifest["engine"] != vendor:
            raise BackupError(f"This backup is of {manifest['engine']}, the target is {vendor}.")
        if not database_url:
            connections.close_all()
        if vendor == "postgresql":
            _restore_postgresql(Path(work) / "database.dump", settings_dict, clean=True)
        else:
            _restore_sqlite(Path(work) / "database.sqlite3", settings_dict)
        if files:
            for name, root in _roots().items():
                if (Path(work) / name).is_dir():
                    if root.exists():
                        shutil.rmtree(root)
                    shutil.copytree(Path(work) / name, root)
    return manifest


# The drill.


@contextlib.contextmanager
def _scratch_postgresql(settings_dict):
    params = _pg_params(settings_dict)
    name = f"{params['dbname']}_drill_{secrets.token_hex(4)}"
    admin = {**params, "dbname": "postgres"}
    with psycopg.connect(**admin, autocommit=True) as connection:
        connection.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    try:
        yield {**params, "dbname": name}
    finally:
        with psycopg.connect(**admin, autocommit=True) as connection:
            connection.execute(
                sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
            )


def compare(expected, found):
    """Rows ``(kind, name, expected, found, ok)`` for every table and file in either."""
    rows = []
    for table in sorted(set(expected["tables"]) | set(found["tables"])):
        want, got = expected["tables"].get(table), found["tables"].get(table)
        rows.append(("table", table, want, got, want == got))
    for root in sorted(set(expected["files"]) | set(found["files"])):
        want_files, got_files = expected["files"].get(root, {}), found["files"].get(root, {})
        for name in sorted(set(want_files) | set(got_files)):
            want, got = want_files.get(name), got_files.get(name)
            rows.append(("file", f"{root}/{name}", want, got, want == got))
    return rows


def restore_drill(archive_path, *, alias="default"):
    """Restore ``archive_path`` into a scratch database beside the configured one and compare every
    table and file with its manifest; return ``(manifest, rows)`` (see :func:`compare`)."""
    settings_dict = connections[alias].settings_dict
    vendor = _vendor(settings_dict)
    with tempfile.TemporaryDirectory(prefix="steunpunt-drill-") as work:
        work = Path(work)
        manifest = _open(archive_path, work)
        if manifest["engine"] != vendor:
            raise BackupError(f"This backup is of {manifest['engine']}; the drill runs on {vendor}.")
        if vendor == "postgresql":
            with _scratch_postgresql(settings_dict) as scratch:
                target = {"NAME": scratch["dbname"], **_upper(scratch)}
                _restore_postgresql(work / "database.dump", target, clean=False)
                with psycopg.connect(**scratch) as connection, connection.cursor() as cursor:
                    tables = fingerprint_postgresql(cursor)
        else:
            scratch = work / "scratch.sqlite3"
            _restore_sqlite(work / "database.sqlite3", {"NAME": str(scratch)})
            connection = sqlite3.connect(scratch)
            try:
                tables = fingerprint_sqlite(connection)
            finally:
                connection.close()
        found = {"tables": tables, "files": {name: _file_hashes(work / name) for name in FILE_ROOTS}}
    return manifest, compare(manifest, found)


def _upper(params):
    return {
        "USER": params.get("user", ""),
        "PASSWORD": params.get("password", ""),
        "HOST": params.get("host", ""),
        "PORT": params.get("port", ""),
    }


def describe(value):
    if value is None:
        return "–"
    if isinstance(value, dict):
        return f"{value['rows']} rows, {value['checksum'][:10]}"
    return value[:10]


__all__ = ["BackupError", "backup", "compare", "describe", "restore", "restore_drill"]
