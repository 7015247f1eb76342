"""How each partnership link
was made: the plain M2M table becomes the SchoolPartnership model without moving data (0004 adds
the method)."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("tenants", "0001_initial"), ("schools", "0002_specialisms")]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[],
            state_operations=[
                migrations.CreateModel(
                    name="SchoolPartnership",
                    fields=[
                        ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                        ("school", models.ForeignKey(on_delete=models.deletion.CASCADE, to="schools.school")),
                        ("partnership", models.ForeignKey(on_delete=models.deletion.CASCADE, to="tenants.partnership")),
                    ],
                    options={
                        "db_table": "schools_school_partnerships",
                        "unique_together": {("school", "partnership")},
                        "verbose_name": "partnership of a school",
                        "verbose_name_plural": "partnerships of schools",
                    },
                ),
                migrations.AlterField(
                    model_name="school",
                    name="partnerships",
                    field=models.ManyToManyField(
                        blank=True,
                        through="schools.SchoolPartnership",
                        to="tenants.partnership",
                        verbose_name="partnerships",
                    ),
                ),
            ],
        ),
    ]
