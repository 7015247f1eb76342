"""A loaded test database kept aside and put back for each test that needs it, in a second or less.

Loading the demo (``load_demo_data``) takes half a minute; the browser journeys that walk through it
each need it fresh, because a journey changes what it finds (it answers a question, closes a case).
:class:`DatabaseSnapshot` copies the test database once, right after the load, and copies it back at
the start of every later test:

- SQLite (a file, conf/test.py): with SQLite's online backup API, into memory and back into the file,
  page for page: schema, sequences and Wagtail's full-text index (tables of the same file) included.
- PostgreSQL: as a database of its own, made with the test database as its template; a restore drops
  the test database and makes it again from that template.

Every other connection reads the restored database: the live server's threads open one per request
(``CONN_MAX_AGE = 0``). What lives outside the database is the caller's to handle (the cache is emptied
around every test by the root conftest; files the load writes stay where it wrote them).
"""

import itertools
import sqlite3
import threading
import time
import weakref

from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.backends.signals import connection_created

# Every connection opened, whichever context opened it. A test's body and its fixtures do not always
# share one: with the ``browser`` fixture the body runs in a context of its own, whose connection
# outlives the test (nothing closes it). A PostgreSQL restore must close it before it drops the
# database, or the body of the next test would find it cut off.
_OPENED = weakref.WeakSet()


def _remember(sender, connection, **kwargs):
    _OPENED.add(connection)


connection_created.connect(_remember, dispatch_uid="steunpunt.core.tests.snapshot")

# Each PostgreSQL copy is a database of its own name: a test of the snapshot itself, or any second
# snapshot taken in the same process, must never drop or replace the demo fixture's copy.
_NUMBERS = itertools.count(1)


class DatabaseSnapshot:
    """One copy of the default test database, per process (each xdist worker has its own database)."""

    def __init__(self):
        self._sqlite = None
        self._template = None

    @staticmethod
    def supported():
        if connection.vendor == "sqlite":
            return not connection.is_in_memory_db()
        return connection.vendor == "postgresql"

    def take(self):
        """Copy the database as it is now (outside any transaction: ``transactional_db``)."""
        if connection.vendor == "sqlite":
            connection.ensure_connection()
            copy = sqlite3.connect(":memory:", check_same_thread=False)
            connection.connection.backup(copy)
            self._sqlite = copy
        else:
            name = connection.settings_dict["NAME"]
            template = self._template or f"{name}_snapshot_{next(_NUMBERS)}"
            self._postgres(
                f'DROP DATABASE IF EXISTS "{template}"',
                f'CREATE DATABASE "{template}" TEMPLATE "{name}"',
            )
            self._template = template

    def restore(self):
        """Put the copy back into the test database, for this thread and every other connection."""
        if self._sqlite is None and self._template is None:
            raise RuntimeError("restore() before take(): there is no copy to put back")
        if connection.vendor == "sqlite":
            connection.ensure_connection()
            self._retry(lambda: self._sqlite.backup(connection.connection))
        else:
            name = connection.settings_dict["NAME"]
            self._postgres(
                f'DROP DATABASE "{name}" WITH (FORCE)',
                f'CREATE DATABASE "{name}" TEMPLATE "{self._template}"',
            )
        # Content types are remembered per process by id; the copy's ids may differ from the flushed ones.
        ContentType.objects.clear_cache()

    def discard(self):
        """Let the copy go (PostgreSQL: drop its database; the test run's end does not know it)."""
        if self._template is not None:
            self._postgres(f'DROP DATABASE IF EXISTS "{self._template}"')
            self._template = None
        if self._sqlite is not None:
            self._sqlite.close()
            self._sqlite = None

    @classmethod
    def _postgres(cls, *statements):
        # CREATE DATABASE … TEMPLATE needs the template to be without sessions: this thread's are closed
        # here, a live-server thread closes its own at the end of its request.
        for opened in list(_OPENED):
            if opened.connection is not None and opened._thread_ident == threading.get_ident():
                opened.close()
        with connection._nodb_cursor() as cursor:
            for statement in statements:
                cls._retry(lambda statement=statement: cursor.execute(statement))

    @staticmethod
    def _retry(step, attempts=50):
        """``step()``, again while another connection still holds the database (the last request of
        the previous test finishing on a live-server thread)."""
        from django.db.utils import OperationalError

        for attempt in range(attempts):
            try:
                return step()
            except (sqlite3.OperationalError, OperationalError):
                if attempt == attempts - 1:
                    raise
                time.sleep(0.1)
        return None
