"""Wagtail's database search backend, with Dutch word forms on SQLite too.

PostgreSQL stems Dutch itself (``SEARCH_CONFIG: dutch``). SQLite's full-text index has no
Dutch stemmer, so ``information.search`` sends stems and this backend matches each as a
prefix: 'ondersteunen' → 'ondersteun*' finds 'ondersteuning'.
"""

from django.db import connection
from modelsearch.backends import database


# Wagtail looks up a callable named SearchBackend in this module.
def SearchBackend(params):
    backend = database.SearchBackend(params)
    if connection.vendor == "sqlite" and database.USE_SQLITE_FTS:
        from modelsearch.backends.database.sqlite.sqlite import SQLiteSearchQueryCompiler

        class PrefixQueryCompiler(SQLiteSearchQueryCompiler):
            LAST_TERM_IS_PREFIX = True

        backend.query_compiler_class = PrefixQueryCompiler
    return backend
