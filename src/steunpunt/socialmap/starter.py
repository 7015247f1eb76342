"""Loading the starter national organisations from ``starter/organisations.json``, marked as drafts."""

import json
from pathlib import Path

from django.db import transaction

from .models import Organisation

STARTER_FILE = Path(__file__).resolve().parent / "starter" / "organisations.json"
FIELDS = ("category", "helps_with", "when_to_go", "phone", "email", "website")


@transaction.atomic
def load_starter_organisations():
    """Create the national organisations that do not exist yet; return how many were made.

    An organisation that already exists is left alone, so an editor's changes are never overwritten.
    """
    created = 0
    for spec in json.loads(STARTER_FILE.read_text(encoding="utf-8")):
        source = spec.get("source") or {}
        _organisation, made = Organisation.objects.get_or_create(
            name=spec["name"],
            support_point=None,
            defaults={
                **{field: spec.get(field, "") for field in FIELDS},
                "source_title": source.get("title", "")[:300],
                "source_url": source.get("url", "")[:500],
                "starter_text": True,
            },
        )
        created += made
    return created
