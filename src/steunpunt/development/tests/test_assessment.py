"""Recording a self-assessment: a dated snapshot of nine statuses with evidence; evidence files are
private, limited in kind and size, and only the coordinator of the steunpunt downloads them."""

import datetime
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from steunpunt.development.blocks import BLOCK_CODES
from steunpunt.development.models import BlockAssessment, EvidenceFile, SelfAssessment
from steunpunt.development.services import DevelopmentError, assessment_record
from steunpunt.development.storage import private_storage
from steunpunt.tenants.roles import Role
from steunpunt.tenants.tests.factories import MembershipFactory, SupportPointFactory

from .factories import statuses

pytestmark = pytest.mark.django_db
PDF = b"%PDF-1.4\n% evidence\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 16


@pytest.fixture
def world(platform):
    own, other = SupportPointFactory(name="Steunpunt Eigen"), SupportPointFactory(name="Steunpunt Ander")
    return own, other


def _assessed_on():
    """A recent day in the past: the form refuses a self-assessment dated in the future."""
    return timezone.localdate() - datetime.timedelta(days=16)


def _form(letters="ood dnn ddn", **extra):
    data = {"assessed_on": _assessed_on().isoformat(), "note": "Met de werkgroep besproken."}
    for code, status in statuses(letters).items():
        data[f"{code}-status"] = status.value
        data[f"{code}-evidence"] = f"Onderbouwing {code}"
        data[f"{code}-links"] = ""
    data.update(extra)
    return data


def _coordinator(staff_client, support_point):
    return staff_client(MembershipFactory(support_point=support_point, role=Role.COORDINATOR).user)


def test_the_coordinator_records_a_snapshot_with_evidence_and_sees_the_stool(staff_client, world):
    own, _other = world
    client = _coordinator(staff_client, own)
    first = BLOCK_CODES[0]
    data = _form(
        **{
            f"{first}-links": "https://steunpunt.example/informatie\n\nhttp://school.example/sop",
            f"{first}-files": [
                SimpleUploadedFile("Verslag werkgroep.pdf", PDF, content_type="application/pdf"),
                SimpleUploadedFile("website.png", PNG, content_type="image/png"),
            ],
        }
    )
    response = client.post(reverse("development_assess"), data)
    assert response.status_code == 302
    assert response["Location"] == f"{reverse('development_overview')}?steunpunt={own.pk}"
    snapshot = SelfAssessment.objects.get()
    assert (snapshot.support_point, snapshot.assessed_on) == (own, _assessed_on())
    assert snapshot.recorded_by.memberships.get().role == Role.COORDINATOR
    rows = {row.block: row for row in snapshot.blocks.all()}
    assert {code: row.status for code, row in rows.items()} == statuses("ood dnn ddn")
    assert rows[first].links == ["https://steunpunt.example/informatie", "http://school.example/sop"]
    assert rows[first].evidence == f"Onderbouwing {first}"
    files = list(rows[first].files.order_by("name"))
    assert [(f.name, f.content_type, f.size) for f in files] == [
        ("Verslag werkgroep.pdf", "application/pdf", len(PDF)),
        ("website.png", "image/png", len(PNG)),
    ]

    page = client.get(response["Location"]).content.decode()
    assert "Dank u. De zelfevaluatie is opgeslagen." in page
    assert "De zwakste poot is Steunen (17%)." in page


