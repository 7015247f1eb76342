"""The sociale kaart: who else can help, national and per steunpunt, and when to go there."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Category(models.TextChoices):
    ADVICE = "advies", _("Advice and support")
    EDUCATION = "onderwijs", _("Education")
    YOUTH_CARE = "jeugdhulp", _("Youth care and health")
    MUNICIPALITY = "gemeente", _("Municipality")
    DISPUTES = "klachten-en-geschillen", _("Complaints and disputes")
    PEERS = "ouders-en-jongeren", _("Parents and young people")


class Organisation(models.Model):
    """An organisation on the social map; without a steunpunt it is national and shown on every site."""

    name = models.CharField(_("name"), max_length=200)
    category = models.CharField(_("category"), max_length=30, choices=Category.choices)
    helps_with = models.TextField(_("helps with"))
    when_to_go = models.TextField(_("when to go there"))
    phone = models.CharField(_("phone number"), max_length=40, blank=True)
    email = models.EmailField(_("e-mail address"), blank=True)
    website = models.URLField(_("website"), blank=True)
    support_point = models.ForeignKey(
        "tenants.SupportPoint",
        verbose_name=_("steunpunt"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="organisations",
        help_text=_("Empty for a national organisation, shown on every site."),
    )
    source_title = models.CharField(_("source"), max_length=300, blank=True)
    source_url = models.URLField(_("source address"), max_length=500, blank=True)
    starter_text = models.BooleanField(
        _("draft, not yet validated"),
        default=False,
        help_text=_("Readers see that this description has not been validated. Switch off after validation."),
    )

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["name", "support_point"], name="unique_organisation_per_steunpunt"
            ),
            models.UniqueConstraint(
                fields=["name"],
                condition=models.Q(support_point__isnull=True),
                name="unique_national_organisation",
            ),
        ]

    def __str__(self):
        return self.name

    @property
    def is_national(self):
        return self.support_point_id is None
