from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from steunpunt.core.address import Address, address_problems

from ..audiences import Audience


class GlossaryTerm(models.Model):
    """A term from the begrippenlijst, explained in plain words; one national list.

    ``explanation`` is written for adults. Young people and children may get their own, simpler
    explanation; where they have none, :meth:`explanation_for` falls back to a simpler one that exists.
    """

    term = models.CharField(_("term"), max_length=100, unique=True)
    slug = models.SlugField(_("short name"), unique=True)
    explanation = models.TextField(_("explanation"))
    explanation_youth = models.TextField(
        _("explanation for young people"),
        blank=True,
        help_text=_(
            "Optional. For pages for young people (12+), addressed with 'je'. Empty: the explanation above."
        ),
    )
    explanation_children = models.TextField(
        _("explanation for children"),
        blank=True,
        help_text=_(
            "Optional. For pages for children under 12, in very simple words. "
            "Empty: the explanation for young people, or else the explanation above."
        ),
    )
    also = models.TextField(
        _("other forms"),
        blank=True,
        help_text=_("Other spellings or forms a reader may meet, one per line. They link to this term too."),
    )

    class Meta:
        verbose_name = _("glossary term")
        verbose_name_plural = _("glossary")
        ordering = ["term"]

    def __str__(self):
        return self.term

    def forms(self):
        """Return every form of the term that should link to it."""
        return [self.term, *[line.strip() for line in self.also.splitlines() if line.strip()]]

    def explanation_for(self, audience):
        """Return the explanation for ``audience``: its own if written, else the nearest simpler one.

        Children get theirs, else the young people's (also written with 'je'), else the adults'.
        Young people get theirs, else the children's, else the adults'. Parents always get the adults'.
        The adults' explanation reaches a young reader only when it does not say "u" (:meth:`clean`).
        """
        if audience == Audience.CHILDREN:
            return self.explanation_children or self.explanation_youth or self.explanation
        if audience == Audience.YOUTH:
            return self.explanation_youth or self.explanation_children or self.explanation
        return self.explanation

    def clean(self):
        """An adults' explanation that says "u" needs one with "je" for the pages of young people."""
        super().clean()
        if (
            not self.explanation_youth.strip()
            and not self.explanation_children.strip()
            and address_problems(self.explanation, Address.INFORMAL)
        ):
            raise ValidationError(
                {
                    "explanation_youth": _(
                        "The explanation above says 'u'. Young people and children read 'je': "
                        "write an explanation for them."
                    )
                }
            )
