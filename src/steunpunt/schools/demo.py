"""Demo schools: every school type of the demo regions from the 2024 extract, and a made-up support
profile (specialisms, an SOP document, a contact for parents) for a realistic share of them, marked
as demo. Safe to repeat; a profile an editor filled in is left alone."""

import hashlib

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction

from steunpunt.core.page_cache import bump_generation

from .importer import EXTRACT_2024, import_rows, read_file
from .models import SPECIAL_TYPES, School, SchoolType, Specialism

DEMO_SOP_NAME = "sop/demo-schoolondersteuningsprofiel.pdf"
# Share of schools with a profile on the platform: most special schools, fewer ordinary ones.
SHARE_SPECIAL, SHARE_OTHER = 0.8, 0.35
BY_CLUSTER = {
    1: ["slechtziend"],
    2: ["slechthorend", "taal-spraak"],
    3: ["lichamelijke-beperking", "meervoudige-beperking", "chronische-ziekte"],
    4: ["gedrag", "autisme", "adhd"],
}
BY_TYPE = {
    SchoolType.SBO: ["gedrag", "dyslexie", "adhd", "autisme", "taal-spraak"],
    SchoolType.PRO: ["gedrag", "autisme", "dyscalculie"],
    SchoolType.REGULAR: ["dyslexie", "dyscalculie", "hoogbegaafdheid", "autisme", "adhd"],
    SchoolType.SECONDARY: [
        "dyslexie",
        "dyscalculie",
        "hoogbegaafdheid",
        "autisme",
        "adhd",
        "chronische-ziekte",
    ],
}
SPECIAL_DEFAULT = ["gedrag", "autisme", "meervoudige-beperking"]
# Before issue 18's review the demo history gave a dozen schools per steunpunt a made-up SOP link (and
# specialisms) without the demo mark; a demo database from then gets the mark on its next load.
OLD_HISTORY_SOP_URL = "https://example.org/schoolondersteuningsprofiel/"


def _draw(code, purpose):
    """A stable number in [0, 1) for a school and a purpose: the same demo on every load."""
    digest = hashlib.sha256(f"{purpose}:{code}".encode()).digest()
    return int.from_bytes(digest[:8], "big") / 2**64


