"""`make security`: sqlmap and wapiti against the running site (target S9 in docs/quality.md).

Builds a scratch PostgreSQL database (``steunpunt_security``, dropped and made again every run),
migrates it, loads the demo data, serves it with gunicorn and production settings
(``steunpunt.conf.scan``: production with only the ceilings of the public-form limit and the login
lockout raised) over TLS on a free loopback port between 8800 and 8849, and scans:

* the public site of demo steunpunt Noord (its pages and forms, the search, a private question
  link made by sending a question first), and the platform's own index with its postcode search,
  without a session;
* the back office, ``/admin/`` and ``/beveiliging/``, with the session of a demo coordinator who
  signed in with password and TOTP code, as a person would.

Exits non-zero on any finding: every wapiti vulnerability and anomaly (a 500 is an anomaly), every
injection sqlmap reports, every server error (500) the application logged during the scan, a
sqlmap target that tested no parameter and a staff session that ended early. Two wapiti findings
that are not vulnerabilities are waived, each with its reason printed (``WAIVED``). The reports
stay in ``var/security/``.

Why TLS: production sends HSTS, Secure ``__Host-`` cookies and redirects plain HTTP to HTTPS. With
gunicorn serving TLS itself (a certificate made for the run) every one of those settings stays on
and the scanners see exactly what a browser sees; no setting had to be relaxed for plain HTTP.

Why the host names: steunpunten are chosen by Host header and Python does not resolve
``*.localhost``. In the scratch database steunpunt Noord's site gets the host name ``127.0.0.1``,
and the platform index answers on ``localhost`` (``PLATFORM_HOSTS``), so every tool reaches both
by plain URLs, with no Host-header tricks that links and redirects would lose.
"""

import argparse
import base64
import concurrent.futures
import contextlib
import html.parser
import json
import os
import re
import shutil
import socket
import subprocess  # nosec B404  # our own argument lists, never a shell
import sys
import time
import urllib.parse
from collections import Counter
from pathlib import Path

import requests
from django_otp.oath import totp

REPO = Path(__file__).resolve().parent.parent
VENV_BIN = REPO / ".venv" / "bin"
OUT = REPO / "var" / "security"
APP_VAR = REPO / "var" / "security-app"  # static files and media of the scanned app (kept: faster)
DATABASE = "steunpunt_security"
PG = ["-h", "127.0.0.1", "-p", "5432", "-U", "postgres"]
DATABASE_URL = f"postgres://postgres@127.0.0.1:5432/{DATABASE}"
# Exists only in the scratch database; production settings refuse to start without a key.
SECRET_KEY = "security-scan-only-secret-key-not-for-any-real-installation-41d7"  # noqa: S105  # nosec B105
PORTS = range(8800, 8850)
STAFF = "noord-coordinator"  # the broadest back-office role of one steunpunt


# --- wapiti ------------------------------------------------------------------------------------
# Modules: wapiti's defaults (sql, blindsql, xss, permanentxss, exec, file, redirect, csp,
# http_headers, cookieflags) plus crlf and csrf; without ssrf and xxe, which need wapiti's
# endpoint on the internet (there is none here), and without the brute-force and discovery modules
# (nikto, buster, backup, brute_login_form, wapp), which guess names rather than test this app.
WAPITI_MODULES = "sql,blindsql,xss,permanentxss,exec,file,redirect,crlf,csrf,csp,http_headers,cookieflags"
# Crawl bounds: every overview page (forms, search, lists) is a start address, so depth 2 reaches
# each detail page type and the forms on it (an article and its feedback form, a school, a
# consultation slot, a case in the back office). The limits per page and per folder keep the
# national set's articles, the region's schools and every case from being crawled one by one:
# they are the same template and view each time, and the time goes to attacking instead.
WAPITI_LIMITS = ["--depth", "2", "--max-links-per-page", "20", "--max-files-per-dir", "10"]
# Time limits per scan: crawling, and each attack module (wapiti's attacks are sequential; the
# slow ones, blindsql, exec and file, send dozens of payloads per parameter). They keep the whole
# `make security` near 15 minutes on two shared cores; when one is reached the summary says so.
WAPITI_CRAWL_SECONDS = 90
WAPITI_ATTACK_SECONDS = 40  # per module
# Back office: never sign ourselves out, change our own password or 2FA, or delete what we scan.
ADMIN_EXCLUDES = [
    "/admin/logout/*",
    "/admin/account/*",
    "/beveiliging/*",
    "/admin/*/delete/*",
    "/admin/*delete*",
    "/admin/*/unpublish/*",
    "/admin/*/lock/*",
    "/admin/*/unlock/*",
    "/admin/*/move/*",
]
# WAIVED wapiti findings: (category, info, address pattern, reason) of findings that are not
# vulnerabilities. Each one met is printed on every run with its reason; anything else fails the run.
WAIVED = [
    (
        "HTTP Secure Headers",
        "X-XSS-Protection is not set",
        r".*",
        "wapiti 3.0.4 wants 'X-XSS-Protection: 1'; browsers removed that filter and OWASP advises "
        "against it (it opened leaks of its own); Django stopped setting it in 4.0. CSP replaces it.",
    ),
]


