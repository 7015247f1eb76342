from django.db import migrations, models
import django.utils.timezone

# A database trigger refuses every UPDATE of an audit record, whatever code tries it.
SQLITE = [
    "CREATE TRIGGER privacy_auditrecord_no_update BEFORE UPDATE ON privacy_auditrecord "
    "BEGIN SELECT RAISE(ABORT, 'audit records are append-only'); END;",
]
POSTGRESQL = [
    "CREATE FUNCTION privacy_auditrecord_refuse() RETURNS trigger AS $$ BEGIN "
    "RAISE EXCEPTION 'audit records are append-only'; END; $$ LANGUAGE plpgsql;",
    "CREATE TRIGGER privacy_auditrecord_no_update BEFORE UPDATE ON privacy_auditrecord "
    "FOR EACH ROW EXECUTE FUNCTION privacy_auditrecord_refuse();",
]


def add_trigger(apps, schema_editor):
    statements = {"sqlite": SQLITE, "postgresql": POSTGRESQL}.get(schema_editor.connection.vendor, [])
    for statement in statements:
        schema_editor.execute(statement)


def remove_trigger(apps, schema_editor):
    schema_editor.execute("DROP TRIGGER IF EXISTS privacy_auditrecord_no_update" + (
        " ON privacy_auditrecord" if schema_editor.connection.vendor == "postgresql" else ""
    ))


class Migration(migrations.Migration):
    initial = True
    dependencies = []

    operations = [
        migrations.CreateModel(
            name="AuditRecord",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("at", models.DateTimeField(db_index=True, default=django.utils.timezone.now, verbose_name="when")),
                ("actor_id", models.BigIntegerField(blank=True, null=True, verbose_name="account number")),
                ("actor", models.CharField(max_length=150, verbose_name="who")),
                ("on_behalf_of", models.CharField(max_length=200, verbose_name="in the role of")),
                ("support_point_id", models.BigIntegerField(blank=True, db_index=True, null=True, verbose_name="steunpunt number")),
                ("action", models.CharField(choices=[("create", "created"), ("read", "read"), ("change", "changed"), ("export", "exported"), ("erase", "erased"), ("anonymise", "anonymised"), ("search", "searched")], max_length=20, verbose_name="what")),
                ("object_type", models.CharField(max_length=50, verbose_name="kind of data")),
                ("object_id", models.CharField(db_index=True, max_length=50, verbose_name="which")),
                ("detail", models.CharField(blank=True, max_length=200, verbose_name="detail")),
            ],
            options={"verbose_name": "audit record", "verbose_name_plural": "audit log", "ordering": ["-at", "-pk"]},
        ),
        migrations.RunPython(add_trigger, remove_trigger),
    ]
