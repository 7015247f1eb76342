from django.db import models
from django.utils.translation import gettext_lazy as _


class GlossaryTerm(models.Model):
    """A term from the begrippenlijst, explained in plain words; one national list."""

    term = models.CharField(_("term"), max_length=100, unique=True)
    slug = models.SlugField(_("short name"), unique=True)
    explanation = models.TextField(_("explanation"))
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
