"""Make the national data set: 150 steunpunten, N questions (cases) over two years and 5,000 articles.

    .venv/bin/python bench/generate_cases.py [--cases 1000000 | --quick] [--articles 5000]
                                             [--database-url URL]

(``make national-data`` runs it with the defaults: 150 steunpunten, 1,000,000 cases, 5,000 articles.)
It is the database of P5–P7 and of ``make bench``'s national figures.

Safe to repeat: a database that already holds N cases is reused as it is; one that holds fewer
gets the missing ones. Steps:

1. create the database, ``migrate``, ``load_demo_data`` (the demo steunpunten Noord and Midden with
   their accounts, themes, schools and the national organisations of the social map);
2. 148 more steunpunten through ``tenants.services.support_point_create`` (each with its site and
   home page, as the platform's own form makes them) and a consultant for each, through
   ``membership_grant``;
3. the cases in SQL, ``INSERT … SELECT … FROM generate_series`` in batches of 100,000, each batch
   with its related rows: themes (1–2), support given (1–2 for handled cases), the status history,
   contact moments (1–3 for handled cases, with minutes), messages (30% of the cases that still
   have their texts), referrals (to national organisations) and reminders;
4. the national articles: ``generate_articles.py`` brings the library up to ``--articles`` live
   articles (default 5,000; the first 200 through Wagtail's API, the rest in bulk, see
   bench/README.md);
5. ``collectstatic`` (production settings need the manifest), ``VACUUM ANALYZE``.

The distributions: steunpunten differ in size (the n-th largest gets about ``n^-1/3`` as many;
Noord is the largest, ≈ 3.5% of all cases, Midden the second); cases are spread evenly over the two
years before today; a case older than two months is closed (98%), recent ones are new, in progress
or waiting; closed cases older than the 12-month retention period are anonymised as the retention
task does it (texts emptied, messages removed, the private link replaced); open and closed cases are
assigned to the steunpunt's consultant (for Noord the demo account ``noord-consultant``), new ones
to nobody. Not written: audit records, evaluation invitations and article reads.
"""

import argparse
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import cases_common
import common
import prepare

BATCH = 100_000
# The themes, channels and kinds are the app's own stored values (support/models/choices.py).
QUESTIONS = [
    "Mijn zoon zit sinds de herfstvakantie thuis omdat de school zegt dat ze hem niet kunnen helpen.",
    "De school wil een toelaatbaarheidsverklaring aanvragen voor het speciaal onderwijs.",
    "Wat staat er in het ontwikkelingsperspectief en mag ik daar iets van vinden?",
    "Mijn dochter krijgt geen extra ondersteuning terwijl dat wel was afgesproken.",
    "De leerplichtambtenaar heeft ons uitgenodigd voor een gesprek over verzuim.",
    "Hoe werkt de zorgplicht als er geen passende plek is in de buurt?",
    "Wij zijn het niet eens met het schooladvies voor het voortgezet onderwijs.",
    "Mijn kind wordt gepest en de school onderneemt volgens ons te weinig.",
    "Kan de school mijn kind schorsen zonder gesprek met ons als ouders?",
    "Er is een wachtlijst voor de jeugdhulp en intussen gaat het thuis niet goed.",
    "Wie betaalt het leerlingenvervoer naar de school voor speciaal onderwijs?",
    "Ik wil graag dat iemand meegaat naar het gesprek met de intern begeleider.",
]
NAMES = ["Fatima", "Jeroen", "Sanne", "Mohamed", "Linda", "Pieter", "Anouk", "Yusuf", "Marieke", "Kevin"]
SURNAMES = ["de Vries", "Jansen", "Bakker", "El Amrani", "Visser", "Smit", "Yilmaz", "de Boer", "Mulder"]
SUMMARIES = [
    "Uitleg gegeven over de zorgplicht en de stappen met het samenwerkingsverband.",
    "Telefonisch besproken wat in het OPP moet staan; ouder stuurt het concept.",
    "Meegedacht over het gesprek met school; vragen voorbereid.",
    "Samen met ouder de mogelijkheden voor een andere school op een rij gezet.",
    "Teruggebeld: de situatie is rustiger, school heeft een plan gemaakt.",
]
MESSAGES = [
    "Dank voor uw vraag. Wanneer kunnen wij u het beste bellen?",
    "Morgenochtend na negen uur kan ik goed.",
    "Ik heb het gesprek met school gehad, het ging beter dan verwacht.",
    "Hierbij de informatie over de toelaatbaarheidsverklaring die we bespraken.",
    "Kunt u nog iets vertellen over wat de school tot nu toe heeft gedaan?",
]

