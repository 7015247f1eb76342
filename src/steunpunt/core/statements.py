"""Statements the ORM compiles once per process, for the reads a public page makes at every request.

Building and compiling a queryset costs Django far more than running its SQL: on the article page
(bench P3) the four reads took 1.7 ms in the database and about 5 ms in the ORM. A :class:`KeptStatement`
builds its queryset once per process (and per ``key``, say a locale), with placeholders where each
call's values go; a call only puts its values into the compiled parameters. The SQL text is the same
at every call, so PostgreSQL prepares it on the connection (``DATABASE_PREPARE_THRESHOLD``).

What is kept is only SQL and the positions of the values: no rows. The schema of a running process
does not change (the README: reload the services after ``migrate``), and a value that changes what
the SQL looks like (a locale, a list's length) belongs in the key.

The placeholders are values no request can send: a text with a NUL (refused before any view,
``RejectNulMiddleware``) and negative numbers (no primary key is negative). Each must appear exactly
once among the compiled parameters, or compiling refuses (a lookup that transforms its value,
``startswith`` say, cannot be kept this way).
"""

from django.core.exceptions import ImproperlyConfigured
from django.db import DEFAULT_DB_ALIAS, connections

_TEXT = "\x00kept-statement:{}\x00"
# Within a 32-bit integer column's range: Django answers a lookup outside it with an empty result and no SQL.
_NUMBER = -2_000_000_000


class KeptStatement:
    """``build(*key, **values)`` returns the queryset; ``text`` and ``numbers`` name the values that
    differ per call (the others, in ``key``, are compiled in)."""

    def __init__(self, build, *, text=(), numbers=()):
        self.build = build
        self.placeholders = {name: _TEXT.format(name) for name in text}
        self.placeholders |= {name: _NUMBER - index for index, name in enumerate(numbers)}
        self._compiled = {}  # (alias, connection, key) → _Compiled

    def _compile(self, key, using):
        # Per connection object: a compiler (and the converters it hands out) belongs to one.
        connection = connections[using]
        entry = self._compiled.get((using, id(connection), key))
        if entry is None:
            queryset = self.build(*key, **self.placeholders)
            compiler = queryset.query.get_compiler(using)
            sql, params = compiler.as_sql()
            positions = {}
            for name, placeholder in self.placeholders.items():
                found = [index for index, param in enumerate(params) if _same(param, placeholder)]
                if len(found) != 1:
                    raise ImproperlyConfigured(f"{name!r} is in the compiled parameters {len(found)} times")
                positions[name] = found[0]
            entry = _Compiled(queryset, compiler, sql, tuple(params), positions)
            if len(self._compiled) > 100:
                self._compiled.clear()
            self._compiled[(using, id(connection), key)] = entry
        return entry

    def sql(self, *key, using=DEFAULT_DB_ALIAS, **values):
        """The compiled SQL and its parameters with ``values`` put in."""
        return self._compile(key, using).fill(values)

    def instances(self, *key, using=DEFAULT_DB_ALIAS, **values):
        """The model instances, as ``raw()`` makes them (its ``prefetch_related`` works as the ORM's)."""
        entry = self._compile(key, using)
        sql, params = entry.fill(values)
        return entry.queryset.model._default_manager.db_manager(using).raw(sql, params)

    def rows(self, *key, using=DEFAULT_DB_ALIAS, **values):
        """The rows of a ``values()`` queryset as dicts, each value converted as the ORM converts it."""
        entry = self._compile(key, using)
        sql, params = entry.fill(values)
        compiler = entry.compiler
        with compiler.connection.cursor() as cursor:
            cursor.execute(sql, params)
            rows = cursor.fetchall()
        if entry.converters:
            rows = compiler.apply_converters(rows, entry.converters)
        return [dict(zip(entry.names, row, strict=True)) for row in rows]


class _Compiled:
    def __init__(self, queryset, compiler, sql, params, positions):
        self.queryset, self.compiler, self.sql, self.params, self.positions = (
            queryset,
            compiler,
            sql,
            params,
            positions,
        )
        query = queryset.query
        # As ValuesIterable names a values() row's columns, after as_sql() set up the select.
        self.names = [*query.extra_select, *query.values_select, *query.annotation_select]
        self.converters = compiler.get_converters([column for column, _sql, _alias in compiler.select])

    def fill(self, values):
        params = list(self.params)
        for name, value in values.items():
            params[self.positions[name]] = value
        return self.sql, params


def _same(param, placeholder):
    return type(param) is type(placeholder) and param == placeholder