def waived(category, info, path):
    for w_category, w_info, pattern, reason in WAIVED:
        if category == w_category and info == w_info and re.fullmatch(pattern, path):
            return reason
    return None


# --- sqlmap ------------------------------------------------------------------------------------
# --dbms PostgreSQL: the only database it runs on in production, so no payloads for eleven others.
# --level 1 --risk 1: every GET and POST parameter, the payloads that cannot change data (risk 2
# adds heavy time-based queries, risk 3 OR-based ones that may update every row); level 2+ adds
# cookies and headers, which the app reads only through Django (session, CSRF).
# Timeouts are generous: two shared cores, and the time-based tests need a steady baseline.
# One thread: sqlmap refuses --threads with --csrf-token (a fresh token before every request).
SQLMAP_COMMON = [
    "--batch",
    "--dbms=PostgreSQL",
    "--level=1",
    "--risk=1",
    "--timeout=30",
    "--retries=1",
    "--disable-coloring",
    "--flush-session",
]


def note(message):
    print(f"[security] {message}", flush=True)


def run(args, *, env=None, log=None, check=True, timeout=None):
    """Run a command with arguments we build ourselves (never a shell); output to ``log`` if given."""
    args = [str(a) for a in args]
    if log is None:
        result = subprocess.run(args, env=env, cwd=REPO, check=False, timeout=timeout)  # noqa: S603  # nosec B603
    else:
        with open(log, "a") as out:
            result = subprocess.run(  # noqa: S603  # nosec B603
                args, env=env, cwd=REPO, check=False, stdout=out, stderr=subprocess.STDOUT, timeout=timeout
            )
    if check and result.returncode != 0:
        where = f" (see {log.relative_to(REPO)})" if log else ""
        raise SystemExit(f"[security] failed: {' '.join(args[:4])} … exit {result.returncode}{where}")
    return result


def free_port():
    for port in PORTS:
        with socket.socket() as probe:
            try:
                probe.bind(("127.0.0.1", port))
            except OSError:
                continue
            return port
    raise SystemExit(f"[security] no free port between {PORTS.start} and {PORTS.stop - 1}")


# Another settings module to scan (for example one that tries a fix in production settings first).
SETTINGS = os.environ.get("SECURITY_SETTINGS", "steunpunt.conf.scan")


def app_env(port, settings=None):
    env = dict(os.environ)
    # Our own defaults, never a developer's Redis or mail server: the cache stays in each process,
    # mail stays in memory (nothing leaves the machine), tasks wait in the scratch database.
    for name in ("CACHE_URL", "TASK_BACKEND", "REDIS_URL", "EMAIL_HOST", "PAGE_CACHE_SECONDS"):
        env.pop(name, None)
    env.update(
        DJANGO_SETTINGS_MODULE=settings or SETTINGS,
        DATABASE_URL=DATABASE_URL,
        DJANGO_SECRET_KEY=SECRET_KEY,
        DJANGO_DEBUG="0",
        STEUNPUNT_VAR_DIR=str(APP_VAR),
        ALLOWED_HOSTS="127.0.0.1,localhost",
        PLATFORM_HOSTS="localhost",
        WAGTAILADMIN_BASE_URL=f"https://127.0.0.1:{port}",
        EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend",
        LOG_LEVEL="WARNING",
        PYTHONPATH=str(REPO / "src"),
        PYTHONDONTWRITEBYTECODE="1",
    )
    return env


