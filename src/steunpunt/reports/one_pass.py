"""The case figures of a report in one pass over the steunpunt's cases (PostgreSQL).

:func:`steunpunt.reports.aggregates.case_figures_for` uses this on PostgreSQL, where one statement
can read the cases once into a materialised CTE and compute every count of every period from it
(GROUPING SETS), the percentiles with ``percentile_disc`` (nearest rank, as the portable version),
and join themes, support, referrals and contact minutes to those cases only. SQLite has no
``percentile_disc`` nor ``GROUPING()``; there the portable ORM version runs. The tests run both on
PostgreSQL and compare them.
"""

from django.db import connection

from steunpunt.information.models import Theme
from steunpunt.socialmap.models import Organisation
from steunpunt.support.models import Case, CaseSupport, Contact, Referral

PARTITION_COLUMNS = ("requester_kind", "age_group", "school_type", "channel")


def _bucket(column, count):
    whens = " ".join(
        f"WHEN {column} >= %(start{i})s AND {column} < %(end{i})s THEN {i}" for i in range(count)
    )
    return f"CASE {whens} END"


def _sql(count):
    case_table = Case._meta.db_table
    themes = Case.themes.through._meta
    grouping = "GROUPING({})".format(", ".join(PARTITION_COLUMNS))
    # GROUPING(a, b, c, d) has a bit set for every column aggregated away, a first: the set that
    # keeps only requester_kind gives 0b0111, only age_group 0b1011, and so on.
    which = " ".join(
        f"WHEN {(2 ** len(PARTITION_COLUMNS) - 1) ^ (1 << (len(PARTITION_COLUMNS) - 1 - i))} THEN '{name}'"
        for i, name in enumerate(PARTITION_COLUMNS)
    )
    key = " ".join(f"WHEN GROUPING({name}) = 0 THEN {name}" for name in PARTITION_COLUMNS)
    sets = ", ".join(f"(came, {name})" for name in PARTITION_COLUMNS)
    # Only table and column names from the models and constants are formatted in; values go as parameters.
    return f"""
WITH c AS MATERIALIZED (
    SELECT id, {", ".join(PARTITION_COLUMNS)}, urgent, outcome,
        first_contact_at - created_at AS to_first, closed_at - created_at AS to_close,
        first_contact_at IS NOT NULL AS contacted,
        {_bucket("created_at", count)} AS came,
        {_bucket("closed_at", count)} AS shut
    FROM {case_table}
    WHERE support_point_id = %(support_point)s
      AND ((created_at >= %(low)s AND created_at < %(high)s)
           OR (closed_at >= %(low)s AND closed_at < %(high)s))
)
SELECT CASE {grouping} {which} END, came, CASE {key} END, count(*), NULL, NULL, NULL, NULL
FROM c WHERE came IS NOT NULL GROUP BY GROUPING SETS ({sets})
UNION ALL
SELECT 'all', came, NULL, count(*), count(*) FILTER (WHERE urgent), count(*) FILTER (WHERE contacted),
    percentile_disc(0.5) WITHIN GROUP (ORDER BY to_first) FILTER (WHERE contacted),
    percentile_disc(0.9) WITHIN GROUP (ORDER BY to_first) FILTER (WHERE contacted)
FROM c WHERE came IS NOT NULL GROUP BY came
UNION ALL
SELECT 'outcome', shut, outcome, count(*), NULL, NULL, NULL, NULL
FROM c WHERE shut IS NOT NULL GROUP BY shut, outcome
UNION ALL
SELECT 'closed', shut, NULL, count(*), NULL, NULL,
    percentile_disc(0.5) WITHIN GROUP (ORDER BY to_close),
    percentile_disc(0.9) WITHIN GROUP (ORDER BY to_close)
FROM c WHERE shut IS NOT NULL GROUP BY shut
UNION ALL
SELECT 'themes', c.came, t.name, count(*), NULL, NULL, NULL, NULL
FROM c JOIN {themes.db_table} ct ON ct.case_id = c.id JOIN {Theme._meta.db_table} t ON t.id = ct.theme_id
WHERE c.came IS NOT NULL GROUP BY c.came, t.name
UNION ALL
SELECT 'support', c.came, s.kind, count(*), NULL, NULL, NULL, NULL
FROM c JOIN {CaseSupport._meta.db_table} s ON s.case_id = c.id
WHERE c.came IS NOT NULL GROUP BY c.came, s.kind
UNION ALL
SELECT 'referrals', c.came, o.name, count(*), NULL, NULL, NULL, NULL
FROM c JOIN {Referral._meta.db_table} r ON r.case_id = c.id
    JOIN {Organisation._meta.db_table} o ON o.id = r.organisation_id
WHERE c.came IS NOT NULL GROUP BY c.came, o.name
UNION ALL
SELECT 'minutes', c.came, NULL, sum(m.minutes)::bigint, NULL, NULL, NULL, NULL
FROM c CROSS JOIN LATERAL (
    SELECT sum(minutes) AS minutes FROM {Contact._meta.db_table} WHERE case_id = c.id
) AS m
WHERE c.came IS NOT NULL GROUP BY c.came
"""  # noqa: S608  # nosec  # B608: names from the models; values as parameters


def raw_case_figures(support_point, periods):
    """Per period: ``{"partitions": {column: {value: n}}, "outcomes": {value: n}, "themes": {name: n},
    "support": {kind: n}, "referrals": {name: n}, "total", "urgent", "with_contact", "closed",
    "minutes", "first_contact": {median, p90, n}, "closing": {median, p90, n}}`` with raw values as
    stored (the caller turns them into labels). One statement; the periods must not overlap."""
    bounds = [period.bounds() for period in periods]
    params = {"support_point": support_point.pk, "low": min(b[0] for b in bounds)}
    params["high"] = max(b[1] for b in bounds)
    for index, (start, end) in enumerate(bounds):
        params[f"start{index}"], params[f"end{index}"] = start, end
    figures = [
        {
            "partitions": {name: {} for name in PARTITION_COLUMNS},
            "outcomes": {},
            "themes": {},
            "support": {},
            "referrals": {},
            "total": 0,
            "urgent": 0,
            "with_contact": 0,
            "closed": 0,
            "minutes": 0,
            "first_contact": {"median": None, "p90": None, "n": 0},
            "closing": {"median": None, "p90": None, "n": 0},
        }
        for _period in periods
    ]
    with connection.cursor() as cursor:
        cursor.execute(_sql(len(periods)), params)
        rows = cursor.fetchall()
    for part, index, key, n, urgent, contacted, median, p90 in rows:
        figure = figures[index]
        if part in PARTITION_COLUMNS:
            figure["partitions"][part][key] = n
        elif part == "all":
            figure.update(total=n, urgent=urgent, with_contact=contacted)
            figure["first_contact"] = {"median": median, "p90": p90, "n": contacted}
        elif part == "closed":
            figure["closed"] = n
            figure["closing"] = {"median": median, "p90": p90, "n": n}
        elif part == "minutes":
            figure["minutes"] = n or 0
        elif part == "outcome":
            figure["outcomes"][key] = n
        else:
            figure[part][key] = n
    return figures