CASE_COLUMNS = (
    "reference, access_token, status, channel, urgent, requester_kind, age_group, school_type, school_name, "
    "question, requester_name, requester_email, requester_phone, answer_by, callback_times, consent_at, "
    "created_at, updated_at, first_contact_due, first_contact_at, closed_at, outcome, close_reason, "
    "anonymised_at, version, assigned_to_id, school_id, support_point_id, evaluation_consent, "
    "evaluation_token, language, interpreter_needed"
)

# One batch of cases. Level g draws the random numbers, level s the categories, level t the moments.
INSERT_CASES = f"""
INSERT INTO support_case ({CASE_COLUMNS})
SELECT
    'V-' || substr(%(alphabet)s, ((code >> 35) & 31)::int + 1, 1)
         || substr(%(alphabet)s, ((code >> 30) & 31)::int + 1, 1)
         || substr(%(alphabet)s, ((code >> 25) & 31)::int + 1, 1)
         || substr(%(alphabet)s, ((code >> 20) & 31)::int + 1, 1)
         || substr(%(alphabet)s, ((code >> 15) & 31)::int + 1, 1)
         || substr(%(alphabet)s, ((code >> 10) & 31)::int + 1, 1)
         || substr(%(alphabet)s, ((code >> 5) & 31)::int + 1, 1)
         || substr(%(alphabet)s, (code & 31)::int + 1, 1),
    CASE WHEN anonymised THEN 'x' ELSE '' END
        || rtrim(translate(encode(sha256(convert_to('bench-case-' || i, 'UTF8')), 'base64'), '+/', '-_'),
                 '='),
    status, channel, urgent, requester_kind, age_group, school_type, '',
    CASE WHEN anonymised THEN '' ELSE (%(questions)s::text[])[q1] || ' ' || (%(questions)s::text[])[q2] END,
    CASE WHEN anonymised OR rname > 0.55 THEN ''
         ELSE (%(names)s::text[])[1 + (i %% %(n_names)s)] || ' '
              || (%(surnames)s::text[])[1 + (i %% %(n_surnames)s)] END,
    CASE WHEN anonymised OR NOT (answer_by = 'email' OR rmail < 0.3) THEN ''
         ELSE 'ouder' || i || '@example.test' END,
    CASE WHEN anonymised OR answer_by <> 'phone' THEN ''
         ELSE '06 ' || lpad((i %% 100000000)::text, 8, '0') END,
    answer_by,
    CASE WHEN channel = 'callback' AND NOT anonymised THEN 'dinsdag- of donderdagochtend' ELSE '' END,
    created_at, created_at, coalesce(closed_at, first_contact_at, created_at),
    created_at + CASE WHEN urgent THEN interval '1 day' ELSE interval '3 days' END,
    first_contact_at, closed_at, outcome, '',
    CASE WHEN anonymised THEN least(%(now)s, closed_at + interval '12 months 1 day') END,
    1 + (status <> 'new')::int + (status IN ('closed', 'waiting'))::int + 2 * (status = 'reopened')::int,
    CASE WHEN status = 'new' THEN NULL ELSE (%(consultants)s::int[])[sp] END,
    NULL, (%(support_points)s::bigint[])[sp], reval < 0.4, '',
    -- Most questions in Dutch; one in twenty in another language, half of those with an interpreter.
    CASE WHEN i %% 20 = 7 THEN 'pl' WHEN i %% 20 = 13 THEN 'ar' ELSE 'nl' END,
    i %% 40 = 13
FROM (
    SELECT *,
        status = 'closed' AND closed_at < %(now)s - interval '12 months' AS anonymised
    FROM (
        SELECT *,
            %(now)s - age * interval '1 day' AS created_at,
            CASE WHEN status <> 'new' THEN %(now)s - (age - least(fc_days, age)) * interval '1 day' END
                AS first_contact_at,
            CASE WHEN status = 'closed' THEN %(now)s - (age - least(cl_days, age)) * interval '1 day' END
                AS closed_at
        FROM (
            SELECT i, sp, age, q1, q2, rname, rmail, reval, code, requester_kind, channel,
                CASE WHEN requester_kind = 'child' THEN '4_12'
                     WHEN requester_kind = 'young_person'
                         THEN CASE WHEN rage < 0.85 THEN '12_18' ELSE '18_plus' END
                     WHEN rage < 0.03 THEN 'under_4' WHEN rage < 0.53 THEN '4_12'
                     WHEN rage < 0.91 THEN '12_18'
                     WHEN rage < 0.95 THEN '18_plus' ELSE 'unknown' END AS age_group,
                school_type,
                school_type = 'none' OR rurg < 0.05 AS urgent,
                CASE WHEN channel IN ('callback', 'phone') THEN 'phone'
                     WHEN rans < 0.65 THEN 'email' WHEN rans < 0.85 THEN 'phone' ELSE 'link' END AS answer_by,
                CASE WHEN age > 60 THEN CASE WHEN rs < 0.98 THEN 'closed' WHEN rs < 0.99 THEN 'in_progress'
                                             ELSE 'waiting' END
                     WHEN age > 14 THEN CASE WHEN rs < 0.60 THEN 'closed' WHEN rs < 0.85 THEN 'in_progress'
                                             WHEN rs < 0.95 THEN 'waiting' ELSE 'reopened' END
                     ELSE CASE WHEN rs < 0.40 THEN 'new' WHEN rs < 0.75 THEN 'in_progress'
                               WHEN rs < 0.85 THEN 'waiting' ELSE 'closed' END END AS status,
                CASE WHEN rout < 0.45 THEN 'solved' WHEN rout < 0.65 THEN 'partly'
                     WHEN rout < 0.70 THEN 'not_solved' WHEN rout < 0.85 THEN 'referred'
                     WHEN rout < 0.95 THEN 'no_contact' ELSE 'withdrawn' END
                    AS outcome0,
                power(rfc, 3) * 8 AS fc_days,
                power(rfc, 3) * 8 + 1 + power(rcl, 2) * 90 AS cl_days
            FROM (
                SELECT *,
                    CASE WHEN channel = 'web_youth'
                             THEN CASE WHEN rkind < 0.25 THEN 'child' ELSE 'young_person' END
                         WHEN rkind < 0.80 THEN 'parent' WHEN rkind < 0.93 THEN 'professional'
                         ELSE 'other' END
                        AS requester_kind,
                    CASE WHEN rschool < 0.40 THEN 'primary' WHEN rschool < 0.45 THEN 'sbo'
                         WHEN rschool < 0.51 THEN 'so' WHEN rschool < 0.76 THEN 'secondary'
                         WHEN rschool < 0.82 THEN 'vso' WHEN rschool < 0.85 THEN 'pro'
                         WHEN rschool < 0.89 THEN 'mbo' WHEN rschool < 0.95 THEN 'none' ELSE 'unknown' END
                        AS school_type
                FROM (
                    SELECT i,
                        1 + floor(%(n_support_points)s * power(random(), 1.5))::int AS sp,
                        random() * 730 AS age,
                        (i * 2654435761) %% 1099511627776 AS code,
                        1 + floor(random() * %(n_questions)s)::int AS q1,
                        1 + floor(random() * %(n_questions)s)::int AS q2,
                        CASE WHEN r < 0.45 THEN 'web' WHEN r < 0.53 THEN 'web_youth'
                             WHEN r < 0.63 THEN 'callback' WHEN r < 0.83 THEN 'phone'
                             WHEN r < 0.95 THEN 'email' WHEN r < 0.98 THEN 'walk_in'
                             ELSE 'consultation' END AS channel,
                        random() AS rkind, random() AS rage, random() AS rschool, random() AS rurg,
                        random() AS rans, random() AS rs, random() AS rout, random() AS rfc, random() AS rcl,
                        random() AS rname, random() AS rmail, random() AS reval
                    FROM (SELECT i, random() AS r
                          FROM generate_series(%(first)s::bigint, %(last)s::bigint) AS i) AS n
                ) AS g
            ) AS g2
        ) AS s
    ) AS t
) AS u
CROSS JOIN LATERAL (SELECT CASE WHEN status = 'closed' THEN outcome0 ELSE '' END AS outcome) AS o
ON CONFLICT DO NOTHING
"""  # noqa: S608  (column list is a constant; every value is a parameter)