def psql(sql, database="postgres"):
    run(["psql", *PG, "-d", database, "-v", "ON_ERROR_STOP=1", "-qAtc", sql])


# --- preparing the site ------------------------------------------------------------------------


def prepare(port, logs):
    note(f"scratch database {DATABASE}: dropped and created again")
    psql(f"DROP DATABASE IF EXISTS {DATABASE} WITH (FORCE)")
    psql(f"CREATE DATABASE {DATABASE}")
    manage = [VENV_BIN / "python", "manage.py"]
    note("migrate, demo data (steunpunt.conf.dev: production refuses demo data), collectstatic")
    run([*manage, "migrate", "--noinput", "-v", "0"], env=app_env(port), log=logs / "prepare.log")
    run(
        [*manage, "load_demo_data", "--port", port, "--logins-file", OUT / "demo-logins.json"],
        env=app_env(port, "steunpunt.conf.dev"),
        log=logs / "prepare.log",
    )
    run([*manage, "collectstatic", "--noinput", "-v", "0"], env=app_env(port), log=logs / "prepare.log")
    # Steunpunt Noord on 127.0.0.1, the platform index on localhost (see the module docstring).
    psql("UPDATE wagtailcore_site SET hostname = '127.0.0.1' WHERE hostname = 'noord.localhost'", DATABASE)


def certificate(tls):
    tls.mkdir(parents=True, exist_ok=True)
    run(
        [
            "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
            "-keyout", tls / "key.pem", "-out", tls / "cert.pem", "-subj", "/CN=127.0.0.1",
            "-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost",
        ],
        log=tls / "openssl.log",
    )  # fmt: skip
    return tls / "cert.pem", tls / "key.pem"


@contextlib.contextmanager
def server(port, logs, cert, key):
    env = app_env(port)
    env.update(
        GUNICORN_BIND=f"127.0.0.1:{port}",
        # Time-based SQL tests hold a worker while they wait: enough workers for the scanners.
        GUNICORN_WORKERS="4",
        GUNICORN_ACCESS_LOG=str(logs / "access.log"),
        GUNICORN_ERROR_LOG="-",
        GUNICORN_LOG_LEVEL="warning",
    )
    with open(logs / "app.log", "w") as app_log:
        process = subprocess.Popen(  # noqa: S603  # nosec B603  # fixed argument list
            [
                VENV_BIN / "gunicorn",
                "-c",
                REPO / "deploy" / "gunicorn.conf.py",
                "--certfile",
                cert,
                "--keyfile",
                key,
            ],
            env=env,
            cwd=REPO,
            stdout=app_log,
            stderr=subprocess.STDOUT,
        )
    try:
        deadline = time.monotonic() + 90
        while True:
            with contextlib.suppress(requests.RequestException):
                if requests.get(f"https://127.0.0.1:{port}/health/", timeout=5).ok:
                    break
            if process.poll() is not None or time.monotonic() > deadline:
                raise SystemExit(
                    f"[security] gunicorn did not start; see {(logs / 'app.log').relative_to(REPO)}"
                )
            time.sleep(0.5)
        yield
    finally:
        # Our own gunicorn, by its process id: SIGTERM, then SIGKILL.
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


class _Forms(html.parser.HTMLParser):
    """The forms of a page: for each, its method and action, and the values a browser would send."""

    def __init__(self):
        super().__init__()
        self.forms = []  # (method, action, {name: value})
        self.fields = {}  # of every form together
        self.select = self.textarea = None
        self.first_boxes = {}

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        name = attrs.get("name")
        if tag == "form":
            self.forms.append(((attrs.get("method") or "get").upper(), attrs.get("action") or "", {}))
        elif tag == "select":
            self.select = name
        elif tag == "option" and self.select:
            # The selected option, or else the first one.
            self._set(self.select, attrs.get("value", ""), replace="selected" in attrs)
        elif tag == "textarea" and name:
            self._set(name, "")
        elif tag == "input" and name:
            kind = attrs.get("type", "text")
            if kind in ("radio", "checkbox"):
                self.first_boxes.setdefault(name, attrs.get("value", "on"))
                if "checked" in attrs:
                    self._set(name, attrs.get("value", "on"))
            elif kind not in ("submit", "button", "image", "file"):
                self._set(name, attrs.get("value") or "")

    def handle_endtag(self, tag):
        if tag == "select":
            self.select = None
        elif tag == "form" and self.forms:
            # A choice nobody made yet: the first box, as a person ticking one would.
            for name, value in self.first_boxes.items():
                self.forms[-1][2].setdefault(name, value)
            self.first_boxes = {}

    def _set(self, name, value, replace=False):
        for fields in (self.fields, self.forms[-1][2] if self.forms else {}):
            if replace:
                fields[name] = value
            else:
                fields.setdefault(name, value)


