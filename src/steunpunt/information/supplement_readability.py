"""The readability check of a regional supplement: each audience's version against its target."""

from .audiences import READABILITY_TARGETS, Audience
from .readability import analyse

SUPPLEMENT_FIELDS = {
    Audience.PARENTS: "body",
    Audience.YOUTH: "youth_body",
    Audience.CHILDREN: "children_body",
}


def supplement_analyses(values):
    """Return ``[(audience, target, Readability)]`` for each version written in ``values`` (a mapping)."""
    from .models import GlossaryTerm

    jargon = [form for term in GlossaryTerm.objects.all() for form in term.forms()]
    return [
        (audience, READABILITY_TARGETS[audience], analyse(values[field], jargon))
        for audience, field in SUPPLEMENT_FIELDS.items()
        if (values.get(field) or "").strip()
    ]


def below_target(supplement):
    """The labels of the versions of ``supplement`` that are harder to read than their target."""
    values = {field: getattr(supplement, field) for field in SUPPLEMENT_FIELDS.values()}
    return [
        str(Audience(audience).label)
        for audience, target, result in supplement_analyses(values)
        if not result.meets(target)
    ]
