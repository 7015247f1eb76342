"""A GIN index on ``title || body`` of the search index, on PostgreSQL only.

The search backend filters on the concatenation of the two vectors
(``(title || body) @@ to_tsquery(...)``); the indexes on ``title`` and on ``body`` alone cannot
serve that, so every search read the whole index table. With this index a word that few articles
hold is found through the index, and ANALYZE keeps statistics on the expression, so PostgreSQL
knows how many rows a word matches. Nothing happens on other databases (SQLite has its own
full-text table).
"""

from django.db import migrations

INDEX = "information_indexentry_title_body_gin"


def _table(apps):
    return apps.get_model("wagtailsearch", "IndexEntry")._meta.db_table


def create_index(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    table = schema_editor.quote_name(_table(apps))
    schema_editor.execute(f"CREATE INDEX IF NOT EXISTS {INDEX} ON {table} USING GIN ((title || body))")
    schema_editor.execute(f"ANALYZE {table}")


def drop_index(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [
        ("information", "0006_article_views"),
        ("wagtailsearch", "0010_add_text_fields"),
    ]

    operations = [migrations.RunPython(create_index, drop_index, elidable=False)]