def _fields(page):
    parser = _Forms()
    parser.feed(page)
    return parser.fields


# What a person would type into the empty fields of a public form (the honeypot and the proof of
# work stay empty: a browser without JavaScript sends it so).
FILL = {"requester_email": "ouder@example.invalid", "requester_phone": "06 12345678", "consent": "on"}
LEAVE_EMPTY = {"website", "altcha"}


def post_form_data(url):
    """The POST form on the page at ``url``, filled in as a person would: urlencoded for sqlmap."""
    parser = _Forms()
    parser.feed(requests.get(url, timeout=30).text)
    fields = next((fields for method, _action, fields in parser.forms if method == "POST"), None)
    if fields is None:
        raise SystemExit(f"[security] no POST form on {url}")
    for name, value in fields.items():
        if not value and name not in LEAVE_EMPTY:
            fields[name] = FILL.get(name, "Een vraag over school")
    return urllib.parse.urlencode(fields)


def staff_session(base):
    """Sign in as the demo coordinator with password and TOTP code; return the session."""
    logins = json.loads((OUT / "demo-logins.json").read_text())
    login = next(entry for entry in logins if entry["username"] == STAFF)
    session = requests.Session()
    page = session.get(f"{base}/admin/login/", timeout=30)
    data = {**_fields(page.text), "username": login["username"], "password": login["password"]}
    page = session.post(page.url, data=data, headers={"Referer": page.url}, timeout=30)
    if "/beveiliging/" not in page.url:
        raise SystemExit(f"[security] signing in as {STAFF} did not reach the two-factor step ({page.url})")
    secret = base64.b32decode(login["totp_secret"] + "=" * (-len(login["totp_secret"]) % 8))
    data = {**_fields(page.text), "token": f"{totp(secret):06d}"}
    page = session.post(page.url, data=data, headers={"Referer": page.url}, timeout=30)
    check = session.get(f"{base}/admin/", timeout=30, allow_redirects=False)
    if check.status_code != 200:
        raise SystemExit(f"[security] the two-factor step failed: /admin/ answers {check.status_code}")
    return session


def still_signed_in(session, base):
    return session.get(f"{base}/admin/", timeout=30, allow_redirects=False).status_code == 200


def send_question(base):
    """Send the question form as a person without JavaScript would; return the private link's path."""
    session = requests.Session()
    page = session.get(f"{base}/vraag/", timeout=30)
    data = {
        **_fields(page.text),
        "question": "Mijn zoon krijgt geen ondersteuning op school. Wat kan ik doen?",
        "answer_by": "email",
        "requester_email": "ouder@example.invalid",
        "consent": "on",
    }
    answer = session.post(
        page.url, data=data, headers={"Referer": page.url}, timeout=30, allow_redirects=False
    )
    location = answer.headers.get("Location", "")
    if answer.status_code != 302 or not location.startswith("/mijn-vraag/"):
        errors = re.findall(r'class="[^"]*error[^"]*"[^>]*>([^<]+)', answer.text)
        raise SystemExit(f"[security] sending a question failed: {answer.status_code} {errors[:5]}")
    return urllib.parse.urlsplit(location).path


# --- wapiti ------------------------------------------------------------------------------------


