"""The audit log of personal data: append-only, never edited or deleted through the application."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class AuditLogIsAppendOnly(Exception):
    """Raised when code tries to change or delete an audit record."""


class AuditQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise AuditLogIsAppendOnly("audit records cannot be changed")

    def delete(self):
        raise AuditLogIsAppendOnly("audit records cannot be deleted")


class AuditAction(models.TextChoices):
    CREATE = "create", _("created")
    READ = "read", _("read")
    CHANGE = "change", _("changed")
    EXPORT = "export", _("exported")
    ERASE = "erase", _("erased")
    ANONYMISE = "anonymise", _("anonymised")
    SEARCH = "search", _("searched")


class AuditRecord(models.Model):
    """Who did what with which personal data, when, and in which capacity.

    The actor and steunpunt are kept as plain values, not foreign keys: removing an account
    or a steunpunt must never rewrite the log. Records hold no personal data of requesters.
    """

    at = models.DateTimeField(_("when"), default=timezone.now, db_index=True)
    actor_id = models.BigIntegerField(_("account number"), null=True, blank=True)
    actor = models.CharField(_("who"), max_length=150)
    on_behalf_of = models.CharField(_("in the role of"), max_length=200)
    support_point_id = models.BigIntegerField(_("steunpunt number"), null=True, blank=True, db_index=True)
    action = models.CharField(_("what"), max_length=20, choices=AuditAction.choices)
    object_type = models.CharField(_("kind of data"), max_length=50)
    object_id = models.CharField(_("which"), max_length=50, db_index=True)
    detail = models.CharField(_("detail"), max_length=200, blank=True)

    objects = AuditQuerySet.as_manager()

    class Meta:
        verbose_name = _("audit record")
        verbose_name_plural = _("audit log")
        ordering = ["-at", "-pk"]

    def __str__(self):
        return f"{self.at:%Y-%m-%d %H:%M} {self.actor} {self.action} {self.object_type} {self.object_id}"

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise AuditLogIsAppendOnly("audit records cannot be changed")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise AuditLogIsAppendOnly("audit records cannot be deleted")

    @property
    def role_display(self):
        """The roles of ``on_behalf_of`` (stored as codes, comma-separated) in Dutch; other text as is."""
        from steunpunt.tenants.roles import Role

        codes = [code.strip() for code in self.on_behalf_of.split(",")]
        if not all(code in Role.values for code in codes):
            return self.on_behalf_of
        return ", ".join(str(Role(code).label) for code in codes)