# The rows that belong to the cases of one batch (id > %(after)s), each statement set-based.
RELATED = [
    (
        "themes",
        """
        INSERT INTO support_case_themes (case_id, theme_id)
        SELECT c.id, (%(themes)s::bigint[])[1 + (c.k + 7 * j) %% %(n_themes)s]
        FROM (SELECT id, floor(%(n_themes)s * power(random(), 2))::int AS k, 1 + (random() < 0.45)::int AS n
              FROM support_case WHERE id > %(after)s) AS c
        CROSS JOIN LATERAL generate_series(0, c.n - 1) AS j
        """,
    ),
    (
        "support given",
        """
        INSERT INTO support_casesupport (case_id, kind)
        SELECT c.id,
            (ARRAY['information', 'advice', 'accompaniment', 'mediation', 'referral'])[1 + (c.k + 2 * j) %% 5]
        FROM (SELECT id, floor(5 * power(random(), 2))::int AS k, 1 + (random() < 0.35)::int AS n
              FROM support_case WHERE id > %(after)s AND status <> 'new') AS c
        CROSS JOIN LATERAL generate_series(0, c.n - 1) AS j
        """,
    ),
    (
        "status changes",
        """
        INSERT INTO support_statuschange (case_id, from_status, to_status, by_id, at)
        SELECT id, '', 'new', NULL, created_at FROM support_case WHERE id > %(after)s
        UNION ALL
        SELECT id, 'new', 'in_progress', assigned_to_id, first_contact_at
        FROM support_case WHERE id > %(after)s AND status <> 'new'
        UNION ALL
        SELECT id, 'in_progress', 'waiting', assigned_to_id,
            least(%(now)s, first_contact_at + interval '2 days')
        FROM support_case WHERE id > %(after)s AND status = 'waiting'
        UNION ALL
        SELECT id, 'in_progress', 'closed', assigned_to_id, closed_at
        FROM support_case WHERE id > %(after)s AND status = 'closed'
        UNION ALL
        SELECT id, 'in_progress', 'closed', assigned_to_id,
            first_contact_at + (%(now)s - first_contact_at) / 3
        FROM support_case WHERE id > %(after)s AND status = 'reopened'
        UNION ALL
        SELECT id, 'closed', 'reopened', assigned_to_id,
            first_contact_at + (%(now)s - first_contact_at) * 2 / 3
        FROM support_case WHERE id > %(after)s AND status = 'reopened'
        """,
    ),
    (
        "contacts",
        """
        INSERT INTO support_contact (case_id, channel, "on", minutes, summary, by_id)
        SELECT c.id,
            CASE WHEN c.r < 0.6 THEN 'phone' WHEN c.r < 0.85 THEN 'email' ELSE 'walk_in' END,
            ((c.first_contact_at + (coalesce(c.closed_at, %(now)s) - c.first_contact_at) * j / c.n)
                AT TIME ZONE 'Europe/Amsterdam')::date,
            10 + floor(power(random(), 2) * 80)::int,
            CASE WHEN c.anonymised_at IS NULL THEN (%(summaries)s::text[])[1 + (c.id + j) %% %(n_summaries)s]
                 ELSE '' END,
            c.assigned_to_id
        FROM (SELECT id, first_contact_at, closed_at, anonymised_at, assigned_to_id, random() AS r,
                     1 + floor(random() * 3)::int AS n
              FROM support_case WHERE id > %(after)s AND status <> 'new') AS c
        CROSS JOIN LATERAL generate_series(0, c.n - 1) AS j
        """,
    ),
    (
        "messages",
        """
        INSERT INTO support_message (case_id, from_requester, body, author_id, created_at)
        SELECT c.id, j %% 2 = 1, (%(messages)s::text[])[1 + (c.id + j) %% %(n_messages)s],
            CASE WHEN j %% 2 = 1 THEN NULL ELSE c.assigned_to_id END,
            c.created_at + (coalesce(c.closed_at, %(now)s) - c.created_at) * (j + 1) / (c.n + 1)
        FROM (SELECT id, created_at, closed_at, assigned_to_id, 1 + floor(random() * 4)::int AS n
              FROM support_case
              WHERE id > %(after)s AND anonymised_at IS NULL AND status <> 'new' AND random() < 0.3) AS c
        CROSS JOIN LATERAL generate_series(0, c.n - 1) AS j
        """,
    ),
    (
        "referrals",
        """
        INSERT INTO support_referral (case_id, organisation_id, consent, outcome, note, created_at)
        SELECT id, (%(organisations)s::bigint[])[1 + floor(random() * %(n_organisations)s)::int], true,
            CASE WHEN status <> 'closed' THEN 'unknown' WHEN random() < 0.7 THEN 'arrived'
                 WHEN random() < 0.5 THEN 'not_arrived' ELSE 'unknown' END,
            '', first_contact_at + (coalesce(closed_at, %(now)s) - first_contact_at) / 2
        FROM support_case
        WHERE id > %(after)s AND status <> 'new' AND (outcome = 'referred' OR random() < 0.03)
        """,
    ),
    (
        "reminders",
        """
        INSERT INTO support_reminder (case_id, due_on, note, done_at, by_id)
        SELECT id,
            CASE WHEN status = 'closed' THEN (first_contact_at AT TIME ZONE 'Europe/Amsterdam')::date + 3
                 ELSE (%(now)s AT TIME ZONE 'Europe/Amsterdam')::date - 3 + floor(random() * 14)::int END,
            CASE WHEN anonymised_at IS NULL THEN 'Terugbellen: hoe ging het gesprek met school?' ELSE '' END,
            CASE WHEN status = 'closed' THEN first_contact_at + interval '3 days' END,
            assigned_to_id
        FROM support_case
        WHERE id > %(after)s AND ((status IN ('in_progress', 'waiting', 'reopened') AND random() < 0.3)
                                   OR (status = 'closed' AND random() < 0.1))
        """,
    ),
]