def wapiti_cookies(session, path):
    """The signed-in session's cookies in wapiti's JSON cookie file format."""
    cookies = {}
    for cookie in session.cookies:
        domain = cookie.domain if cookie.domain[0].isdigit() else "." + cookie.domain.lstrip(".")
        cookies.setdefault(domain, {}).setdefault(cookie.path, {})[cookie.name] = {
            "value": cookie.value,
            "expires": cookie.expires,
            "secure": cookie.secure,
            "port": None,
            "version": 0,
        }
    path.write_text(json.dumps(cookies, indent=2))


def wapiti(name, base, *, start, excludes=(), cookie_file=None, extra=()):
    """Run one wapiti scan; return its JSON report path and log path."""
    folder = OUT / "wapiti"
    folder.mkdir(parents=True, exist_ok=True)
    report, log = folder / f"{name}.json", folder / f"{name}.log"
    args = [
        "/usr/bin/python3", REPO / "scripts" / "security_wapiti.py",
        "--url", base + "/", "--scope", "folder", "--module", WAPITI_MODULES,
        *WAPITI_LIMITS, "--max-scan-time", WAPITI_CRAWL_SECONDS, "--max-attack-time", WAPITI_ATTACK_SECONDS,
        "--timeout", "30", "--flush-session", "--store-session", folder / f"session-{name}",
        "--store-config", folder / "config", "--no-bugreport", "--verbose", "1",
        "--format", "json", "--output", report,
    ]  # fmt: skip
    for path in start:
        args += ["--start", base + path]
    for pattern in excludes:
        args += ["--exclude", base + pattern]
    if cookie_file:
        args += ["--cookie", cookie_file]
    args += list(extra)
    started = time.monotonic()
    try:
        run(args, log=log, check=False, timeout=900)
    except subprocess.TimeoutExpired:
        note(f"wapiti {name} ran longer than 15 minutes and was stopped")
    note(f"wapiti {name}: {time.monotonic() - started:.0f} s")
    return report, log


def wapiti_results(name, report, log):
    """Return ({kind: [finding, ...]}, crawled count, forms count, notes) of one wapiti scan."""
    if not report.exists():
        return {"wapiti did not write a report": [str(log.relative_to(REPO))]}, 0, 0, []
    data = json.loads(report.read_text())
    findings = {}
    waived_notes = []
    for section in ("vulnerabilities", "anomalies"):
        for category, items in data.get(section, {}).items():
            for item in items:
                reason = waived(category, item.get("info", ""), item.get("path", ""))
                if reason:
                    waived_notes.append(f"{category}: {item.get('info', '')} — waived: {reason}")
                    continue
                where = f"{item.get('method', '')} {item.get('path', '')}"
                parameter = f" [{item['parameter']}]" if item.get("parameter") else ""
                kind = {"vulnerabilities": "vulnerability", "anomalies": "anomaly"}[section]
                findings.setdefault(f"{kind}: {category}", []).append(
                    f"{where}{parameter}: {item.get('info', '')}".strip()
                )
    text = log.read_text(errors="replace")
    notes = sorted(set(re.findall(r"Max (?:scan|attack) time was reached[^\n]*", text)))
    notes += [f"{count} × {text}" for text, count in sorted(Counter(waived_notes).items())]
    # The crawled resources: wapiti prints none of it in the JSON report, so count its session.
    crawled, forms = _wapiti_crawl_counts(name)
    return findings, crawled, forms, notes


def _wapiti_crawl_counts(name):
    import sqlite3

    databases = list((OUT / "wapiti" / f"session-{name}").glob("*.db"))
    if not databases:
        return 0, 0
    with contextlib.closing(sqlite3.connect(databases[0])) as db:
        crawled = db.execute("SELECT count(*) FROM paths WHERE evil = 0").fetchone()[0]
        forms = db.execute("SELECT count(*) FROM paths WHERE evil = 0 AND method = 'POST'").fetchone()[0]
    return crawled, forms


# --- sqlmap ------------------------------------------------------------------------------------


