"""Resilience checks R1 and R2 (docs/quality.md) against the real running stack.

    .venv/bin/python resilience/run.py [r1|r2|all] [--seconds 40] [--clients 6] [--questions 50]

R1: the public question form under load from several clients while one gunicorn worker and the task
worker are SIGKILLed and PostgreSQL restarts (fast, then immediate); afterwards every acknowledged
submission must be stored with everything that belongs to it, no submission half-written, and every
mail delivered exactly once. R2: the mail server is down while questions come in; the mails wait in
the outbox; the SMTP server comes up, the task worker is SIGKILLed in the middle of delivery; every
mail must arrive exactly once. See resilience/README.md. Exits 1 when a check fails.
"""

import argparse
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlencode

sys.path.insert(0, str(Path(__file__).resolve().parent))

import stack
from stack import log

QUESTION = "Mijn dochter mag niet meer naar school. Wat kan ik doen? De school zegt dat er geen plek is."
STAFF_ADDRESS = "info@noord.example"  # the demo steunpunt Noord's own mailbox (demo/data.py)
REFERENCE = re.compile(r"V-[A-Z0-9]{8}")


def banner(title):
    print(f"\n{'=' * len(title)}\n{title}\n{'=' * len(title)}", flush=True)


# --- submitting questions --------------------------------------------------------------------------


@dataclass
class Attempt:
    tag: str
    outcome: str  # "acknowledged", "HTTP 500", "ConnectionResetError", ...
    token: str | None = None


def form_data(tag, theme, csrf_token):
    return {
        "requester_kind": "parent",
        "question": f"{tag} {QUESTION}",
        "themes": str(theme),
        "age_group": "4_12",
        "school_type": "primary",
        "school_name": "",
        "answer_by": "email",
        "requester_name": "",
        "requester_email": f"{tag}@example.test",
        "requester_phone": "",
        "consent": "on",
        "website": "",
        "csrfmiddlewaretoken": csrf_token,
    }


def csrf_pair(port):
    """GET the form: the CSRF cookie and the form's token (one pair serves every POST of a client)."""
    status, headers, body = stack.http("GET", port, "/vraag/")
    cookie = next(
        (
            value.split(";")[0]
            for name, value in headers.items()
            if name.lower() == "set-cookie" and "csrftoken=" in value
        ),
        None,
    )
    match = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', body)
    if status != 200 or cookie is None or match is None:
        raise RuntimeError(f"GET /vraag/ answered {status} without a CSRF cookie and token")
    return cookie, match.group(1).decode()


def submit(port, tag, theme, cookie, token):
    """POST one question; the private link of a 302 is the acknowledgement."""
    body = urlencode(form_data(tag, theme, token))
    try:
        status, headers, _body = stack.http(
            "POST",
            port,
            "/vraag/",
            body=body,
            headers={"Cookie": cookie, "Content-Type": "application/x-www-form-urlencoded"},
        )
    except OSError as error:
        return Attempt(tag, type(error).__name__)
    match = re.match(r"/mijn-vraag/([^/?]+)/", headers.get("Location", ""))
    if status == 302 and match:
        return Attempt(tag, "acknowledged", match.group(1))
    return Attempt(tag, f"HTTP {status}")


class Clients:
    """Several clients posting the form in parallel, each with its own CSRF pair, until told to stop."""

    def __init__(self, port, theme, prefix, *, clients, pause=0.05, limit=None):
        self.port, self.theme, self.prefix = port, theme, prefix
        self.clients, self.pause, self.limit = clients, pause, limit
        self.attempts = []
        self._stop = threading.Event()
        self._numbers = iter(range(1, 10**9))
        self._lock = threading.Lock()
        self._threads = []

    def _next_tag(self):
        with self._lock:
            number = next(self._numbers)
        if self.limit is not None and number > self.limit:
            return None
        return f"{self.prefix}-{number:05d}"

    def _client(self):
        cookie = token = None
        while not self._stop.is_set() and cookie is None:
            try:
                cookie, token = csrf_pair(self.port)
            except (OSError, RuntimeError):
                time.sleep(0.5)
        while not self._stop.is_set():
            tag = self._next_tag()
            if tag is None:
                return
            self.attempts.append(submit(self.port, tag, self.theme, cookie, token))
            time.sleep(self.pause)

    def start(self):
        self._threads = [threading.Thread(target=self._client, daemon=True) for _ in range(self.clients)]
        for thread in self._threads:
            thread.start()
        return self

    def stop(self):
        self._stop.set()
        self.join()

    def join(self):
        for thread in self._threads:
            thread.join(timeout=60)