def test_evidence_files_are_stored_privately_and_served_only_to_the_coordinator(staff_client, client, world):
    own, other = world
    blocks = {code: {"status": "not_yet"} for code in BLOCK_CODES}
    blocks[BLOCK_CODES[4]]["files"] = [SimpleUploadedFile("plan.docx", b"PK\x03\x04 docx")]
    snapshot = assessment_record(
        support_point=own, assessed_on=datetime.date(2026, 5, 1), blocks=blocks, by=None
    )
    evidence = EvidenceFile.objects.get(block_assessment__assessment=snapshot)

    stored = Path(private_storage.path(evidence.file.name))
    assert stored.read_bytes() == b"PK\x03\x04 docx"
    assert not stored.is_relative_to(Path(settings.MEDIA_ROOT).resolve())
    assert "plan" not in evidence.file.name and evidence.file.name.endswith(".docx")
    with pytest.raises(ValueError, match="no public address"):
        _ = evidence.file.url

    url = reverse("development_evidence", args=[evidence.pk])
    anonymous = client.get(url, HTTP_HOST="127.0.0.1")
    assert anonymous.status_code == 302 and "/admin/login/" in anonymous["Location"]
    for role in (Role.CONSULTANT, Role.VOLUNTEER, Role.BOARD):
        assert staff_client(MembershipFactory(support_point=own, role=role).user).get(url).status_code == 404
    assert _coordinator(staff_client, other).get(url).status_code == 404

    response = _coordinator(staff_client, own).get(url)
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="plan.docx"'
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    assert b"".join(response.streaming_content) == b"PK\x03\x04 docx"


def test_the_form_starts_from_the_latest_snapshot_and_can_keep_its_files(staff_client, world):
    own, _other = world
    first = BLOCK_CODES[0]
    blocks = {code: {"status": "developing", "evidence": "Eerder"} for code in BLOCK_CODES}
    blocks[first]["files"] = [SimpleUploadedFile("oud.pdf", PDF)]
    blocks[first]["links"] = ["https://oud.example/"]
    assessment_record(support_point=own, assessed_on=datetime.date(2026, 5, 1), blocks=blocks, by=None)
    old_file = EvidenceFile.objects.get()
    client = _coordinator(staff_client, own)

    form = client.get(reverse("development_assess")).content.decode()
    assert f'name="{first}-status" value="developing" id="id_{first}-status_1" required checked' in form
    assert "https://oud.example/" in form and "oud.pdf" in form

    client.post(reverse("development_assess"), _form(**{f"{first}-keep": [str(old_file.pk)]}))
    newest = SelfAssessment.objects.order_by("-pk").first()
    kept = EvidenceFile.objects.get(block_assessment__assessment=newest)
    assert kept.file.name == old_file.file.name and kept.pk != old_file.pk and kept.name == "oud.pdf"
    # Not ticking "keep" leaves the file with the older snapshot only.
    client.post(reverse("development_assess"), _form())
    assert not EvidenceFile.objects.filter(
        block_assessment__assessment=SelfAssessment.objects.order_by("-pk")[0]
    )
    assert EvidenceFile.objects.count() == 2


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({f"{BLOCK_CODES[2]}-status": ""}, "Kies hoe ver deze bouwsteen is."),
        ({f"{BLOCK_CODES[2]}-status": "perfect"}, "Kies hoe ver deze bouwsteen is."),
        ({"assessed_on": ""}, "Vul een datum in."),
        ({"assessed_on": "31-02-2026"}, "Vul een bestaande datum in"),
        ({"assessed_on": "2099-01-01"}, "De datum van de zelfevaluatie kan niet in de toekomst liggen."),
        ({f"{BLOCK_CODES[0]}-links": "steunpunt.example"}, "“steunpunt.example” is geen webadres."),
        ({f"{BLOCK_CODES[0]}-links": "javascript:alert(1)"}, "is geen webadres"),
        (
            {f"{BLOCK_CODES[0]}-links": "\n".join(f"https://a.example/{n}" for n in range(11))},
            "hoogstens 10 links",
        ),
        (
            {f"{BLOCK_CODES[0]}-files": [SimpleUploadedFile("virus.exe", b"MZ\x90\x00")]},
            "“virus.exe” kan niet worden toegevoegd.",
        ),
        (
            {f"{BLOCK_CODES[0]}-files": [SimpleUploadedFile("virus.pdf", b"MZ\x90\x00")]},
            "“virus.pdf” lijkt geen PDF-bestand.",
        ),
        (
            {
                f"{BLOCK_CODES[0]}-files": [
                    SimpleUploadedFile("groot.pdf", b"%PDF-" + b"0" * (10 * 1024 * 1024))
                ]
            },
            "“groot.pdf” is te groot. Een bestand mag hoogstens 10 MB zijn.",
        ),
        (
            {f"{BLOCK_CODES[0]}-files": [SimpleUploadedFile(f"{n}.pdf", PDF) for n in range(6)]},
            "Voeg hoogstens 5 bestanden per bouwsteen toe.",
        ),
    ],
)
def test_bad_input_gets_a_dutch_message_keeps_the_text_and_stores_nothing(
    staff_client, world, change, message
):
    own, _other = world
    response = _coordinator(staff_client, own).post(
        reverse("development_assess"), _form(**change, **{f"{BLOCK_CODES[1]}-evidence": "Mijn eigen woorden"})
    )
    html = response.content.decode()
    assert response.status_code == 400
    assert message in html and "Er is nog niets opgeslagen." in html
    assert "Mijn eigen woorden" in html
    assert not SelfAssessment.objects.exists() and not BlockAssessment.objects.exists()
    assert not EvidenceFile.objects.exists()
    assert not Path(settings.PRIVATE_MEDIA_ROOT).exists() or not any(
        Path(settings.PRIVATE_MEDIA_ROOT).rglob("*.*")
    )