def _psql(db_url, sql):
    return common.run([common.tool("psql"), db_url, "-tAc", sql], capture=True).stdout.strip()


def ensure_support_points(count):
    """In a Django process: steunpunten up to ``count`` (the demo's two and ``regio-NNN``), each with a
    consultant. Through the services, as the platform's own forms create them."""
    from django.contrib.auth import get_user_model
    from django.db import transaction

    from steunpunt.tenants.models import SupportPoint
    from steunpunt.tenants.roles import Role
    from steunpunt.tenants.services import membership_grant, support_point_create

    User = get_user_model()
    number = 0
    while SupportPoint.objects.count() < count:
        number += 1
        slug = f"regio-{number:03d}"
        if SupportPoint.objects.filter(slug=slug).exists():
            continue
        with transaction.atomic():
            support_point = support_point_create(
                name=f"Steunpunt Regio {number:03d}",
                slug=slug,
                hostname=f"{slug}.localhost",
                partnership_codes=[f"PO{3000 + number}", f"VO{3000 + number}"],
                email=f"info@{slug}.example",
                port=common.APP_PORT,
            )
            user, _created = User.objects.get_or_create(
                username=f"{slug}-consultant",
                defaults={"first_name": "Consulent", "last_name": slug, "email": f"consulent@{slug}.example"},
            )
            membership_grant(user=user, support_point=support_point, role=Role.CONSULTANT)


