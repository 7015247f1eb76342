"""Demo data for the development pages: every text says it is an example ("(Voorbeeld)")."""

from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from .blocks import BLOCK_CODES
from .choices import BlockStatus, MemberKind, StepStatus
from .services import (
    assessment_record,
    cycle_start,
    meeting_create,
    member_create,
    step_transition,
    step_update,
)

N, D, OK = BlockStatus.NOT_YET, BlockStatus.DEVELOPING, BlockStatus.IN_ORDER
# Older: a young steunpunt; newer: informing and supporting have grown, signalling lags behind.
OLDER = dict(zip(BLOCK_CODES, (D, N, N, D, N, N, N, N, N), strict=True))
NEWER = dict(zip(BLOCK_CODES, (OK, D, N, OK, D, N, D, N, N), strict=True))

MEMBERS = (
    (MemberKind.WORKING_GROUP, "(Voorbeeld) Anna de Boer", "Ouderplatform", "voorzitter werkgroep", True),
    (MemberKind.WORKING_GROUP, "(Voorbeeld) Youssef El Amrani", "", "jongere, ervaringsdeskundige", True),
    (MemberKind.SOUNDING_BOARD, "(Voorbeeld) Petra Jansen", "", "ouder van een leerling in het so", True),
    (MemberKind.PARTNER, "(Voorbeeld) Wijkteam Centrum", "Gemeente", "partner voor jeugdhulp", False),
    (MemberKind.PARENT_INITIATIVE, "(Voorbeeld) Oudercafé Passend Onderwijs", "", "lotgenotencontact", False),
)


def _blocks(statuses, words):
    return {
        code: {"status": status, "evidence": f"(Voorbeeld) {words}" if status != N else ""}
        for code, status in statuses.items()
    }


@transaction.atomic
def load_demo(support_point):
    """Add two self-assessments, a first round of the plan and a small network to ``support_point``,
    once: what already exists is left alone, so running it again changes nothing."""
    today = timezone.localdate()
    if not support_point.self_assessments.exists():
        assessment_record(
            support_point=support_point,
            assessed_on=today - timedelta(days=180),
            blocks=_blocks(OLDER, "Eerste stappen gezet met de werkgroep."),
            note="(Voorbeeld) Eerste zelfevaluatie met de werkgroep.",
            by=None,
        )
        assessment_record(
            support_point=support_point,
            assessed_on=today - timedelta(days=30),
            blocks=_blocks(NEWER, "Besproken in de werkgroep; zie het verslag."),
            note="(Voorbeeld) Tweede zelfevaluatie: informeren en steunen groeien, signaleren blijft achter.",
            by=None,
        )
    if not support_point.cycles.exists():
        cycle = cycle_start(support_point=support_point, by=None, on=today - timedelta(days=200))
        steps = {step.number: step for step in cycle.steps.all()}
        for number in (1, 2, 3, 4):
            step_transition(step=steps[number], to=StepStatus.UNDER_WAY, by=None)
            step_update(step=steps[number], status=StepStatus.COMPLETED, notes="(Voorbeeld) Gedaan.", by=None)
        step_update(
            step=steps[5],
            status=StepStatus.UNDER_WAY,
            notes="(Voorbeeld) Ambitie: dit jaar de pijler signaleren op gang brengen.",
            owner_name="(Voorbeeld) coördinator en werkgroep",
            starts_on=today - timedelta(days=40),
            due_on=today + timedelta(days=50),
            by=None,
        )
        step_update(
            step=steps[6],
            status=StepStatus.UNDER_WAY,
            notes="(Voorbeeld) Scholen noemen het steunpunt in de schoolgids.",
            owner_name="(Voorbeeld) werkgroep",
            by=None,
        )
    if not support_point.network_members.exists():
        members = []
        for kind, name, organisation, role, person in MEMBERS:
            slug = name.split(")")[-1].strip().lower().replace(" ", ".")
            members.append(
                member_create(
                    support_point=support_point,
                    data={
                        "kind": kind,
                        "name": name,
                        "organisation": organisation,
                        "role": role,
                        "email": f"{slug}@voorbeeld.example" if person else "",
                        "phone": "",
                        "consent_on": today - timedelta(days=90) if person else None,
                        "consent_scope": "(Voorbeeld) Contact over de werkgroep en naam in de verslagen."
                        if person
                        else "",
                    },
                    by=None,
                )
            )
        meeting_create(
            support_point=support_point,
            held_on=today - timedelta(days=30),
            attendees=members[:3],
            notes="(Voorbeeld) Zelfevaluatie besproken. Signaleren is de zwakste poot.",
            decisions="(Voorbeeld) We vragen het bestuur om een vaste plek voor de signalen op de agenda.",
            by=None,
        )
