"""Writing the audit log. Call :func:`audit` inside the transaction of the access it records."""

from .models import AuditAction, AuditRecord


def _record(*, actor, action, obj, support_point_id, on_behalf_of, detail):
    """Return an unsaved audit record; ``actor`` is a user, or ``None`` for the requester's link."""
    is_user = actor is not None and getattr(actor, "is_authenticated", False)
    return AuditRecord(
        actor_id=actor.pk if is_user else None,
        actor=actor.get_username() if is_user else str(actor or "requester"),
        on_behalf_of=str(on_behalf_of)[:200],
        support_point_id=support_point_id,
        action=AuditAction(action),
        object_type=obj._meta.model_name,
        object_id=str(obj.pk),
        detail=detail[:200],
    )


def audit(*, actor, action, obj, support_point_id, on_behalf_of, detail=""):
    """Append one audit record: ``actor`` (a user, or ``None`` for the requester's private link)
    did ``action`` with ``obj`` for ``support_point_id`` in the capacity ``on_behalf_of``.

    ``detail`` names fields or a count, never the personal data itself.
    """
    record = _record(
        actor=actor,
        action=action,
        obj=obj,
        support_point_id=support_point_id,
        on_behalf_of=on_behalf_of,
        detail=detail,
    )
    record.save(force_insert=True)
    return record


def audit_many(*, actor, action, entries, detail=""):
    """Append one audit record per ``(obj, support_point_id, on_behalf_of)`` in ``entries``, in one
    statement: ``actor`` did ``action`` with each object (a listing shows many at once)."""
    return AuditRecord.objects.bulk_create(
        _record(
            actor=actor,
            action=action,
            obj=obj,
            support_point_id=support_point_id,
            on_behalf_of=on_behalf_of,
            detail=detail,
        )
        for obj, support_point_id, on_behalf_of in entries
    )