def _lists(connection):
    """The ids the rows point to: steunpunten (Noord first), their consultants, themes, organisations."""
    with connection.cursor() as cursor:
        cursor.execute(
            """
            SELECT s.id, (SELECT min(m.user_id) FROM tenants_membership m
                          JOIN auth_user u ON u.id = m.user_id
                          WHERE m.support_point_id = s.id AND m.role = 'consultant'
                            AND u.username = s.slug || '-consultant')
            FROM tenants_supportpoint s
            ORDER BY s.slug <> 'noord', s.slug <> 'midden', s.id
            """
        )
        rows = cursor.fetchall()
        cursor.execute("SELECT id FROM information_theme ORDER BY id")
        themes = [row[0] for row in cursor.fetchall()]
        cursor.execute("SELECT id FROM socialmap_organisation WHERE support_point_id IS NULL ORDER BY id")
        organisations = [row[0] for row in cursor.fetchall()]
    if any(consultant is None for _id, consultant in rows):
        raise SystemExit("a steunpunt without its consultant: run generate_cases.py again")
    return {
        "support_points": [row[0] for row in rows],
        "consultants": [row[1] for row in rows],
        "n_support_points": len(rows),
        "themes": themes,
        "n_themes": len(themes),
        "organisations": organisations,
        "n_organisations": len(organisations),
    }