# --- reading the database --------------------------------------------------------------------------


def theme_id(url):
    return stack.query(url, "SELECT min(id) FROM information_theme")[0][0]


def outbox_rows(url):
    return stack.query(url, 'SELECT id, "to", subject, sent_at IS NOT NULL, attempts FROM outbox_outboxmail')


def task_states(url):
    rows = stack.query(
        url,
        "SELECT status, count(*) FILTER (WHERE run_after <= now() OR run_after >= '9999-01-01'), count(*) "
        "FROM django_tasks_database_dbtaskresult GROUP BY status",
    )
    return {status: {"due": due, "all": total} for status, due, total in rows}


def unsent(url, prefix):
    """Mails of this check's questions that the outbox has not sent yet (requester's and steunpunt's)."""
    return stack.query(
        url,
        "SELECT count(*) FROM outbox_outboxmail m WHERE m.sent_at IS NULL "
        'AND (m."to" LIKE %(addr)s OR EXISTS '
        "(SELECT 1 FROM support_case c WHERE c.question LIKE %(question)s "
        "AND position(c.reference in m.subject) > 0))",
        {"addr": f"{prefix}-%", "question": f"{prefix}-%"},
    )[0][0]


def stored_submissions(url, prefix):
    """Every case of this check, with the rows the question form writes in its one transaction."""
    cases = stack.query(
        url,
        "SELECT c.id, c.reference, c.access_token, split_part(c.question, ' ', 1), c.requester_email, "
        "(SELECT count(*) FROM support_case_themes t WHERE t.case_id = c.id), "
        "(SELECT count(*) FROM support_statuschange s WHERE s.case_id = c.id), "
        "(SELECT count(*) FROM privacy_auditrecord a "
        "WHERE a.object_type = 'case' AND a.object_id = c.id::text) "
        "FROM support_case c WHERE c.question LIKE %(question)s",
        {"question": f"{prefix}-%"},
    )
    mails = Counter()
    for _pk, to, subject, _sent, _attempts in outbox_rows(url):
        for reference in REFERENCE.findall(subject):
            mails[(reference, "staff" if to == STAFF_ADDRESS else to)] += 1
    stored = {}
    for pk, reference, token, tag, email, themes, status_changes, audits in cases:
        missing = []
        if themes < 1:
            missing.append("theme")
        if status_changes != 1:
            missing.append(f"status change ×{status_changes}")
        if audits < 1:
            missing.append("audit record")
        if mails[(reference, email)] != 1:
            missing.append(f"confirmation mail ×{mails[(reference, email)]}")
        if mails[(reference, "staff")] != 1:
            missing.append(f"steunpunt mail ×{mails[(reference, 'staff')]}")
        stored[tag] = {"pk": pk, "reference": reference, "token": token, "missing": missing}
    return stored


def orphans(url, prefix):
    """Rows of this check's questions without their case: outbox mails and audit records."""
    references = {row[0] for row in stack.query(url, "SELECT reference FROM support_case")}
    mails = [
        subject
        for _pk, to, subject, _sent, _attempts in outbox_rows(url)
        if to.startswith(f"{prefix}-") and not set(REFERENCE.findall(subject)) & references
    ]
    audits = stack.query(
        url,
        "SELECT count(*) FROM privacy_auditrecord a WHERE a.object_type = 'case' "
        "AND NOT EXISTS (SELECT 1 FROM support_case c WHERE c.id::text = a.object_id)",
    )[0][0]
    return len(mails), audits