def _pdf(lines):
    """A minimal one-page PDF with ``lines`` of text (ASCII), written without any library."""
    text = "BT /F1 14 Tf 60 780 Td 18 TL " + " ".join(
        "({}) '".format(line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")) for line in lines
    )
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(text.encode()) + text.encode() + b" ET\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out, offsets = bytearray(b"%PDF-1.4\n"), []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def _demo_sop():
    if not default_storage.exists(DEMO_SOP_NAME):
        default_storage.save(
            DEMO_SOP_NAME,
            ContentFile(
                _pdf(
                    [
                        "Schoolondersteuningsprofiel (DEMO - voorbeeld, niet echt)",
                        "",
                        "Dit document is verzonnen om te laten zien hoe het platform werkt.",
                        "Een echt SOP beschrijft welke ondersteuning de school biedt:",
                        "basisondersteuning, extra ondersteuning en met wie de school samenwerkt.",
                    ]
                )
            ),
        )
    return DEMO_SOP_NAME


def _specialisms_for(school, specialisms):
    if school.school_type in SPECIAL_TYPES:
        slugs = BY_CLUSTER.get(school.cluster, SPECIAL_DEFAULT)
    else:
        slugs = BY_TYPE.get(school.school_type, BY_TYPE[SchoolType.REGULAR])
    count = 1 + int(_draw(school.location_code, "count") * min(3, len(slugs)))
    start = int(_draw(school.location_code, "start") * len(slugs))
    chosen = [slugs[(start + index) % len(slugs)] for index in range(count)]
    return [specialisms[slug] for slug in chosen if slug in specialisms]


def load_demo(partnership_codes):
    """Import the demo regions' schools and give a share of them a demo support profile."""
    rows, _skipped = read_file(EXTRACT_2024)
    import_rows(rows, only_partnerships=set(partnership_codes))
    repaired = School.objects.filter(
        support_profile_url__startswith=OLD_HISTORY_SOP_URL, profile_is_demo=False
    ).update(profile_is_demo=True)
    specialisms = {item.slug: item for item in Specialism.objects.all()}
    schools = (
        School.objects.filter(partnerships__code__in=partnership_codes, profile_is_demo=False)
        .filter(support_profile_url="", support_profile_file="", parent_contact="", specialisms=None)
        .distinct()
    )
    sop = None
    Through = School.specialisms.through
    links, profiled = [], []
    for school in schools:
        share = SHARE_SPECIAL if school.school_type in SPECIAL_TYPES else SHARE_OTHER
        if _draw(school.location_code, "profile") >= share:
            continue
        sop = sop or _demo_sop()
        school.support_profile_file = sop
        where = f"telefoon {school.phone}" if school.phone else "via de administratie van de school"
        role = "de intern begeleider" if school.sector == "po" else "de zorgcoördinator"
        school.parent_contact = f"Vraag naar {role}, {where}. (Voorbeeld, demo)"
        school.profile_is_demo = True
        profiled.append(school)
        links += [
            Through(school_id=school.pk, specialism_id=item.pk)
            for item in _specialisms_for(school, specialisms)
        ]
    School.objects.bulk_update(
        profiled, ["support_profile_file", "parent_contact", "profile_is_demo"], batch_size=500
    )
    Through.objects.bulk_create(links, batch_size=500, ignore_conflicts=True)
    if profiled or repaired:
        transaction.on_commit(bump_generation)
    return len(profiled)


# --- Schools as partners (issue 18): demo school contact persons, proposals and opinions ----------

DEMO_REMARKS = [
    "(Voorbeeld) Snel teruggebeld, ouders waren blij met de uitleg.",
    "(Voorbeeld) Graag vaker een spreekuur op school.",
    "(Voorbeeld) Fijn dat ouders een onafhankelijke plek hebben.",
    "",
    "(Voorbeeld) De folder is duidelijk, we delen hem bij elk zorggesprek.",
    "",
]


def _demo_contact_user(username, school):
    from django.contrib.auth import get_user_model

    user, created = get_user_model().objects.get_or_create(
        username=username,
        defaults={
            "email": f"{username}@demo.example",
            "first_name": "Schoolcontactpersoon",
            "last_name": f"({school.name}, demo)",
        },
    )
    if created:
        user.set_unusable_password()
        user.save()
    return user


def load_partners(support_point, contact_user, editor=None):
    """Give the demo login ``contact_user`` a school of the region with an approved and a waiting profile
    change (made up, marked demo), and have six other demo schools give their opinion of the steunpunt this
    half year (enough to show in the board report). Safe to repeat. Returns the login's school."""
    from .models import ProfileProposal, ProposalStatus, SchoolContact, SchoolEvaluationGiven
    from .services import (
        half_year,
        profile_decide,
        profile_propose,
        school_contact_grant,
        school_evaluation_give,
    )

    schools = list(
        School.objects.filter(partnerships__support_point=support_point, school_type=SchoolType.REGULAR)
        .distinct()
        .order_by("location_code")[:7]
    )
    if not schools:
        return None
    own, others = schools[0], schools[1:]
    grant = SchoolContact.objects.filter(user=contact_user, support_point=support_point).first()
    if grant is None:
        grant = school_contact_grant(
            school=own, support_point=support_point, email=contact_user.email, user=contact_user
        )
    own = grant.school
    if not ProfileProposal.objects.filter(school=own, support_point=support_point).exists():
        specialisms = {item.slug: item for item in Specialism.objects.all()}
        approved = profile_propose(
            grant=grant,
            data={
                "support_profile_file": _demo_sop(),
                "support_coordinator": "Mevrouw J. de Boer, intern begeleider (Voorbeeld, demo)",
                "parent_contact": "Bel de school op maandag of donderdag, of mail zorg@school.example. "
                "(Voorbeeld, demo)",
                "note": "(Voorbeeld) Ons nieuwe SOP van dit schooljaar.",
            },
            specialisms=[
                specialisms[slug] for slug in ("dyslexie", "hoogbegaafdheid") if slug in specialisms
            ],
            by=contact_user,
            is_demo=True,
        )
        profile_decide(proposal=approved, to=ProposalStatus.APPROVED, by=editor)
        profile_propose(
            grant=grant,
            data={
                "support_profile_url": "https://school.example/ondersteuning",
                "support_coordinator": "Mevrouw J. de Boer, intern begeleider (Voorbeeld, demo)",
                "parent_contact": "Mail zorg@school.example; we bellen binnen twee werkdagen terug. "
                "(Voorbeeld, demo)",
                "note": "(Voorbeeld) Nieuwe manier om ons te bereiken.",
            },
            specialisms=[
                specialisms[slug] for slug in ("dyslexie", "hoogbegaafdheid", "adhd") if slug in specialisms
            ],
            by=contact_user,
            is_demo=True,
        )
    period = half_year()
    for index, school in enumerate(others):
        if SchoolEvaluationGiven.objects.filter(
            school=school, support_point=support_point, period=period
        ).exists():
            continue
        user = _demo_contact_user(f"{support_point.slug}-school-demo-{school.location_code.lower()}", school)
        other = school_contact_grant(school=school, support_point=support_point, email=user.email, user=user)
        school_evaluation_give(
            grant=other,
            reachable=(5, 4, 4, 3, 5, 4)[index % 6],
            useful=(5, 5, 4, 4, 3, 5)[index % 6],
            remark=DEMO_REMARKS[index % len(DEMO_REMARKS)],
            period=period,
            is_demo=True,
        )
    return own