def generate(db_url, cases):
    """Add cases (and their rows) until the database holds ``cases``; returns how many were added."""
    import psycopg

    alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # services.REFERENCE_ALPHABET
    with psycopg.connect(db_url, autocommit=True) as connection:
        connection.execute("SET synchronous_commit = off")
        connection.execute("SELECT setseed(0.20251129)")
        params = _lists(connection)
        params |= {
            "alphabet": alphabet,
            "questions": QUESTIONS,
            "n_questions": len(QUESTIONS),
            "names": NAMES,
            "n_names": len(NAMES),
            "surnames": SURNAMES,
            "n_surnames": len(SURNAMES),
            "summaries": SUMMARIES,
            "n_summaries": len(SUMMARIES),
            "messages": MESSAGES,
            "n_messages": len(MESSAGES),
            "now": datetime.now(UTC),
        }
        have = connection.execute("SELECT count(*) FROM support_case").fetchone()[0]
        added = 0
        while have < cases:
            started = time.monotonic()
            after = connection.execute("SELECT coalesce(max(id), 0) FROM support_case").fetchone()[0]
            size = min(BATCH, cases - have)
            timings = []
            with connection.transaction():
                connection.execute(INSERT_CASES, params | {"first": after + 1, "last": after + size})
                timings.append(f"cases {time.monotonic() - started:.0f} s")
                for name, sql in RELATED:
                    step = time.monotonic()
                    connection.execute(sql, params | {"after": after})
                    timings.append(f"{name} {time.monotonic() - step:.0f} s")
            now_have = connection.execute("SELECT count(*) FROM support_case").fetchone()[0]
            added += now_have - have
            have = now_have
            common.note(f"{have:,} cases ({time.monotonic() - started:.0f} s: {', '.join(timings)})")
    return added


