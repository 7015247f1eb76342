"""The readability check of a regional supplement: each audience's version against its target."""

from .audiences import READABILITY_TARGETS, Audience
from .readability import analyse, stream_text

SUPPLEMENT_FIELDS = {
    Audience.PARENTS: "body",
    Audience.YOUTH: "youth_body",
    Audience.CHILDREN: "children_body",
}


def supplement_text(stream):
    """The text a reader reads in a version's blocks (the article's rule: headings and list items
    end as sentences of their own; images count by their caption, videos by their transcript)."""
    return stream_text("", "", stream)


def supplement_analyses(values):
    """Return ``[(audience, target, Readability)]`` for each version written in ``values`` (a mapping of
    field name to the version's blocks)."""
    from .models import GlossaryTerm

    jargon = [form for term in GlossaryTerm.objects.all() for form in term.forms()]
    texts = {field: supplement_text(values.get(field)) for field in SUPPLEMENT_FIELDS.values()}
    return [
        (audience, READABILITY_TARGETS[audience], analyse(texts[field], jargon))
        for audience, field in SUPPLEMENT_FIELDS.items()
        if texts[field].strip()
    ]


def below_target(supplement):
    """The labels of the versions of ``supplement`` that are harder to read than their target."""
    values = {field: getattr(supplement, field) for field in SUPPLEMENT_FIELDS.values()}
    return [
        str(Audience(audience).label)
        for audience, target, result in supplement_analyses(values)
        if not result.meets(target)
    ]