def sqlmap(name, args):
    """Run one sqlmap scan; return (injection findings, log path)."""
    folder = OUT / "sqlmap" / name
    folder.mkdir(parents=True, exist_ok=True)
    log = OUT / "sqlmap" / f"{name}.log"
    started = time.monotonic()
    run(["sqlmap", *SQLMAP_COMMON, "--output-dir", folder, *args], log=log, check=False, timeout=900)
    note(f"sqlmap {name}: {time.monotonic() - started:.0f} s")
    text = log.read_text(errors="replace")
    # Only what sqlmap confirms: an injection it "appears" to find and then rejects as a false
    # positive (time-based tests on a busy machine) is not one.
    findings = re.findall(r"^.*sqlmap identified the following injection point.*$", text, re.M)
    # sqlmap writes its injection points to <host>/log; anything there is a finding as well.
    for found in folder.glob("*/log"):
        if found.read_text(errors="replace").strip() and not findings:
            findings = [f"injection point(s) in {found.relative_to(REPO)}"]
    return findings, sqlmap_tested(text), log


def sqlmap_tested(text):
    """How many parameters sqlmap tested: the distinct ones of each URL it went through."""
    sections = re.split(r"\[INFO\] testing URL '", text)
    return sum(len(set(re.findall(r"\b(GET|POST|URI) parameter '([^']+)'", section))) for section in sections)


def sqlmap_targets(base, platform, private_path, cookie_header):
    """(name, arguments) of every sqlmap scan. Explicit targets where parameters matter most, and a
    crawl for the rest of each site (``--smart`` there: full tests only where the heuristic sees a
    database error, which keeps crawling hundreds of addresses within the time)."""
    csrf = ["--csrf-token=csrfmiddlewaretoken"]
    admin = [f"--cookie={cookie_header}", "--drop-set-cookie"]

    def form(path):
        # sqlmap's own form parser gives up on these HTML5 pages ("no success"), so it gets the
        # form's fields as a person would fill them in. A fresh CSRF token before every request;
        # Django checks the Referer of an HTTPS form post, as the browser sends it.
        return ["-u", base + path, f"--data={post_form_data(base + path)}", *csrf, f"--referer={base}{path}"]

    return [
        ("search", ["-u", f"{base}/zoeken/?q=school"]),
        ("question-form", form("/vraag/")),
        ("youth-question-form", form("/vraag/jongeren/")),
        ("callback-form", form("/bel-mij-terug/")),
        # The private page: the code in the address (marked *) and its reply form.
        ("private-link", ["-u", f"{base}{private_path.rstrip('/')}*/"]),
        ("private-link-reply", form(private_path)),
        ("platform-postcode", ["-u", f"{platform}/?postcode=1234AB"]),
        (
            "public-crawl",
            [
                "-u",
                f"{base}/",
                "--crawl=2",
                "--forms",
                *csrf,
                "--smart",
                f"--referer={base}/",
                "--crawl-exclude=/admin/|/beveiliging/",
            ],
        ),
        ("admin-login", form("/admin/login/")),
        ("admin-case-search", ["-u", f"{base}/admin/vragen/?q=school&status=new", *admin]),
        ("admin-page-search", ["-u", f"{base}/admin/pages/search/?q=school", *admin]),
        (
            "admin-crawl",
            [
                "-u",
                f"{base}/admin/",
                "--crawl=2",
                "--smart",
                *admin,
                "--crawl-exclude=logout|/account/|delete|unpublish|/lock/|/unlock/|/move/|/beveiliging/",
            ],
        ),
    ]


# --- the run -----------------------------------------------------------------------------------


def application_errors(logs):
    """The server errors Django logged (address and exception) and the answers by status code."""
    text = (logs / "app.log").read_text(errors="replace") if (logs / "app.log").exists() else ""
    errors = []
    for block in re.split(r"^(?=Internal Server Error: )", text, flags=re.M)[1:]:
        lines = block.splitlines()
        exceptions = [line for line in lines if re.match(r"^[\w.]+(?:Error|Exception|DoesNotExist)\b", line)]
        errors.append(
            f"{lines[0].removeprefix('Internal Server Error: ')}: {(exceptions or ['?'])[-1][:160]}"
        )
    errors = [f"{count} × {error}" for error, count in Counter(errors).most_common()]
    statuses = Counter()
    if (logs / "access.log").exists():
        for line in (logs / "access.log").read_text(errors="replace").splitlines():
            match = re.search(r'" (\d{3}) ', line)
            if match:
                statuses[match.group(1)] += 1
    return errors, statuses


CSRF_UNCHECKED = "is not properly checked in backend"