def deliveries(url, prefix, sink):
    """Compare the outbox rows of this check's questions with what the SMTP server received."""
    stored = stored_submissions(url, prefix)
    references = {case["reference"] for case in stored.values()}
    expected = {
        (to, subject): sent
        for _pk, to, subject, sent, _attempts in outbox_rows(url)
        if set(REFERENCE.findall(subject)) & references
    }
    received = Counter(
        (",".join(message["to"]), " ".join(message["subject"].split()))
        for message in sink.messages()
        # Only this check's mails (the demo data's own cases mail the steunpunten too).
        if set(REFERENCE.findall(message["subject"])) & references
        or any(to.startswith(f"{prefix}-") for to in message["to"])
    )
    ours = Counter({key: count for key, count in received.items() if key in expected})
    ids = {}
    for message in sink.messages():
        key = (",".join(message["to"]), " ".join(message["subject"].split()))
        if key in expected:
            ids.setdefault(key, []).append(message["message_id"])
    return {
        # A copy with the Message-ID of one already received: the same outbox mail delivered again.
        "redelivered": sum(len(found) - len(set(found)) for found in ids.values()),
        "expected": len(expected),
        "marked_sent": sum(expected.values()),
        "delivered": sum(1 for key in expected if received[key] >= 1),
        "exactly_once": sum(1 for key in expected if received[key] == 1),
        "lost": sum(1 for key in expected if received[key] == 0),
        "duplicates": sum(count - 1 for count in ours.values() if count > 1),
        "duplicate_examples": [key for key, count in ours.items() if count > 1][:5],
        "unexpected": sum(count for key, count in received.items() if key not in expected),
    }


def wait_for_outbox(url, prefix, seconds):
    """Wait until every mail of this check is sent and no task is due; returns the seconds waited or None."""
    started = time.monotonic()
    while time.monotonic() - started < seconds:
        with_errors = False
        try:
            waiting = unsent(url, prefix)
            due = task_states(url).get("READY", {}).get("due", 0)
        except Exception:
            with_errors = True
        if not with_errors and waiting == 0 and due == 0:
            return time.monotonic() - started
        time.sleep(0.5)
    return None


# --- the table -------------------------------------------------------------------------------------


class Report:
    def __init__(self, title):
        self.title = title
        self.rows = []  # (what, value, verdict) verdict: True ok, False FAIL, None info

    def add(self, what, value, ok=None):
        self.rows.append((what, str(value), ok))

    @property
    def passed(self):
        return all(ok is not False for _what, _value, ok in self.rows)

    def print(self):
        width = max(len(what) for what, _v, _o in self.rows)
        value_width = max(len(value) for _w, value, _o in self.rows)
        print(f"\n{self.title}")
        print(f"{'check'.ljust(width)} | {'value'.ljust(value_width)} | verdict")
        print(f"{'-' * width}-+-{'-' * value_width}-+--------")
        for what, value, ok in self.rows:
            verdict = {True: "ok", False: "FAIL", None: ""}[ok]
            print(f"{what.ljust(width)} | {value.ljust(value_width)} | {verdict}".rstrip())
        print(f"{self.title.split(' ')[0]}: {'PASSED' if self.passed else 'FAILED'}\n", flush=True)


# --- R1 --------------------------------------------------------------------------------------------


