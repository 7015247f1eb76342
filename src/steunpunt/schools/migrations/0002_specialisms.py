from django.db import migrations

SPECIALISMS = [
    ("dyslexie", "Dyslexie"),
    ("dyscalculie", "Dyscalculie"),
    ("autisme", "Autisme"),
    ("gedrag", "Gedrag"),
    ("hoogbegaafdheid", "Hoogbegaafdheid"),
    ("lichamelijke-beperking", "Lichamelijke beperking"),
    ("slechtziend", "Slechtziend"),
    ("slechthorend", "Slechthorend"),
    ("taal-spraak", "Taal en spraak"),
    ("adhd", "ADHD"),
    ("chronische-ziekte", "Chronische ziekte"),
    ("meervoudige-beperking", "Meervoudige beperking"),
]


def add(apps, schema_editor):
    Specialism = apps.get_model("schools", "Specialism")
    for slug, name in SPECIALISMS:
        Specialism.objects.get_or_create(slug=slug, defaults={"name": name})


class Migration(migrations.Migration):
    dependencies = [("schools", "0001_initial")]
    operations = [migrations.RunPython(add, migrations.RunPython.noop)]
