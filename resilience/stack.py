"""The running stack the resilience checks fault: a private PostgreSQL cluster, gunicorn, task workers
and an SMTP sink, each started and stopped by its own process id.

Nothing here touches the machine's shared PostgreSQL server: the checks initdb a cluster of their own
in a temporary directory (owned by the ``postgres`` user when run as root), on a free port, and
delete it afterwards, also when a check fails or is interrupted.
"""

import contextlib
import json
import os
import pwd
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import psycopg

REPO = Path(__file__).resolve().parent.parent
VENV_BIN = REPO / ".venv" / "bin"
PYTHON = VENV_BIN / "python"
SRC = REPO / "src"
HOST = "noord.localhost"
DATABASE = "steunpunt_resilience"
# A key that exists only in these throw-away databases; production settings refuse to start without one.
SECRET_KEY = "resilience-only-secret-key-not-for-any-real-installation-3b9e7a"  # noqa: S105
PORTS = range(8850, 8900)
# The form's limit per internet address, raised as in bench/p6: every client here is 127.0.0.1.
FORM_RATE = "1000000/m"


def log(text):
    print(f"  · {text}", flush=True)


def run(args, *, env=None, check=True, timeout=600, output=None):
    """Run a fixed argument list (never a shell); the output goes to ``output`` (a file) or is kept."""
    result = subprocess.run(  # noqa: S603  (argument lists we build ourselves)
        [str(arg) for arg in args],
        env=env,
        cwd=REPO,
        check=False,
        text=True,
        timeout=timeout,
        stdin=subprocess.DEVNULL,
        stdout=output if output is not None else subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    if check and result.returncode != 0:
        raise RuntimeError(
            f"{' '.join(map(str, args))} failed ({result.returncode}):\n{(result.stdout or '')[-4000:]}"
        )
    return result


def _free(port):
    with socket.socket() as probe:
        if probe.connect_ex(("127.0.0.1", port)) == 0:
            return False
    with socket.socket() as sock:
        try:
            sock.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True


_taken = set()


def free_port():
    """A loopback port in 8850–8899 that nothing uses (and that this run has not handed out yet)."""
    for port in PORTS:
        if port not in _taken and _free(port):
            _taken.add(port)
            return port
    raise RuntimeError("no free port in 8850-8899")


def stop_process(process, name, *, timeout=20):
    """SIGTERM, then SIGKILL, one process we started (by its own id)."""
    if process is None or process.poll() is not None:
        return
    process.send_signal(signal.SIGTERM)
    try:
        process.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        log(f"{name} (pid {process.pid}) did not stop in time: SIGKILL")
        process.kill()
        process.wait()


# --- PostgreSQL ------------------------------------------------------------------------------------


def _postgres_bin():
    found = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"), reverse=True)
    if found:
        return found[0].parent
    if os.geteuid() != 0:
        sys.exit(
            "initdb is missing: install the Debian package postgresql (as root: apt-get install postgresql)"
        )
    log("installing the Debian package postgresql (initdb, pg_ctl) ...")
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    run(["apt-get", "update", "-q"], env=env)
    run(["apt-get", "install", "-y", "-q", "--no-install-recommends", "postgresql"], env=env)
    return _postgres_bin()


class PrivatePostgres:
    """A PostgreSQL cluster of our own in a temporary directory: initdb, start, restart, delete."""

    def __init__(self):
        self.bin = _postgres_bin()
        self.port = free_port()
        self.root = Path(tempfile.mkdtemp(prefix="resilience-pg-"))
        self.data = self.root / "data"
        self.logfile = self.root / "postgres.log"
        self.as_postgres = os.geteuid() == 0
        if self.as_postgres:
            user = pwd.getpwnam("postgres")
            os.chown(self.root, user.pw_uid, user.pw_gid)
        # fsync=off only spares the disk: the checks kill processes, never the machine, and WAL written
        # to the operating system survives a killed server (synchronous_commit stays on).
        self.options = (
            f"-p {self.port} -k {self.root} -c listen_addresses=127.0.0.1 -c max_connections=60 -c fsync=off"
        )

    def _command(self, name, *args):
        prefix = ["runuser", "-u", "postgres", "--"] if self.as_postgres else []
        return [*prefix, self.bin / name, *args]

    def start(self):
        run(
            self._command(
                "initdb", "-D", self.data, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--no-sync"
            )
        )
        self._pg_ctl("start", "-w", "-t", "60", "-o", self.options)
        with psycopg.connect(self.url("postgres"), autocommit=True) as connection:
            connection.execute(f"CREATE DATABASE {DATABASE}")
        log(f"private PostgreSQL cluster on 127.0.0.1:{self.port} in {self.root}")

    def _pg_ctl(self, action, *args):
        # The server inherits pg_ctl's output: send it to the log file, never to a pipe we wait on.
        with open(self.logfile, "a") as output:
            if self.as_postgres:
                os.chown(self.logfile, pwd.getpwnam("postgres").pw_uid, -1)
            return run(self._command("pg_ctl", "-D", self.data, action, *args), output=output, timeout=120)

    def restart(self, mode):
        started = time.monotonic()
        self._pg_ctl("restart", "-m", mode, "-w", "-t", "60", "-o", self.options)
        return time.monotonic() - started

    def url(self, database=DATABASE):
        return f"postgres://postgres@127.0.0.1:{self.port}/{database}"

    def delete(self):
        if (self.data / "postmaster.pid").exists():
            self._pg_ctl("stop", "-m", "immediate", "-w", "-t", "60")
        shutil.rmtree(self.root, ignore_errors=True)
        log(f"private PostgreSQL cluster stopped and deleted ({self.root})")


def query(url, sql, params=None):
    with psycopg.connect(url, connect_timeout=10) as connection:
        return connection.execute(sql, params).fetchall()


# --- the application -------------------------------------------------------------------------------


class App:
    """The environment of the app on the private cluster, and the one-off commands."""

    def __init__(self, postgres, workdir):
        self.postgres = postgres
        self.workdir = Path(workdir)
        self.var = self.workdir / "var"
        self.var.mkdir(parents=True, exist_ok=True)

    def env(self, *, email_port, settings="steunpunt.conf.production", **extra):
        env = dict(os.environ)
        for name in ("CACHE_URL", "REDIS_URL", "EMAIL_HOST_USER", "EMAIL_HOST_PASSWORD", "STATIC_ROOT"):
            env.pop(name, None)
        env.update(
            DATABASE_URL=self.postgres.url(),
            DJANGO_SETTINGS_MODULE=settings,
            DJANGO_SECRET_KEY=SECRET_KEY,
            DJANGO_DEBUG="0",
            SECURE_SSL_REDIRECT="0",
            STEUNPUNT_VAR_DIR=str(self.var),
            ALLOWED_HOSTS="localhost,.localhost,127.0.0.1",
            PUBLIC_FORM_RATE=FORM_RATE,
            PUBLIC_FORM_RATE_UNVERIFIED=FORM_RATE,
            TASK_BACKEND="database",
            EMAIL_BACKEND="django.core.mail.backends.smtp.EmailBackend",
            EMAIL_HOST="127.0.0.1",
            EMAIL_PORT=str(email_port),
            EMAIL_USE_TLS="0",
            LOG_LEVEL="WARNING",
            PYTHONPATH=str(SRC),
            PYTHONDONTWRITEBYTECODE="1",
            **{name: str(value) for name, value in extra.items()},
        )
        return env

    def manage(self, *args, settings="steunpunt.conf.production", email_port=25):
        return run(
            [PYTHON, REPO / "manage.py", *args], env=self.env(email_port=email_port, settings=settings)
        )

    def prepare(self, web_port):
        started = time.monotonic()
        self.manage("migrate", "--noinput", "-v", "0")
        log(f"migrate: {time.monotonic() - started:.0f} s")
        self.manage(
            "load_demo_data",
            "--port",
            web_port,
            "--logins-file",
            self.workdir / "demo-logins.json",
            settings="steunpunt.conf.dev",
        )
        self.manage("collectstatic", "--noinput", "-v", "0")
        # The demo's own background work (search index, its mails) first, so the checks start from an
        # idle queue. Nothing listens on this mail port: the demo's mails wait in the outbox.
        self.manage("db_worker", "--batch", "--no-startup-delay", "-v", "0", email_port=free_port())
        log(
            f"database {DATABASE}: migrate, load_demo_data, collectstatic, the demo's tasks "
            f"in {time.monotonic() - started:.0f} s"
        )


class Gunicorn:
    """The production stack's gunicorn (deploy/gunicorn.conf.py), sync workers, on a free port."""

    def __init__(self, app, *, port, email_port, workers=3):
        self.app, self.port, self.email_port, self.workers = app, port, email_port, workers
        self.process = None
        self.errorlog = app.workdir / f"gunicorn-{port}-error.log"

    def start(self):
        env = self.app.env(
            email_port=self.email_port,
            GUNICORN_BIND=f"127.0.0.1:{self.port}",
            GUNICORN_WORKERS=self.workers,
            GUNICORN_ACCESS_LOG=self.app.workdir / f"gunicorn-{self.port}-access.log",
            GUNICORN_ERROR_LOG=self.errorlog,
            GUNICORN_LOG_LEVEL="info",
        )
        self.process = subprocess.Popen(  # noqa: S603  (fixed argument list)
            [str(VENV_BIN / "gunicorn"), "-c", str(REPO / "deploy" / "gunicorn.conf.py")],
            env=env,
            cwd=REPO,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"gunicorn exited ({self.process.returncode}); see {self.errorlog}")
            with contextlib.suppress(OSError):
                status, _headers, _body = http("GET", self.port, "/vraag/", timeout=10)
                if status == 200 and len(self.worker_pids()) == self.workers:
                    return
            time.sleep(0.3)
        raise RuntimeError(f"gunicorn did not answer on 127.0.0.1:{self.port}")

    def worker_pids(self):
        try:
            children = Path(f"/proc/{self.process.pid}/task/{self.process.pid}/children").read_text()
        except OSError:
            return []
        return [int(pid) for pid in children.split()]

    def kill_worker(self):
        """SIGKILL one worker of our gunicorn (the master forks a new one)."""
        pid = self.worker_pids()[0]
        os.kill(pid, signal.SIGKILL)
        return pid

    def stop(self):
        stop_process(self.process, "gunicorn")


class TaskWorkers:
    """``manage.py db_worker`` under a small supervisor, as systemd's Restart=always would run it.

    Every exit is recorded: the ones we caused (SIGKILL) and the ones we did not (a crash).
    """

    def __init__(self, app, *, email_port, name="worker"):
        self.app, self.email_port, self.name = app, email_port, name
        self.process = None
        self.started = 0
        self.killed = 0
        self.crashes = []  # return codes of exits we did not cause
        self.logfile = app.workdir / f"{name}.log"
        self._lock = threading.Lock()
        self._running = False
        self._expect_exit = False
        self._thread = None
        self._wanted = 1  # workers started so far, counting the one the supervisor is about to start

    def _spawn(self):
        with open(self.logfile, "a") as output:
            self.process = subprocess.Popen(  # noqa: S603  (fixed argument list)
                [
                    str(PYTHON),
                    str(REPO / "manage.py"),
                    "db_worker",
                    "--interval",
                    "0.2",
                    "--no-startup-delay",
                ],
                env=self.app.env(email_port=self.email_port, PYTHONUNBUFFERED="1"),
                cwd=REPO,
                stdin=subprocess.DEVNULL,
                stdout=output,
                stderr=subprocess.STDOUT,
            )
        self.started += 1

    def start(self):
        self._running = True
        with self._lock:
            self._spawn()
        self._thread = threading.Thread(target=self._supervise, daemon=True)
        self._thread.start()

    def _supervise(self):
        while self._running:
            with self._lock:
                if self._running and self.process.poll() is not None:
                    if not self._expect_exit:
                        self.crashes.append(self.process.returncode)
                    self._expect_exit = False
                    time.sleep(0.5)
                    self._spawn()
            time.sleep(0.1)

    def wait_ready(self, seconds=90):
        """Wait until every worker started so far has logged its start (Django loaded, polling)."""
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            text = self.logfile.read_text(errors="replace") if self.logfile.exists() else ""
            if self.started >= self._wanted and text.count("Starting worker") >= self.started:
                return True
            time.sleep(0.2)
        return False

    def kill(self):
        """SIGKILL the running worker; the supervisor starts a new one."""
        with self._lock:
            pid = self.process.pid
            self._expect_exit = True
            self._wanted = self.started + 1
            self.process.kill()
            self.process.wait()
            self.killed += 1
        return pid

    def stop(self):
        self._running = False
        if self._thread is not None:
            self._thread.join(timeout=5)
        stop_process(self.process, self.name)


class SmtpSink:
    """A real SMTP server (aiosmtpd) in a subprocess that writes every message it accepts as a JSON line.

    With ``hold_at`` it stops in the middle of the ``hold_at``-th mail (after RCPT TO, before DATA)
    until released: the moment to kill the sender while it is delivering that mail.
    """

    def __init__(self, workdir, port, *, hold_at=0):
        self.port = port
        self.dir = Path(workdir) / f"smtp-{port}"
        self.dir.mkdir(parents=True, exist_ok=True)
        self.out = self.dir / "messages.jsonl"
        self.hold_at = hold_at
        self.process = None

    def start(self):
        self.process = subprocess.Popen(  # noqa: S603  (fixed argument list)
            [
                str(PYTHON),
                str(Path(__file__).resolve().parent / "smtp_sink.py"),
                "--port",
                str(self.port),
                "--out",
                str(self.out),
                "--hold-at",
                str(self.hold_at),
                "--control",
                str(self.dir),
            ],
            cwd=REPO,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=open(self.dir / "sink.log", "a"),  # noqa: SIM115  (the child keeps it)
        )
        deadline = time.monotonic() + 30
        while not (self.dir / "ready").exists():
            if self.process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"the SMTP sink did not start; see {self.dir / 'sink.log'}")
            time.sleep(0.1)

    def held(self):
        return (self.dir / "held").exists()

    def release(self):
        (self.dir / "release").touch()

    def hold_data(self, action, timeout=10):
        """Hold the next mail after its DATA (received, not yet accepted), run ``action``, then accept it.

        Returns ``(held, result)``: whether a mail was being delivered while ``action`` ran.
        """
        (self.dir / "held-data").unlink(missing_ok=True)
        (self.dir / "hold-data").touch()
        deadline = time.monotonic() + timeout
        while not (self.dir / "held-data").exists() and time.monotonic() < deadline:
            time.sleep(0.01)
        held = (self.dir / "held-data").exists()
        (self.dir / "hold-data").unlink(missing_ok=True)
        try:
            return held, action()
        finally:
            (self.dir / "release-data").touch()

    def messages(self):
        if not self.out.exists():
            return []
        return [json.loads(line) for line in self.out.read_text().splitlines() if line.strip()]

    def stop(self):
        stop_process(self.process, "SMTP sink")


# --- HTTP ------------------------------------------------------------------------------------------


def http(method, port, path, *, body=None, headers=None, timeout=30):
    """One request on a new connection; returns (status, headers, body)."""
    import http.client

    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        connection.request(method, path, body=body, headers={"Host": f"{HOST}:{port}", **(headers or {})})
        response = connection.getresponse()
        return response.status, response.headers, response.read()
    finally:
        connection.close()