def recheck_csrf(session, base, findings, notes):
    """Check wapiti's "CSRF token … not properly checked" findings ourselves, with the signed-in session.

    wapiti 3.0.4 flags a form when its request with the right token and its request with a wrong one
    get the same answer. For a form with a file field it writes the multipart body with a wrong
    boundary, so Django finds no token in either and refuses both (403, "CSRF token missing" in the
    application's log): the same answer, flagged. Here the form is sent as a browser sends it, once with
    the page's token and once with a wrong one; only when the first is accepted (not 403) and the second
    refused (403) is the finding noted as checked instead of failing the run.
    """
    for scan in ("admin", "public"):
        report = OUT / "wapiti" / f"{scan}.json"
        if not report.exists():
            continue
        data = json.loads(report.read_text())
        for item in data.get("vulnerabilities", {}).get("Cross Site Request Forgery", []):
            if CSRF_UNCHECKED not in item.get("info", ""):
                continue
            text = f"{item.get('method', '')} {item.get('path', '')}: {item.get('info', '')}".strip()
            kind = "wapiti vulnerability: Cross Site Request Forgery"
            if text not in findings.get(kind, []):
                continue
            address = item.get("http_request", "").split("\n", 1)[0].split(" ")[1]
            url = base + address
            page = session.get(url, timeout=30)
            parser = _Forms()
            parser.feed(page.text)
            fields = next((f for method, _action, f in parser.forms if method == "POST"), None)
            if fields is None or "csrfmiddlewaretoken" not in fields:
                continue
            if not fields["csrfmiddlewaretoken"]:
                # A form on a page from the shared cache (article feedback): its script fetches the
                # token from core.public_forms.form_key, and so does this check.
                key = session.get(f"{base}/formulier-sleutel/", timeout=30).json()
                fields["csrfmiddlewaretoken"] = key["csrf"]
            multipart = "multipart/form-data" in page.text
            answers = []
            for token in (fields["csrfmiddlewaretoken"], "wapiti"):
                data_fields = {**fields, "csrfmiddlewaretoken": token}
                if multipart:
                    files = {name: (None, value) for name, value in data_fields.items()}
                    answer = session.post(url, files=files, headers={"Referer": url}, timeout=30)
                else:
                    answer = session.post(url, data=data_fields, headers={"Referer": url}, timeout=30)
                answers.append(answer.status_code)
            if answers[0] != 403 and answers[1] == 403:
                findings[kind].remove(text)
                if not findings[kind]:
                    del findings[kind]
                notes.append(
                    f"wapiti {scan}: {text} — checked again as a browser sends it: the page's token "
                    f"accepted ({answers[0]}), a wrong token refused (403); wapiti's own multipart request "
                    "had no readable token at all"
                )


def _wapiti_stream(scans):
    """Run wapiti scans one after another; return (scanned lines, notes, findings)."""
    scanned, notes, findings = [], [], {}
    for name, url, kwargs in scans:
        report, log = wapiti(name, url, **kwargs)
        found, crawled, forms, scan_notes = wapiti_results(name, report, log)
        scanned.append(f"wapiti {name:<8} {url}/: {crawled} URLs crawled, {forms} of them forms (POST)")
        notes += [f"wapiti {name}: {n}" for n in scan_notes]
        for kind, items in found.items():
            findings.setdefault(f"wapiti {kind}", []).extend(items)
    return scanned, notes, findings