def r1(postgres, app, workdir, *, seconds, clients):
    banner("R1 — every acknowledged submission is stored; a failed one leaves nothing half-written")
    url = postgres.url()
    prefix = f"r1{int(time.time()) % 100000}"
    sink = stack.SmtpSink(workdir, stack.free_port())
    web_port = stack.free_port()
    web = stack.Gunicorn(app, port=web_port, email_port=sink.port, workers=3)
    workers = stack.TaskWorkers(app, email_port=sink.port, name="r1-worker")
    events = []
    report = Report(
        f"R1 — POST /vraag/ on {stack.HOST}:{web_port} (gunicorn, 3 sync workers, production settings), "
        f"{clients} clients, {seconds} s, private PostgreSQL on :{postgres.port}"
    )
    try:
        sink.start()
        web.start()
        workers.start()
        workers.wait_ready()
        log(f"gunicorn on 127.0.0.1:{web_port}, db_worker, SMTP sink on 127.0.0.1:{sink.port}")
        load = Clients(web_port, theme_id(url), prefix, clients=clients, pause=0.2).start()
        started = time.monotonic()

        def at(fraction, what, action):
            while time.monotonic() - started < fraction * seconds:
                time.sleep(0.05)
            detail = action()
            events.append(f"t={time.monotonic() - started:5.1f} s  {what}{detail}")
            log(events[-1])

        at(0.15, "SIGKILL gunicorn worker", lambda: f" pid {web.kill_worker()}")

        def restart_while_mailing():
            held, took = sink.hold_data(lambda: postgres.restart("fast"))
            state = "while the worker was delivering a mail" if held else "(no mail was being delivered)"
            return f" {state}: back after {took:.1f} s"

        at(0.25, "pg_ctl restart -m fast", restart_while_mailing)
        at(0.45, "SIGKILL task worker", lambda: f" pid {workers.kill()} (supervisor starts a new one)")
        at(0.70, "pg_ctl restart -m immediate", lambda: f": back after {postgres.restart('immediate'):.1f} s")
        at(1.0, "load stopped", lambda: "")
        load.stop()
        gunicorn_workers = len(web.worker_pids())
        log(f"{len(load.attempts)} submissions tried; gunicorn has {gunicorn_workers} workers again")
        waited = wait_for_outbox(url, prefix, 90)
        cron = None
        if waited is None:
            log(
                "mails still wait after 90 s of the worker alone: "
                "running `manage.py send_outbox` as cron would"
            )
            cron = app.manage("send_outbox", email_port=sink.port).stdout.strip()
            log(f"send_outbox: {cron}")
            waited = wait_for_outbox(url, prefix, 30)
        time.sleep(2)  # anything still on its way to the SMTP server arrives now
        tasks = task_states(url)
    finally:
        for process in (workers, web, sink):
            process.stop()

    attempts = load.attempts
    acknowledged = {a.tag: a.token for a in attempts if a.outcome == "acknowledged"}
    failures = Counter(a.outcome for a in attempts if a.outcome != "acknowledged")
    stored = stored_submissions(url, prefix)
    tokens = {case["token"] for case in stored.values()}
    missing = [tag for tag, token in acknowledged.items() if token not in tokens]
    half = {tag: case["missing"] for tag, case in stored.items() if case["missing"]}
    orphan_mails, orphan_audits = orphans(url, prefix)
    unacknowledged = len(set(stored) - set(acknowledged))
    mail = deliveries(url, prefix, sink)
    waiting = unsent(url, prefix)

    report.add("submissions tried", len(attempts))
    report.add("acknowledged (302 to the private link)", len(acknowledged), len(acknowledged) > 0)
    report.add("failed", sum(failures.values()))
    for outcome, count in sorted(failures.items()):
        report.add(f"  failed: {outcome}", count)
    report.add("acknowledged and stored", len(acknowledged) - len(missing))
    report.add("acknowledged but missing", len(missing), not missing)
    report.add("stored without acknowledgement (answer lost), complete", unacknowledged)
    report.add("half-written (case without theme/status/audit/mails)", len(half), not half)
    report.add(
        "orphan outbox mails / audit records (no case)",
        f"{orphan_mails} / {orphan_audits}",
        not orphan_mails and not orphan_audits,
    )
    report.add("mails expected (outbox rows of the stored questions)", mail["expected"])
    report.add("mails delivered to the SMTP server", mail["delivered"], mail["delivered"] == mail["expected"])
    report.add("mails lost (never arrived)", mail["lost"], mail["lost"] == 0)
    doubled = mail["duplicates"] - mail["redelivered"]
    kills = workers.killed + len(workers.crashes)
    report.add("duplicates: a mail sent twice (other Message-ID)", doubled, doubled == 0)
    report.add(
        "duplicates: redelivered after a SIGKILL (same Message-ID)",
        f"{mail['redelivered']} (≤ {kills}: one per sender killed)",
        mail["redelivered"] <= kills,
    )
    report.add("unexpected mails", mail["unexpected"], mail["unexpected"] == 0)
    report.add("outbox: still unsent", waiting, waiting == 0)
    report.add("outbox drained", f"in {waited:.1f} s" if waited is not None else "no", waited is not None)
    if cron:
        report.add("  needed `send_outbox` (cron) for the rest", cron)
    ready = tasks.get("READY", {}).get("due", 0)
    report.add("tasks still due", ready, ready == 0)
    report.add(
        "tasks: successful / failed / running (orphaned by a kill)",
        " / ".join(str(tasks.get(s, {}).get("all", 0)) for s in ("SUCCESSFUL", "FAILED", "RUNNING")),
    )
    report.add("gunicorn workers after the kill", gunicorn_workers, gunicorn_workers == web.workers)
    report.add(
        "task worker: started / killed by us / exited by itself",
        f"{workers.started} / {workers.killed} / {len(workers.crashes)}",
    )
    report.print()
    for event in events:
        print(f"    {event}")
    for tag in missing[:5]:
        print(f"    missing: {tag}")
    for tag, what in list(half.items())[:5]:
        print(f"    half-written: {tag}: {', '.join(what)}")
    for key in mail["duplicate_examples"]:
        print(f"    duplicate: {key}")
    return report.passed


