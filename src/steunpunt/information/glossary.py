"""Render article text with the first occurrence of each glossary term explained in place.

The term becomes a button that opens its explanation in a popover (the HTML ``popover`` attribute:
no JavaScript, Escape or a click elsewhere closes it), so the reader stays in the article; the
popover links to the term's own page for more.
"""

import re
from dataclasses import dataclass, field
from html import unescape

from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from steunpunt.core import page_cache

from .audiences import URL_SEGMENTS, Audience
from .models import GlossaryTerm


@dataclass
class TermLinker:
    """Explains each term once per article: the first time a reader meets it.

    ``suffix`` ends each link to the term's page: empty for parents, ``jongeren/`` or ``kinderen/``
    for the other audiences, whose term page shows the explanation written for them; the popover
    shows that audience's explanation too (``slugs`` maps a form to slug, term and explanation).
    """

    base: str
    pattern: re.Pattern | None
    slugs: dict
    seen: set = field(default_factory=set)
    suffix: str = ""

    @classmethod
    def for_all_terms(cls, base, audience=Audience.PARENTS):
        suffix = "" if audience == Audience.PARENTS else f"{URL_SEGMENTS[Audience(audience)]}/"
        pattern, slugs = _terms(str(audience))
        return cls(base, pattern, slugs, suffix=suffix)

    def explained(self, word, slug, term, explanation):
        """The button for ``word`` (escaped already) and its popover with the explanation."""
        target = f"begrip-{slug}"
        return format_html(
            '<button type="button" class="term" popovertarget="{target}">{word}</button>'
            '<span class="term-popover" id="{target}" popover role="note">'
            '<strong class="term-name">{term}</strong> <span class="term-explanation">{explanation}</span> '
            '<a href="{href}">{more}</a> '
            '<button type="button" class="link-button term-close" popovertarget="{target}" '
            'popovertargetaction="hide">{close}</button></span>',
            target=target,
            word=unescape(word),  # escaped with the rest of the text in link(); format_html escapes it again
            term=term,
            explanation=explanation,
            href=f"{self.base}begrippen/{slug}/{self.suffix}",
            more=_("More about this word"),
            close=_("Close"),
        )

    def link(self, text):
        """Return ``text`` escaped, with not-yet-explained terms turned into buttons with a popover."""
        html = escape(text)
        if self.pattern is None:
            return mark_safe(html)  # noqa: S308  # nosec B308 B703  # escaped above

        def replace(match):
            slug, term, explanation = self.slugs[match.group(1).lower()]
            if slug in self.seen:
                return match.group(1)
            self.seen.add(slug)
            return self.explained(match.group(1), slug, term, explanation)

        return mark_safe(self.pattern.sub(replace, html))  # noqa: S308  # nosec  # B308/B703: escaped parts, slugs


@page_cache.per_generation
def _terms(audience):
    """Every form of every term (form → slug, term, explanation for ``audience``) and one pattern that
    finds them: the same for every article, so built once per content generation (bench P3: building
    it took 4 ms of every article page)."""
    slugs = {}
    for term in GlossaryTerm.objects.all():
        for form in term.forms():
            slugs.setdefault(escape(form).lower(), (term.slug, term.term, term.explanation_for(audience)))
    if not slugs:
        return None, slugs
    # Longest forms first, so "speciaal basisonderwijs" wins over "speciaal".
    alternatives = "|".join(re.escape(form) for form in sorted(slugs, key=len, reverse=True))
    return re.compile(rf"(?<![\w-])({alternatives})(?![\w-])", re.IGNORECASE), slugs


def linked_blocks(body, linker):
    """Return the body as ``(type, value)`` pairs with the running text (paragraphs, lists, notes,
    steps, answers) linked; media blocks keep their value and render with their own template."""
    blocks = []
    for block in body:
        if block.block_type in ("paragraph", "callout"):
            blocks.append((block.block_type, linker.link(block.value)))
        elif block.block_type in ("list", "steps"):
            blocks.append((block.block_type, [linker.link(str(item)) for item in block.value]))
        elif block.block_type == "questions":
            pairs = [(item["question"], linker.link(item["answer"])) for item in block.value]
            blocks.append(("questions", pairs))
        else:
            blocks.append((block.block_type, block.value))
    return blocks