def test_the_service_refuses_incomplete_future_or_foreign_snapshots(world):
    own, other = world
    complete = {code: {"status": "in_order"} for code in BLOCK_CODES}
    today = timezone.localdate()
    with pytest.raises(DevelopmentError, match="negen bouwstenen"):
        assessment_record(
            support_point=own, assessed_on=today, blocks=dict(list(complete.items())[:8]), by=None
        )
    with pytest.raises(DevelopmentError, match="negen bouwstenen"):
        assessment_record(
            support_point=own,
            assessed_on=today,
            blocks={**complete, BLOCK_CODES[0]: {"status": "x"}},
            by=None,
        )
    with pytest.raises(DevelopmentError, match="toekomst"):
        assessment_record(
            support_point=own, assessed_on=today + datetime.timedelta(days=1), blocks=complete, by=None
        )
    foreign = {code: {"status": "in_order"} for code in BLOCK_CODES}
    foreign[BLOCK_CODES[0]]["files"] = [SimpleUploadedFile("a.pdf", PDF)]
    assessment_record(support_point=other, assessed_on=today, blocks=foreign, by=None)
    theirs = EvidenceFile.objects.get()
    with pytest.raises(DevelopmentError, match="ander steunpunt"):
        assessment_record(
            support_point=own,
            assessed_on=today,
            blocks={**complete, BLOCK_CODES[0]: {"status": "in_order", "keep": [theirs]}},
            by=None,
        )
    with pytest.raises(DevelopmentError, match="lijkt geen PDF"):
        assessment_record(
            support_point=own,
            assessed_on=today,
            blocks={
                **complete,
                BLOCK_CODES[0]: {"status": "in_order", "files": [SimpleUploadedFile("b.pdf", b"x")]},
            },
            by=None,
        )
    assert not SelfAssessment.objects.filter(support_point=own).exists()


def test_the_history_lists_every_snapshot_with_its_legs(staff_client, world):
    own, _other = world
    for day, letters in (
        (datetime.date(2026, 1, 5), "nnn nnn nnn"),
        (datetime.date(2026, 6, 5), "ooo ddd nnn"),
    ):
        assessment_record(
            support_point=own,
            assessed_on=day,
            blocks={code: {"status": status} for code, status in statuses(letters).items()},
            by=None,
        )
    client = _coordinator(staff_client, own)
    html = client.get(reverse("development_history")).content.decode()
    assert html.index("5 juni 2026") < html.index("5 januari 2026")
    assert "<td>100% (+100)</td>" in html and "<td>gelijk</td>" in html
    newest = SelfAssessment.objects.get(assessed_on=datetime.date(2026, 6, 5))
    detail = client.get(reverse("development_assessment", args=[newest.pk])).content.decode()
    assert "Vergeleken met de zelfevaluatie van 5 januari 2026." in detail
    assert "De zwakste poot is Signaleren (0%)." in detail
