"""P6: the public question form on PostgreSQL: accepted submissions per second at 8 connections.

    .venv/bin/python bench/p6_question_form.py [--quick] [--no-prepare] [--seconds 10] [--rounds 2]
                                               [--anonymous] [--keep-database]

Every run starts from a fresh copy of the case database (``CREATE DATABASE … TEMPLATE``, 1,000,000
cases; --quick 100,000), ``steunpunt_bench_cases_form``, dropped at the end, so the questions posted
here never reach the databases of P5 and P7.

1. In-process (test client, one POST after a warm-up): the SQL statements of one accepted question,
   with the code that made each.
2. Under wrk (2 threads, 8 connections, gunicorn with 2 sync workers): POST /vraag/ on
   ``noord.localhost`` again and again (``p6_form.lua``), as a parent who gives an e-mail address
   (--anonymous: without one, so no confirmation mail). One CSRF cookie and token, fetched with a
   GET of the form first, serve every request (Django accepts a token for the cookie's lifetime).
   No proof of work is sent (a browser without JavaScript): the form's limit per address is set to
   ``PUBLIC_FORM_RATE=PUBLIC_FORM_RATE_UNVERIFIED=1000000/m`` for the bench, else it refuses the
   6th question within the hour. Mail goes to the outbox with ``TASK_BACKEND=database`` (no mail
   server involved; no worker runs, the tasks stay queued).
   Targets: ≥ 150 accepted (302) submissions/s, 0 errors, 0 lost. "Lost": every 302 answer names
   its private link; after the run every acknowledged link must be a case in the database, and
   a case without a 302 may only be one wrk cut off at the end (at most one per connection).
   References in the same run: nginx serving a static 1 KB file; PostgreSQL alone inserting the
   same support_case row (pgbench, 8 connections, one row a transaction).
"""

import argparse
import http.client
import json
import os
import re
import shutil
import sys
import tempfile
import time
import uuid
from http.cookies import SimpleCookie
from pathlib import Path
from urllib.parse import urlencode

sys.path.insert(0, str(Path(__file__).resolve().parent))

import cases_common
import common
import generate_cases
import inprocess
import prepare

RATE = "1000000/m"
LUA = common.BENCH / "p6_form.lua"
QUESTION = "Mijn dochter mag niet meer naar school. Wat kan ik doen? De school zegt dat er geen plek is."


def form_data(tag, theme, csrf_token=None, *, anonymous=False):
    data = {
        "requester_kind": "parent",
        "question": f"{tag} {QUESTION}",
        "themes": str(theme),
        "age_group": "4_12",
        "school_type": "primary",
        "school_name": "",
        "answer_by": "link" if anonymous else "email",
        "requester_name": "",
        "requester_email": "" if anonymous else "ouder@example.test",
        "requester_phone": "",
        "consent": "on",
        "website": "",
    }
    if csrf_token:
        data["csrfmiddlewaretoken"] = csrf_token
    return data


# --- in-process (child process) ----------------------------------------------------------------


def queries(anonymous):
    """The statements of one accepted question, posted with the test client (after a warm-up)."""
    from django.db import connection
    from django.test import Client

    from steunpunt.information.models import Theme

    theme = Theme.objects.order_by("pk").first().pk
    client = Client(HTTP_HOST=f"{common.HOST}:{common.APP_PORT}")
    statements = []
    for attempt in range(2):
        log = inprocess.QueryLog()
        with connection.execute_wrapper(log):
            data = form_data(f"P6-inprocess-{attempt}", theme, anonymous=anonymous)
            response = client.post("/vraag/", data)
        if response.status_code != 302:
            raise RuntimeError(f"POST /vraag/ answered {response.status_code}")
        statements = [{"table": inprocess._table(q["sql"]), "origin": q["origin"]} for q in log.queries]
    return {"statements": statements}


# --- the benchmark (parent process) ------------------------------------------------------------


def psql(db_url, sql):
    return common.run([common.tool("psql"), db_url, "-tAc", sql], capture=True).stdout.strip()


def fresh_copy(template_url, copy_url):
    """``copy_url`` as a new copy of ``template_url`` (nobody may be connected to the template)."""
    started = time.monotonic()
    name, template = common.database_name(copy_url), common.database_name(template_url)
    server = prepare._psql_url(copy_url)
    common.run([common.tool("psql"), server, "-qc", f"DROP DATABASE IF EXISTS {name}"])
    common.run(
        [common.tool("psql"), server, "-qc", f"CREATE DATABASE {name} TEMPLATE {template} STRATEGY FILE_COPY"]
    )
    common.note(f"{name}: a fresh copy of {template} in {time.monotonic() - started:.0f} s")


