"""Loading the starter content of the self-help tools from ``starter/selfhelp.json``, all as drafts."""

import json
from pathlib import Path

from django.db import transaction

from .models import DeadlineRule, LetterTemplate, RouteStep, Status

STARTER_FILE = Path(__file__).resolve().parent / "starter" / "selfhelp.json"


@transaction.atomic
def load_starter_selfhelp():
    """Create the route steps, deadline rules and letters that do not exist yet; return how many were made.

    Everything is a draft ("Concept – nog niet gevalideerd") until a national editor validates it, and
    nothing that exists is overwritten: a step or rule is known by its title, a letter by its short name.
    """
    spec = json.loads(STARTER_FILE.read_text(encoding="utf-8"))
    created = 0
    for step in spec["route_steps"]:
        _step, made = RouteStep.objects.get_or_create(
            title=step["title"],
            subjects=step["subjects"],
            defaults={**step, "status": Status.DRAFT},
        )
        created += made
    for rule in spec["deadline_rules"]:
        _rule, made = DeadlineRule.objects.get_or_create(
            title=rule["title"], event=rule["event"], defaults={**rule, "status": Status.DRAFT}
        )
        created += made
    for letter in spec["letter_templates"]:
        _letter, made = LetterTemplate.objects.get_or_create(
            slug=letter["slug"], defaults={**letter, "status": Status.DRAFT}
        )
        created += made
    return created
