"""The audit log is append-only: neither the application nor a raw UPDATE can change a record."""

import pytest
from django.db import connection, transaction
from django.db.utils import DatabaseError

from steunpunt.privacy.models import AuditLogIsAppendOnly, AuditRecord
from steunpunt.privacy.services import audit
from steunpunt.support.tests.factories import CaseFactory

pytestmark = pytest.mark.django_db


def test_records_cannot_be_changed_or_deleted_through_the_application(platform):
    case = CaseFactory()
    record = audit(
        actor=None, action="read", obj=case, support_point_id=case.support_point_id, on_behalf_of="test"
    )
    record.detail = "veranderd"
    with pytest.raises(AuditLogIsAppendOnly):
        record.save()
    with pytest.raises(AuditLogIsAppendOnly):
        record.delete()
    with pytest.raises(AuditLogIsAppendOnly):
        AuditRecord.objects.filter(pk=record.pk).update(detail="veranderd")
    with pytest.raises(AuditLogIsAppendOnly):
        AuditRecord.objects.all().delete()
    assert AuditRecord.objects.get(pk=record.pk).detail == ""


def test_the_database_refuses_an_update_even_from_raw_sql(platform):
    case = CaseFactory()
    record = audit(
        actor=None, action="read", obj=case, support_point_id=case.support_point_id, on_behalf_of="test"
    )
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("UPDATE privacy_auditrecord SET detail = 'x' WHERE id = %s", [record.pk])
    assert AuditRecord.objects.get(pk=record.pk).detail == ""


def test_the_audit_log_holds_no_personal_data_of_the_requester(platform):
    case = CaseFactory(requester_name="Fatima de Vries", requester_email="fatima@example.test")
    values = " ".join(
        str(v) for v in AuditRecord.objects.values_list("actor", "on_behalf_of", "detail", "object_id")
    )
    assert "Fatima" not in values and "fatima@" not in values and str(case.pk) in values