def drop(copy_url):
    name = common.database_name(copy_url)
    common.run([common.tool("psql"), prepare._psql_url(copy_url), "-qc", f"DROP DATABASE IF EXISTS {name}"])


def csrf_pair(port):
    """GET the form: the CSRF cookie (name and value) and the form's token."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        connection.request("GET", "/vraag/", headers={"Host": f"{common.HOST}:{port}"})
        response = connection.getresponse()
        body = response.read().decode()
        cookies = SimpleCookie()
        for header in response.headers.get_all("Set-Cookie") or []:
            cookies.load(header)
    finally:
        connection.close()
    name = next((key for key in cookies if key.endswith("csrftoken")), None)
    match = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', body)
    if response.status != 200 or name is None or match is None:
        raise SystemExit(f"GET /vraag/ answered {response.status} without a CSRF cookie and token")
    return f"{name}={cookies[name].value}", match.group(1)


def post_once(port, cookie, body):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        connection.request(
            "POST",
            "/vraag/",
            body=body,
            headers={
                "Host": f"{common.HOST}:{port}",
                "Cookie": cookie,
                "Content-Type": "application/x-www-form-urlencoded",
            },
        )
        response = connection.getresponse()
        return response.status, response.getheader("Location", ""), response.read()
    finally:
        connection.close()


STORED = "SELECT access_token FROM support_case WHERE question LIKE %(pattern)s"
# A case the form stored must have its status change, its theme and its audit record (one transaction).
INCOMPLETE = """
SELECT count(*) FROM support_case c
WHERE c.question LIKE %(pattern)s
  AND (NOT EXISTS (SELECT 1 FROM support_statuschange s WHERE s.case_id = c.id)
       OR NOT EXISTS (SELECT 1 FROM support_case_themes t WHERE t.case_id = c.id)
       OR NOT EXISTS (SELECT 1 FROM privacy_auditrecord a
                      WHERE a.object_type = 'case' AND a.object_id = c.id::text))
