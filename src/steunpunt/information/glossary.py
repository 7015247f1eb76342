"""Render article text with the first occurrence of each glossary term linked to its page."""

import re
from dataclasses import dataclass, field

from django.utils.html import escape
from django.utils.safestring import mark_safe

from .audiences import URL_SEGMENTS, Audience
from .models import GlossaryTerm


@dataclass
class TermLinker:
    """Links each term once per article: the first time a reader meets it.

    ``suffix`` ends each link: empty for parents, ``jongeren/`` or ``kinderen/`` for the other
    audiences, whose term page shows the explanation written for them.
    """

    base: str
    pattern: re.Pattern | None
    slugs: dict
    seen: set = field(default_factory=set)
    suffix: str = ""

    @classmethod
    def for_all_terms(cls, base, audience=Audience.PARENTS):
        suffix = "" if audience == Audience.PARENTS else f"{URL_SEGMENTS[Audience(audience)]}/"
        slugs = {}
        for term in GlossaryTerm.objects.all():
            for form in term.forms():
                slugs.setdefault(escape(form).lower(), (term.slug, term.term))
        if not slugs:
            return cls(base, None, slugs, suffix=suffix)
        # Longest forms first, so "speciaal basisonderwijs" wins over "speciaal".
        alternatives = "|".join(re.escape(form) for form in sorted(slugs, key=len, reverse=True))
        pattern = re.compile(rf"(?<![\w-])({alternatives})(?![\w-])", re.IGNORECASE)
        return cls(base, pattern, slugs, suffix=suffix)

    def link(self, text):
        """Return ``text`` escaped, with not-yet-linked terms turned into links."""
        html = escape(text)
        if self.pattern is None:
            return mark_safe(html)  # noqa: S308  # nosec B308 B703  # escaped above

        def replace(match):
            slug, _term = self.slugs[match.group(1).lower()]
            if slug in self.seen:
                return match.group(1)
            self.seen.add(slug)
            return f'<a class="term" href="{self.base}begrippen/{slug}/{self.suffix}">{match.group(1)}</a>'

        return mark_safe(self.pattern.sub(replace, html))  # noqa: S308  # nosec  # B308/B703: escaped parts, slugs


def linked_blocks(body, linker):
    """Return the body as ``(type, value)`` pairs with paragraph and list text linked."""
    blocks = []
    for block in body:
        if block.block_type == "paragraph":
            blocks.append(("paragraph", linker.link(block.value)))
        elif block.block_type == "list":
            blocks.append(("list", [linker.link(str(item)) for item in block.value]))
        else:
            blocks.append((block.block_type, block.value))
    return blocks
