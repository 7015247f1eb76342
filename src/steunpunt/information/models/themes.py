from django.db import models
from django.utils.translation import gettext_lazy as _


class Theme(models.Model):
    """One shared taxonomy: articles, questions and reports all use these themes."""

    slug = models.SlugField(_("short name"), unique=True)
    name = models.CharField(_("name"), max_length=100, unique=True)
    description = models.CharField(_("description"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("theme")
        verbose_name_plural = _("themes")
        ordering = ["name"]

    def __str__(self):
        return self.name