def ensure_cases_database(db_url, cases, *, articles=cases_common.NATIONAL_ARTICLES, collectstatic=True):
    """Create, migrate and fill ``db_url`` with the demo, 150 steunpunten, ``cases`` cases and
    ``articles`` live national articles."""
    started = time.monotonic()
    name = common.database_name(db_url)
    common.banner(
        f"Case database {name}: {cases:,} cases over {cases_common.STEUNPUNTEN} steunpunten, "
        f"{articles:,} articles"
    )
    if not prepare.database_exists(db_url):
        common.note(f"creating database {name}")
        if not name.replace("_", "").isalnum() or name.lower() != name:
            sys.exit(f"Refusing to create a database named {name!r}: use lower-case letters, digits and _.")
        common.run([common.tool("psql"), prepare._psql_url(db_url), "-qc", f"CREATE DATABASE {name}"])
    common.manage("migrate", "--noinput", "-v", "0", db_url=db_url)
    if _psql(db_url, "SELECT count(*) FROM wagtailcore_site WHERE hostname = 'noord.localhost'") != "1":
        common.note(
            "loading the demo steunpunten (load_demo_data, dev settings: production refuses demo data)"
        )
        common.VAR.mkdir(parents=True, exist_ok=True)
        common.manage(
            "load_demo_data",
            "--port",
            common.APP_PORT,
            "--logins-file",
            common.VAR / f"demo-logins-{name}.json",
            db_url=db_url,
            settings="steunpunt.conf.dev",
            capture=True,
        )
    have = int(_psql(db_url, "SELECT count(*) FROM tenants_supportpoint"))
    if have < cases_common.STEUNPUNTEN:
        step = time.monotonic()
        common.run(
            [common.PYTHON, __file__, "--support-points-only", "--database-url", db_url],
            env=common.app_env(db_url),
        )
        common.note(
            f"{cases_common.STEUNPUNTEN - have} steunpunten created through support_point_create "
            f"in {time.monotonic() - step:.0f} s"
        )
    existing = cases_common.case_count(db_url)
    if existing >= cases:
        common.note(f"{existing:,} cases already: reused as it is")
    else:
        step = time.monotonic()
        added = generate(db_url, cases)
        common.note(f"{added:,} cases generated in {time.monotonic() - step:.0f} s")
    articles_before = common.live_articles(db_url)
    if articles_before < articles:
        step = time.monotonic()
        common.run(
            [
                common.PYTHON,
                common.BENCH / "generate_articles.py",
                "--articles",
                articles,
                "--database-url",
                db_url,
            ],
            env=common.app_env(db_url),
        )
        common.note(f"{articles - articles_before:,} articles generated in {time.monotonic() - step:.0f} s")
    else:
        common.note(f"{articles_before:,} articles already: reused as they are")
    if collectstatic:
        common.manage("collectstatic", "--noinput", "-v", "0", db_url=db_url)
    if existing < cases or articles_before < articles:
        step = time.monotonic()
        common.run([common.tool("psql"), db_url, "-qc", "VACUUM ANALYZE"])
        common.note(f"VACUUM ANALYZE in {time.monotonic() - step:.0f} s")
    size = _psql(db_url, f"SELECT pg_size_pretty(pg_database_size('{name}'))")
    common.note(f"database ready in {time.monotonic() - started:.0f} s ({size})")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help=f"{cases_common.MEDIUM_CASES:,} cases")
    parser.add_argument("--cases", type=int, help=f"default {cases_common.FULL_CASES:,} (BENCH_CASES)")
    parser.add_argument(
        "--articles",
        type=int,
        default=cases_common.NATIONAL_ARTICLES,
        help=f"live national articles (default {cases_common.NATIONAL_ARTICLES:,})",
    )
    parser.add_argument("--database-url", help="default: the case database for that many cases")
    parser.add_argument("--support-points-only", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.support_points_only:
        common.setup_django(args.database_url)
        ensure_support_points(cases_common.STEUNPUNTEN)
        return
    cases = args.cases or cases_common.big_cases(args.quick)
    ensure_cases_database(args.database_url or cases_common.cases_url(cases), cases, articles=args.articles)


if __name__ == "__main__":
    main()