"""


def query(db_url, sql, params=None):
    import psycopg

    with psycopg.connect(db_url) as connection:
        return connection.execute(sql, params).fetchall()


class FormRuns:
    """The wrk runs of the form: each with its own tag in the question, and the links acknowledged."""

    def __init__(self, port, cookie, token, theme, directory, *, seconds, anonymous):
        self.port, self.cookie, self.token, self.theme = port, cookie, token, theme
        self.directory, self.seconds, self.anonymous = Path(directory), seconds, anonymous
        self.runs = []

    def __call__(self):
        tag = f"P6-{uuid.uuid4().hex[:12]}"
        body = self.directory / f"{tag}.body"
        body.write_text(urlencode(form_data(tag, self.theme, self.token, anonymous=self.anonymous)))
        prefix = self.directory / f"{tag}.tokens."
        result, data = cases_common.wrk(
            self.port,
            "/vraag/",
            headers=[f"Cookie: {self.cookie}", "Content-Type: application/x-www-form-urlencoded"],
            script=LUA,
            script_args=[body, prefix],
            seconds=self.seconds,
        )
        self.runs.append({"tag": tag, "prefix": prefix, "data": data, "result": result})
        return result

    def check(self, db_url):
        """Per run: 302s, cases stored, links acknowledged but not stored (lost), stored without a 302."""
        for run in self.runs:
            acknowledged = []
            for path in self.directory.glob(run["prefix"].name + "*"):
                for line in path.read_text().splitlines():
                    match = re.match(r"/mijn-vraag/([^/]+)/", line)
                    acknowledged.append(match.group(1) if match else line)
            pattern = {"pattern": f"{run['tag']} %"}
            stored = {row[0] for row in query(db_url, STORED, pattern)}
            incomplete = query(db_url, INCOMPLETE, pattern)[0][0]
            run |= {
                "acknowledged": len(acknowledged),
                "duplicates": len(acknowledged) - len(set(acknowledged)),
                "stored": len(stored),
                # A 302 whose link was not written down counts as lost too.
                "lost": len(set(acknowledged) - stored) + max(0, run["data"]["s302"] - len(acknowledged)),
                "unacknowledged": len(stored - set(acknowledged)),
                "incomplete": int(incomplete),
            }
            data = run["data"]
            common.note(
                f"{run['tag']}: {data['requests']} answers: {data['s302']} × 302, {data['s200']} × 200, "
                f"{data['s400']} × 400, {data['s403']} × 403, {data['s429']} × 429, {data['s5xx']} × 5xx, "
                f"{data['sother']} other; {run['stored']} cases stored, {run['lost']} acknowledged but "
                f"not stored, {run['unacknowledged']} stored without a 302 (cut off at the end), "
                f"{run['incomplete']} without status change/theme/audit record"
            )
        return self.runs


PGBENCH_SCRIPT = """\
INSERT INTO support_case (reference, access_token, status, channel, urgent, requester_kind, age_group, \
school_type, school_name, question, requester_name, requester_email, requester_phone, answer_by, \
callback_times, consent_at, created_at, updated_at, first_contact_due, first_contact_at, closed_at, \
outcome, close_reason, anonymised_at, version, assigned_to_id, school_id, support_point_id, \
evaluation_consent, evaluation_token, language, interpreter_needed) \
SELECT 'P-' || n, 'pgbench-' || n || '-' || md5(n::text), 'new', 'web', false, 'parent', '4_12', \
'primary', '', 'pgbench {question}', '', 'ouder@example.test', '', 'email', '', now(), now(), now(), \
now() + interval '3 days', NULL, NULL, '', '', NULL, 1, NULL, NULL, {support_point}, false, '', 'nl', false \
FROM (SELECT nextval('p6_pgbench') AS n) AS s;
"""


def pgbench(db_url, seconds):
    """PostgreSQL alone: the form's support_case row, one INSERT a transaction, 8 connections."""
    support_point = psql(db_url, "SELECT id FROM tenants_supportpoint WHERE slug = 'noord'")
    psql(db_url, "CREATE SEQUENCE IF NOT EXISTS p6_pgbench")
    with tempfile.NamedTemporaryFile("w", suffix=".sql", prefix="bench-p6-") as script:
        script.write(PGBENCH_SCRIPT.format(question=QUESTION, support_point=int(support_point)))
        script.flush()
        output = common.run(
            [common.tool("pgbench"), "-n", "-c8", "-j2", f"-T{seconds}", "-f", script.name, db_url],
            capture=True,
        ).stdout
    tps = float(re.search(r"tps = ([0-9.]+)", output).group(1))
    latency = float(re.search(r"latency average = ([0-9.]+) ms", output).group(1))
    failed = re.search(r"number of failed transactions: (\d+)", output)
    return {"tps": tps, "latency_ms": latency, "failed": int(failed.group(1)) if failed else 0}


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("command", nargs="?", choices=["queries"], help=argparse.SUPPRESS)
    parser.add_argument("--database-url", help=argparse.SUPPRESS)
    parser.add_argument("--quick", action="store_true", help="a copy of the 100,000-case database")
    parser.add_argument("--no-prepare", action="store_true", help="use the case database as it is")
    parser.add_argument("--seconds", type=int, default=common.bench_seconds())
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--anonymous", action="store_true", help="post without an e-mail address")
    parser.add_argument("--keep-database", action="store_true", help="keep the copy with the posted cases")
    args = parser.parse_args()
    if args.command:
        common.setup_django(args.database_url)
        print(json.dumps(queries(args.anonymous)))
        return
    common.ensure_tools()
    cases = cases_common.big_cases(args.quick)
    template_url, form_url = cases_common.cases_url(cases), common.database_url("_cases_form")
    if not args.no_prepare:
        generate_cases.ensure_cases_database(template_url, cases)
    # The app's settings for this benchmark (gunicorn and the child processes inherit them).
    os.environ.update(PUBLIC_FORM_RATE=RATE, PUBLIC_FORM_RATE_UNVERIFIED=RATE, TASK_BACKEND="database")
    in_database = cases_common.case_count(template_url)
    who = "without an e-mail address" if args.anonymous else "with an e-mail address (confirmation mail)"
    common.banner(f"P6 public question form ({in_database:,} cases in the database)")
    fresh_copy(template_url, form_url)
    tmp = tempfile.mkdtemp(prefix="bench-p6-")  # the links each wrk thread acknowledged
    try:
        options = ["--anonymous"] if args.anonymous else []
        result = cases_common.run_child(__file__, "queries", form_url, *options)
        print("\n  The SQL statements of one accepted question (in-process, after a warm-up):")
        for number, query in enumerate(result["statements"], 1):
            print(f"  {number:>3}. {query['table']:<34} {query['origin']}")
        theme = int(psql(form_url, "SELECT min(id) FROM information_theme"))
        with common.nginx_static() as (nginx_port, static_path), common.gunicorn_app(form_url) as port:
            cookie, token = csrf_pair(port)
            status, location, _body = post_once(
                port, cookie, urlencode(form_data("P6-check", theme, token, anonymous=args.anonymous))
            )
            if status != 302 or not location.startswith("/mijn-vraag/"):
                raise SystemExit(f"POST /vraag/ answered {status} {location!r}: no submission to measure")
            common.note(
                f"POST http://{common.HOST}:{port}/vraag/ as a parent {who}; one CSRF cookie and token "
                f"for all; PUBLIC_FORM_RATE=PUBLIC_FORM_RATE_UNVERIFIED={RATE}; {common.SETTINGS_NOTE}"
            )
            form = FormRuns(port, cookie, token, theme, tmp, seconds=args.seconds, anonymous=args.anonymous)
            warm = FormRuns(port, cookie, token, theme, tmp, seconds=3, anonymous=args.anonymous)
            warm()
            quiet, results = common.interleaved_rounds(
                [
                    ("nginx", lambda: cases_common.nginx_wrk(nginx_port, static_path, args.seconds)),
                    ("form", form),
                ],
                args.rounds,
            )
            common.note("stopping gunicorn, so that every request has finished before the count")
        checked = warm.check(form_url) + form.check(form_url)
        pg_quiet, pg = cases_common.quietly(lambda: pgbench(form_url, args.seconds))
        quiet = quiet and pg_quiet
        common.note(
            f"pgbench: {pg['tps']:,.0f} INSERTs/s, latency average {pg['latency_ms']:.2f} ms, "
            f"{pg['failed']} failed"
        )
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
        if not args.keep_database:
            drop(form_url)
    # Rates from the rounds used (the undisturbed ones); errors and losses from every run, warm-up too.
    used = {id(r) for r in results["form"]}
    runs = [run for run in checked if id(run["result"]) in used]
    references = results["nginx"]
    accepted = [run["data"]["s302"] / run["result"].seconds for run in runs]
    accepted_rps = common.median(accepted)
    ref_rps = common.median([r.rps for r in references])
    p95 = common.median([run["result"].p95_ms for run in runs])
    ref_p95 = common.median([r.p95_ms for r in references])
    errors = sum(
        run["result"].errors + run["data"]["requests"] - run["data"]["s302"] + run["duplicates"]
        for run in checked
    )
    lost = sum(run["lost"] for run in checked)
    unacknowledged = sum(run["unacknowledged"] for run in checked)
    incomplete = sum(run["incomplete"] for run in checked)
    rows = [
        common.Row(
            "accepted submissions/s (302), 8 connections",
            f"{accepted_rps:,.0f}",
            f"nginx 1 KB static {ref_rps:,.0f} req/s",
            f"{100 * accepted_rps / ref_rps:.2f}%",
            "≥ 150/s",
            accepted_rps >= 150,
        ),
        common.Row(
            "  PostgreSQL alone: the same case row (pgbench)",
            f"{pg['tps']:,.0f} INSERTs/s",
            f"form {accepted_rps:,.0f}/s",
            f"{accepted_rps / pg['tps']:.2f}",
            "",
            None,
        ),
        common.Row(
            "p95 latency of a submission (info)",
            f"{p95:.1f} ms",
            f"nginx {ref_p95:.2f} ms",
            f"{p95 / ref_p95:,.0f}×",
            "",
            None,
        ),
        common.Row(
            "SQL statements per submission (in-process, info)",
            str(len(result["statements"])),
            "",
            "",
            "",
            None,
        ),
        common.Row(
            "errors (socket errors, answers other than 302)",
            str(errors),
            f"{sum(run['data']['requests'] for run in checked):,} requests in {len(checked)} runs",
            "",
            "0",
            errors == 0,
        ),
        common.Row(
            "lost (302 without its case, or case incomplete)",
            str(lost + incomplete),
            f"{sum(run['stored'] for run in checked):,} cases stored",
            "",
            "0",
            lost + incomplete == 0,
        ),
        common.Row(
            "cases stored without a 302 (cut off by wrk's end)",
            str(unacknowledged),
            f"{len(checked)} runs × 8 connections",
            "",
            f"≤ {8 * len(checked)}",
            unacknowledged <= 8 * len(checked),
        ),
    ]
    common.table(
        f"P6 — public question form (POST /vraag/, {who}), PostgreSQL, {in_database:,} cases; "
        f"wrk -t2 -c8 {args.seconds} s × {args.rounds} rounds, "
        f"gunicorn {common.WORKERS} sync workers (medians)"
        + ("" if quiet else "  [machine was busy: unreliable]"),
        rows,
    )


if __name__ == "__main__":
    main()