# --- R2 --------------------------------------------------------------------------------------------


def r2(postgres, app, workdir, *, questions, hold_at=10):
    banner("R2 — no lost or doubled e-mail when the mail server is down")
    url = postgres.url()
    prefix = f"r2{int(time.time()) % 100000}"
    smtp_port = stack.free_port()  # nothing listens here until the sink starts
    sink = stack.SmtpSink(workdir, smtp_port, hold_at=hold_at)
    web_port = stack.free_port()
    web = stack.Gunicorn(app, port=web_port, email_port=smtp_port, workers=2)
    workers = stack.TaskWorkers(app, email_port=smtp_port, name="r2-worker")
    report = Report(
        f"R2 — {questions} questions while nothing listens on the mail port 127.0.0.1:{smtp_port}, "
        "then an SMTP server there; the task worker SIGKILLed in the middle of delivery"
    )
    theme = theme_id(url)
    held = False
    at_kill = None
    cron = None
    try:
        web.start()
        workers.start()
        workers.wait_ready()
        log(f"gunicorn on 127.0.0.1:{web_port} and db_worker with EMAIL_PORT={smtp_port} (nothing listens)")
        load = Clients(web_port, theme, prefix, clients=4, pause=0, limit=questions).start()
        load.join()
        acknowledged = sum(a.outcome == "acknowledged" for a in load.attempts)
        log(f"{acknowledged} of {len(load.attempts)} questions acknowledged")
        # The worker runs every queued send and fails on the dead port; the mails stay in the outbox.
        deadline = time.monotonic() + 60
        while task_states(url).get("READY", {}).get("due", 0) and time.monotonic() < deadline:
            time.sleep(0.5)
        rows = [row for row in outbox_rows(url) if row[1].startswith(f"{prefix}-") or row[1] == STAFF_ADDRESS]
        ours = stored_submissions(url, prefix)
        references = {case["reference"] for case in ours.values()}
        rows = [row for row in rows if set(REFERENCE.findall(row[2])) & references]
        waiting_before = sum(not sent for _pk, _to, _subject, sent, _attempts in rows)
        tried_before = sum(attempts > 0 for *_rest, attempts in rows)
        log(f"outbox: {len(rows)} mails, {waiting_before} waiting, {tried_before} tried and failed")

        sink.start()
        log(
            f"SMTP sink started on 127.0.0.1:{smtp_port}; waiting for the worker's own retry "
            f"(outbox.tasks.RETRY_AFTER) to deliver, to SIGKILL it in the middle of mail #{hold_at}"
        )
        deadline = time.monotonic() + 200
        while not sink.held() and time.monotonic() < deadline:
            time.sleep(0.02)
        held = sink.held()
        if held:
            at_kill = len(sink.messages())
            pid = workers.kill()
            log(
                f"SIGKILL task worker pid {pid} while the SMTP server was receiving mail #{hold_at} "
                f"({at_kill} delivered)"
            )
        sink.release()
        time.sleep(2)  # the supervisor starts a new worker, which goes on delivering
        # Two senders at once after the restart: the cron command and the new worker (one more question).
        cron_process = subprocess.Popen(  # noqa: S603  (fixed argument list)
            [str(stack.PYTHON), str(stack.REPO / "manage.py"), "send_outbox"],
            env=app.env(email_port=smtp_port),
            cwd=stack.REPO,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        cookie, token = csrf_pair(web_port)
        trigger = [submit(web_port, f"{prefix}-after", theme, cookie, token)]
        cron = cron_process.communicate(timeout=300)[0].strip().splitlines()[-1:]
        log(f"send_outbox (as cron would run it): {' '.join(cron)}")
        waited = wait_for_outbox(url, prefix, 90)
        time.sleep(3)
    finally:
        for process in (workers, web, sink):
            process.stop()

    attempts = load.attempts + trigger
    acknowledged = sum(a.outcome == "acknowledged" for a in attempts)
    failures = Counter(a.outcome for a in attempts if a.outcome != "acknowledged")
    stored = stored_submissions(url, prefix)
    half = sum(bool(case["missing"]) for case in stored.values())
    mail = deliveries(url, prefix, sink)
    waiting = unsent(url, prefix)
    report.add("questions submitted (+1 after the server is back)", len(attempts))
    report.add("acknowledged", acknowledged, acknowledged == len(attempts))
    for outcome, count in sorted(failures.items()):
        report.add(f"  failed: {outcome}", count, False)
    report.add(
        "stored complete (case, theme, status, audit, 2 mails)",
        len(stored) - half,
        half == 0 and len(stored) == acknowledged,
    )
    report.add(
        "mails waiting in the outbox while the server was down",
        f"{waiting_before} of {len(rows)}",
        waiting_before == len(rows) == 2 * questions,
    )
    report.add("  of which tried and failed (connection refused)", tried_before)
    report.add(
        "worker killed in the middle of delivery",
        f"at mail #{hold_at}, {at_kill} delivered before" if held else "no (the sink never got that far)",
        held and 0 < at_kill < mail["expected"],
    )
    report.add("mails expected", mail["expected"], mail["expected"] == 2 * len(attempts))
    report.add("mails delivered exactly once", mail["exactly_once"], mail["exactly_once"] == mail["expected"])
    report.add("mails lost", mail["lost"], mail["lost"] == 0)
    report.add("duplicates (same recipient and subject twice)", mail["duplicates"], mail["duplicates"] == 0)
    report.add("unexpected mails", mail["unexpected"], mail["unexpected"] == 0)
    report.add(
        "outbox: all marked sent",
        f"{mail['marked_sent']} of {mail['expected']}, {waiting} unsent",
        waiting == 0,
    )
    report.add("outbox drained", f"in {waited:.1f} s" if waited is not None else "no", waited is not None)
    report.add(
        "task worker: started / killed by us / exited by itself",
        f"{workers.started} / {workers.killed} / {len(workers.crashes)}",
    )
    report.print()
    for key in mail["duplicate_examples"]:
        print(f"    duplicate: {key}")
    return report.passed


# --- main ------------------------------------------------------------------------------------------


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("check", nargs="?", choices=["r1", "r2", "all"], default="all")
    parser.add_argument("--seconds", type=int, default=40, help="R1: seconds of load (default 40)")
    parser.add_argument("--clients", type=int, default=4, help="R1: concurrent clients (default 4)")
    parser.add_argument(
        "--questions", type=int, default=50, help="R2: questions during the outage (default 50)"
    )
    parser.add_argument(
        "--keep", action="store_true", help="keep the logs directory also when every check passes"
    )
    args = parser.parse_args()
    # SIGTERM (make interrupted, a CI timeout) still stops and deletes everything below.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    started = time.monotonic()
    workdir = Path(tempfile.mkdtemp(prefix="resilience-"))
    results = {}
    postgres = None
    try:
        banner("Resilience checks: setting up a private PostgreSQL cluster and the demo database")
        postgres = stack.PrivatePostgres()
        postgres.start()
        app = stack.App(postgres, workdir)
        app.prepare(web_port=stack.PORTS[0])
        if args.check in ("r1", "all"):
            results["R1"] = r1(postgres, app, workdir, seconds=args.seconds, clients=args.clients)
        if args.check in ("r2", "all"):
            results["R2"] = r2(postgres, app, workdir, questions=args.questions)
    except BaseException:
        print(f"logs (gunicorn, workers, SMTP sink): {workdir}", flush=True)
        raise
    finally:
        if postgres is not None:
            postgres.delete()
    passed = bool(results) and all(results.values())
    print(
        "\n"
        + ", ".join(f"{name} {'passed' if ok else 'FAILED'}" for name, ok in results.items())
        + f" in {time.monotonic() - started:.0f} s",
        flush=True,
    )
    if passed and not args.keep:
        shutil.rmtree(workdir, ignore_errors=True)
    else:
        print(f"logs (gunicorn, workers, SMTP sink): {workdir}")
    sys.exit(0 if passed else 1)


if __name__ == "__main__":
    main()