def _sqlmap_stream(targets):
    scanned, findings = [], {}
    for name, args in targets:
        found, tested, log = sqlmap(name, args)
        scanned.append(f"sqlmap {name:<19} {tested} parameters tested")
        if not tested:
            # A scan that tested nothing proves nothing: a refused option, no form found, 403s.
            findings.setdefault("scan setup", []).append(
                f"sqlmap {name} tested no parameter: see {log.relative_to(REPO)}"
            )
        if found:
            findings.setdefault("sqlmap injection", []).extend(f"{name}: {f}" for f in found)
    return scanned, [], findings


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--only", choices=["wapiti", "sqlmap"], help="run one scanner only")
    options = parser.parse_args()
    started = time.monotonic()
    shutil.rmtree(OUT, ignore_errors=True)
    logs = OUT / "logs"
    logs.mkdir(parents=True)
    (OUT / "wapiti").mkdir()
    port = free_port()
    cert, key = certificate(OUT / "tls")
    # Our own certificate is the only one trusted: requests (ours and wapiti's) verify against it,
    # which also keeps the system bundle in REQUESTS_CA_BUNDLE from overriding verify=False.
    os.environ["REQUESTS_CA_BUNDLE"] = str(cert)
    os.environ.pop("CURL_CA_BUNDLE", None)
    base, platform = f"https://127.0.0.1:{port}", f"https://localhost:{port}"
    prepare(port, logs)
    findings = {}  # kind → [text]
    scanned = []  # lines for the summary
    notes = []
    with server(port, logs, cert, key):
        session = staff_session(base)
        private_path = send_question(base)
        note(f"serving on {base} (steunpunt Noord) and {platform} (platform index); a question sent: "
             f"{private_path[:16]}…; signed in as {STAFF} with password and TOTP code")  # fmt: skip
        cookie_file = OUT / "wapiti" / "admin-cookies.json"
        wapiti_cookies(session, cookie_file)
        cookie_header = "; ".join(f"{c.name}={c.value}" for c in session.cookies)
        public_start = [
            "/vraag/", "/vraag/jongeren/", "/bel-mij-terug/", "/zoeken/?q=school", private_path,
            "/informatie/", "/begrippen/", "/scholen/?q=school", "/hulp-in-de-buurt/?q=school",
            "/ervaringen/", "/bijeenkomsten/", "/spreekuur/", "/wat-we-hoorden/", "/privacy/",
            "/admin/login/",
        ]  # fmt: skip
        admin = {
            "start": ["/vragen/", "/signalen/", "/rapportage/", "/ontwikkeling/", "/pages/"],
            "excludes": [e.removeprefix("/admin") for e in ADMIN_EXCLUDES if e.startswith("/admin")],
            "cookie_file": cookie_file,
        }
        # Three streams side by side: each scanner waits on the server most of the time, so the
        # two cores serve them together in about the time of the longest one.
        streams = []
        if options.only != "sqlmap":
            public = {"start": public_start, "excludes": ["/admin/*", "/beveiliging/*"]}
            streams.append(
                (_wapiti_stream, [("public", base, public), ("platform", platform, {"start": []})])
            )
            streams.append((_wapiti_stream, [("admin", base + "/admin", admin)]))
        if options.only != "wapiti":
            streams.append((_sqlmap_stream, sqlmap_targets(base, platform, private_path, cookie_header)))
        with concurrent.futures.ThreadPoolExecutor(len(streams)) as pool:
            for stream_scanned, stream_notes, stream_findings in pool.map(lambda s: s[0](s[1]), streams):
                scanned += stream_scanned
                notes += stream_notes
                for kind, items in stream_findings.items():
                    findings.setdefault(kind, []).extend(items)
        recheck_csrf(session, base, findings, notes)
        if not still_signed_in(session, base):
            findings.setdefault("scan setup", []).append(
                "the staff session ended during the scans: the back-office results are incomplete"
            )
    errors, statuses = application_errors(logs)
    if errors:
        findings["application errors logged (500)"] = errors
    print("\n=== make security: summary ===")
    for line in scanned:
        print("  " + line)
    by_status = ", ".join(f"{status}: {count}" for status, count in sorted(statuses.items()))
    print(f"  answers served: {sum(statuses.values())} ({by_status})")
    for line in notes:
        print("  note: " + line)
    print(f"  full reports: {OUT.relative_to(REPO)}/ (wapiti/*.json and *.log, sqlmap/*.log, logs/app.log)")
    print(f"  duration: {(time.monotonic() - started) / 60:.1f} min")
    if not findings:
        print("  findings: 0")
        return 0
    total = sum(len(items) for items in findings.values())
    print(f"  FINDINGS: {total}")
    for kind, items in sorted(findings.items()):
        print(f"  - {kind}: {len(items)}")
        for item in items[:10]:
            print(f"      {item}")
        if len(items) > 10:
            print(f"      … and {len(items) - 10} more (see the reports)")
    return 1


if __name__ == "__main__":
    sys.exit(main())
