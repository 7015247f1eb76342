"""What every benchmark shares: paths, the environment, tools, servers, wrk and the printed table.

Nothing here asserts a timing: figures are printed, each beside a reference measured in the same run.
"""

import contextlib
import http.client
import json
import os
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

REPO = Path(__file__).resolve().parent.parent
BENCH = REPO / "bench"
VAR = BENCH / "var"
VENV_BIN = REPO / ".venv" / "bin"
PYTHON = VENV_BIN / "python"
# The application measured: this checkout, or another tree with manage.py and src/ (for example
# `git archive <commit> manage.py src | tar -x -C DIR`), run with this checkout's .venv.
APP = Path(os.environ.get("BENCH_APP_DIR", REPO)).resolve()
SRC = APP / "src"

DEFAULT_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/steunpunt_bench"
SETTINGS = "steunpunt.conf.production"
# A fixed key that exists only in bench databases; production settings refuse to start without one.
SECRET_KEY = "bench-only-secret-key-not-for-any-real-installation-6f1c2d"  # noqa: S105
HOST = "noord.localhost"
APP_PORT = int(os.environ.get("BENCH_APP_PORT", "8765"))
# gunicorn's sync workers for the app (BENCH_WORKERS): 2 as quality.md measures P1; deploy/gunicorn.conf.py
# (the documented stack) starts 2 × CPUs + 1, as `BENCH_WORKERS=documented` does.
_workers = os.environ.get("BENCH_WORKERS", "2")
WORKERS = (os.cpu_count() or 1) * 2 + 1 if _workers == "documented" else int(_workers)
FULL_ARTICLES = 50_000
QUICK_ARTICLES = 3_000
SMALL_ARTICLES = 1_000
SETTINGS_NOTE = (
    "settings: steunpunt.conf.production (DEBUG=False, whitenoise manifest storage, persistent "
    "PostgreSQL connections; cache and background work on Redis with an RQ worker, as README.md "
    "documents the production stack), SECURE_SSL_REDIRECT=0 because the bench speaks plain HTTP on loopback"
)


def database_url(suffix=""):
    """The bench database (``BENCH_DATABASE_URL``), or a sibling named ``<name><suffix>``."""
    url = os.environ.get("BENCH_DATABASE_URL", DEFAULT_DATABASE_URL)
    if not suffix:
        return url
    parts = urlsplit(url)
    return urlunsplit(parts._replace(path=parts.path + suffix))


def big_database_url(quick):
    """The database with the many articles: ``steunpunt_bench``, or ``steunpunt_bench_quick``."""
    return database_url("_quick" if quick else "")


def database_name(url):
    return urlsplit(url).path.lstrip("/")


def live_articles(db_url):
    """How many live articles the database holds (psql, so no Django in this process)."""
    result = run(
        [
            tool("psql"),
            db_url,
            "-tAc",
            "SELECT count(*) FROM information_articlepage a JOIN wagtailcore_page p ON p.id = a.page_ptr_id "
            "WHERE p.live",
        ],
        capture=True,
    )
    return int(result.stdout.strip())


def article_count(quick):
    """How many articles the big bench database holds: 50,000, or ``BENCH_ARTICLES``/--quick."""
    if "BENCH_ARTICLES" in os.environ:
        return int(os.environ["BENCH_ARTICLES"])
    return QUICK_ARTICLES if quick else FULL_ARTICLES


def app_env(db_url, settings=SETTINGS):
    """The environment for the app (manage.py, gunicorn, in-process Django) on a bench database."""
    env = dict(os.environ)
    env.update(
        DATABASE_URL=db_url,
        DJANGO_SETTINGS_MODULE=settings,
        DJANGO_SECRET_KEY=SECRET_KEY,
        DJANGO_DEBUG="0",
        SECURE_SSL_REDIRECT="0",
        STEUNPUNT_VAR_DIR=str(VAR),
        LOG_LEVEL="WARNING",
        PYTHONPATH=str(SRC),
        PYTHONDONTWRITEBYTECODE="1",
    )
    return env


def setup_django(db_url, settings=SETTINGS):
    """Configure Django in this process for ``db_url`` (call before importing app code)."""
    os.environ.update(app_env(db_url, settings))
    if str(SRC) not in sys.path:
        sys.path.insert(0, str(SRC))
    import django

    django.setup()


def run(args, *, env=None, check=True, capture=False, cwd=REPO):
    """Run a command with arguments we build ourselves (never a shell)."""
    result = subprocess.run(  # noqa: S603  (fixed argument lists)
        [str(arg) for arg in args],
        env=env,
        cwd=cwd,
        check=False,
        text=True,
        stdout=subprocess.PIPE if capture else None,
        stderr=subprocess.STDOUT if capture else None,
    )
    if check and result.returncode != 0:
        if capture:
            print(result.stdout[-5000:], file=sys.stderr)
        raise subprocess.CalledProcessError(result.returncode, result.args, result.stdout)
    return result


def manage(*args, db_url, settings=SETTINGS, capture=False):
    return run([PYTHON, APP / "manage.py", *args], env=app_env(db_url, settings), capture=capture, cwd=APP)


def banner(title):
    line = "=" * len(title)
    print(f"\n{line}\n{title}\n{line}", flush=True)


def note(text):
    print(f"  · {text}", flush=True)


# --- tools -------------------------------------------------------------------------------------

DEBIAN_PACKAGES = {"wrk": "wrk", "nginx": "nginx-light"}
# P2's front cache (deploy/nginx/steunpunt.conf) purges with this module.
PURGE_MODULE_PACKAGE = (
    "/usr/lib/nginx/modules/ngx_http_cache_purge_module.so",
    "libnginx-mod-http-cache-purge",
)


def tool(name):
    """The absolute path of ``name``, also looking in /usr/sbin where nginx lives."""
    found = shutil.which(name) or shutil.which(name, path="/usr/sbin:/sbin")
    if not found:
        sys.exit(f"{name} is missing: run `make bench` (or bench/run_all.py) to install it.")
    return found


def _pins_installed(requirements):
    """Whether every ``name==version`` line of ``requirements`` is installed at that version."""
    from importlib.metadata import PackageNotFoundError, version

    for line in requirements.read_text().splitlines():
        name, _, pinned = line.split("#")[0].strip().partition("==")
        if not name:
            continue
        try:
            if version(name) != pinned:
                return False
        except PackageNotFoundError:
            return False
    return True


def ensure_tools():
    """Install wrk, nginx and its purge module from Debian when missing; without root, print the command
    and stop."""
    missing = [
        package
        for command, package in DEBIAN_PACKAGES.items()
        if not (shutil.which(command) or shutil.which(command, path="/usr/sbin:/sbin"))
    ]
    if not Path(PURGE_MODULE_PACKAGE[0]).exists():
        missing.append(PURGE_MODULE_PACKAGE[1])
    if missing:
        command = f"apt-get update && apt-get install -y --no-install-recommends {' '.join(missing)}"
        if os.geteuid() != 0:
            sys.exit(
                f"The benchmarks need {', '.join(missing)}. Install as root with:\n  sudo sh -c '{command}'"
            )
        print(f"Installing {' '.join(missing)} ...", flush=True)
        env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
        run([tool("apt-get"), "update", "-q"], env=env, capture=True)
        run(
            [tool("apt-get"), "install", "-y", "-q", "--no-install-recommends", *missing],
            env=env,
            capture=True,
        )
    if not _pins_installed(BENCH / "requirements.txt"):
        print("Installing bench/requirements.txt into .venv ...", flush=True)
        run(
            [
                PYTHON,
                "-m",
                "pip",
                "install",
                "--quiet",
                "--disable-pip-version-check",
                "-r",
                BENCH / "requirements.txt",
            ]
        )


# --- servers -----------------------------------------------------------------------------------


def free_port(preferred=None):
    """``preferred`` when nothing listens there, else any free loopback port."""
    if preferred:
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", preferred)) != 0:
                return preferred
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def http_get(port, path, host=HOST, timeout=30):
    """One GET on loopback; returns (status, body bytes)."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        connection.request("GET", path, headers={"Host": f"{host}:{port}"})
        response = connection.getresponse()
        return response.status, response.read()
    finally:
        connection.close()


def wait_for(port, path="/", host=HOST, seconds=60):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        with contextlib.suppress(OSError):
            return http_get(port, path, host, timeout=5)
        time.sleep(0.2)
    raise RuntimeError(f"nothing answered on 127.0.0.1:{port} within {seconds} s")


def _stop(process, name):
    """Stop a server we started, by its own process id (SIGTERM, then SIGKILL)."""
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            print(f"  {name} did not stop in time; killing pid {process.pid}", flush=True)
            process.kill()
            process.wait()


NGINX_CONF = """\
worker_processes 2;
daemon off;
pid {tmp}/nginx.pid;
error_log {tmp}/error.log warn;
events {{ worker_connections 1024; }}
http {{
    access_log off;
    client_body_temp_path {tmp}/client_body;
    proxy_temp_path {tmp}/proxy;
    fastcgi_temp_path {tmp}/fastcgi;
    uwsgi_temp_path {tmp}/uwsgi;
    scgi_temp_path {tmp}/scgi;
    sendfile on;
    types {{ text/plain txt; }}
    server {{
        listen 127.0.0.1:{port};
        root {tmp}/www;
    }}
}}
"""


@contextlib.contextmanager
def nginx_static():
    """nginx serving a 1 KB static file on a free loopback port; yields (port, path)."""
    with tempfile.TemporaryDirectory(prefix="bench-nginx-") as tmp:
        tmp_path = Path(tmp)
        (tmp_path / "www").mkdir()
        (tmp_path / "www" / "1k.txt").write_bytes(b"x" * 1023 + b"\n")
        # nginx workers run as an unprivileged user when started by root: let them read the file.
        for path in (tmp_path, tmp_path / "www"):
            path.chmod(0o755)
        (tmp_path / "www" / "1k.txt").chmod(0o644)
        port = free_port()
        (tmp_path / "nginx.conf").write_text(NGINX_CONF.format(tmp=tmp, port=port))
        process = subprocess.Popen(  # noqa: S603  (fixed argument list)
            [tool("nginx"), "-p", tmp, "-e", f"{tmp}/error.log", "-c", f"{tmp}/nginx.conf"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            status, body = wait_for(port, "/1k.txt", host="127.0.0.1", seconds=20)
            if status != 200 or len(body) != 1024:
                raise RuntimeError(f"nginx answered {status} with {len(body)} bytes")
            yield port, "/1k.txt"
        finally:
            _stop(process, "nginx")


NGINX_FRONT_CONF = """\
load_module {module};
{user}
worker_processes 2;
daemon off;
pid {tmp}/nginx.pid;
error_log {tmp}/error.log warn;
events {{ worker_connections 1024; }}
http {{
    client_body_temp_path {tmp}/client_body;
    proxy_temp_path {tmp}/proxy;
    fastcgi_temp_path {tmp}/fastcgi;
    uwsgi_temp_path {tmp}/uwsgi;
    scgi_temp_path {tmp}/scgi;
    sendfile on;
    include {tmp}/steunpunt.conf;
}}
"""


def _nginx_render():
    """deploy/nginx/render.py of this checkout (the documented configuration)."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("nginx_render", REPO / "deploy" / "nginx" / "render.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@contextlib.contextmanager
def nginx_front(app_port):
    """nginx with the front cache of deploy/nginx/steunpunt.conf (rendered with a free port and
    temporary paths, nothing else changed) in front of the app on ``app_port``; yields the port.

    Main configuration as for :func:`nginx_static` (2 workers); the access log is kept, as in
    production, in the temporary directory.
    """
    render = _nginx_render()
    if not render.PURGE_MODULE.exists():
        sys.exit(f"{render.PURGE_MODULE} is missing: run `make bench` (or bench/run_all.py) to install it.")
    with tempfile.TemporaryDirectory(prefix="bench-nginx-front-") as tmp:
        tmp_path = Path(tmp)
        tmp_path.chmod(0o755)
        port = free_port()
        (tmp_path / "steunpunt.conf").write_text(
            render.render(
                listen=f"127.0.0.1:{port}",
                upstream=f"127.0.0.1:{app_port}",
                cache_dir=tmp_path / "cache",
                access_log=tmp_path / "access.log",
                error_log=tmp_path / "error-steunpunt.log",
            )
        )
        (tmp_path / "nginx.conf").write_text(
            NGINX_FRONT_CONF.format(
                module=render.PURGE_MODULE,
                tmp=tmp,
                # Started by root, the workers would run as nobody, who cannot write the cache here.
                user="user root;" if os.geteuid() == 0 else "",
            )
        )
        process = subprocess.Popen(  # noqa: S603  (fixed argument list)
            [tool("nginx"), "-p", tmp, "-e", f"{tmp}/error.log", "-c", f"{tmp}/nginx.conf"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            wait_for(port, "/", seconds=20)
            yield port
        finally:
            _stop(process, "nginx")


# The production stack as README.md documents it: the cache (pages, rate limits, the host lookup's
# generation) and the background work on the machine's Redis, an RQ worker beside gunicorn. Database
# numbers of their own, emptied before each run. A benchmark that sets one of these in its own
# environment (P6 keeps the database task backend) keeps its choice.
STACK_ENV = {
    "CACHE_URL": os.environ.get("BENCH_CACHE_URL", "redis://127.0.0.1:6379/2"),
    "TASK_BACKEND": "rq",
    "REDIS_URL": os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/3"),
}


def _stack_env(db_url):
    env = app_env(db_url)
    for name, value in STACK_ENV.items():
        env.setdefault(name, value)
    for name in ("CACHE_URL", "REDIS_URL"):
        if env[name].startswith("redis://"):
            run([PYTHON, "-c", "import redis, sys; redis.Redis.from_url(sys.argv[1]).flushdb()", env[name]])
    return env


@contextlib.contextmanager
def gunicorn_app(db_url, workers=None):
    """The app under gunicorn (sync workers) on loopback, on the stack of :data:`STACK_ENV` with an RQ
    worker when the task backend is ``rq``; yields the port."""
    port = free_port(APP_PORT)
    env = _stack_env(db_url)
    with tempfile.TemporaryDirectory(prefix="bench-gunicorn-") as tmp:
        log = Path(tmp) / "gunicorn.log"
        worker = None
        if env["TASK_BACKEND"] == "rq":
            worker = subprocess.Popen(  # noqa: S603  (fixed argument list)
                [
                    str(PYTHON),
                    str(APP / "manage.py"),
                    "rqworker",
                    "default",
                    "--job-class",
                    "django_tasks_rq.Job",
                    "--with-scheduler",
                ],
                env=env,
                cwd=APP,
                stdout=subprocess.DEVNULL,
                stderr=open(Path(tmp) / "rqworker.log", "w"),  # noqa: SIM115  (closed with the directory)
            )
        process = subprocess.Popen(  # noqa: S603  (fixed argument list)
            [
                str(VENV_BIN / "gunicorn"),
                "steunpunt.wsgi:application",
                "--workers",
                str(workers or WORKERS),
                "--bind",
                f"127.0.0.1:{port}",
                "--chdir",
                str(APP),
                "--log-level",
                "warning",
                "--error-logfile",
                str(log),
            ],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            wait_for(port, "/", seconds=60)
            yield port
        finally:
            _stop(process, "gunicorn")
            if worker is not None:
                _stop(worker, "rqworker")
            errors = log.read_text(errors="replace") if log.exists() else ""
            if "Traceback" in errors:
                print("  gunicorn logged errors:\n" + errors[-3000:], flush=True)


# --- a quiet machine ---------------------------------------------------------------------------


def _cpu_times():
    with open("/proc/stat") as stat:
        values = [int(v) for v in stat.readline().split()[1:]]
    idle = values[3] + values[4]
    return sum(values), idle


def busy_fraction(seconds=1.0):
    """The share of all CPUs that was busy over ``seconds`` (0–1)."""
    total_before, idle_before = _cpu_times()
    time.sleep(seconds)
    total_after, idle_after = _cpu_times()
    total = total_after - total_before
    return 1 - (idle_after - idle_before) / total if total else 0.0


def wait_until_quiet(limit=0.25, patience=None):
    """Wait (up to ``patience`` s) until other work uses less than ``limit`` of the CPUs; warn if not.

    Call it when none of our servers is under load. Other work on the machine (a test run, a
    build) takes CPU from the app and from wrk alike, and spoils absolute figures.
    """
    if patience is None:
        patience = int(os.environ.get("BENCH_WAIT_QUIET", "180"))
    deadline = time.monotonic() + patience
    busy = busy_fraction()
    if busy < limit:
        return True
    print(
        f"  · the machine is busy ({busy:.0%} CPU in use by other work); waiting up to {patience} s",
        flush=True,
    )
    while time.monotonic() < deadline:
        busy = busy_fraction(2.0)
        if busy < limit:
            return True
    print(
        f"  ! STILL BUSY ({busy:.0%} CPU in use by other work): the figures below are unreliable", flush=True
    )
    return False


# --- wrk ---------------------------------------------------------------------------------------


@dataclass
class WrkResult:
    requests: int
    seconds: float
    rps: float
    p50_ms: float
    p95_ms: float
    p99_ms: float
    mean_ms: float
    errors: int
    non_2xx: int

    def describe(self):
        return (
            f"{self.requests} requests in {self.seconds:.1f} s, {self.rps:,.0f} req/s, "
            f"p50 {self.p50_ms:.1f} ms, p95 {self.p95_ms:.1f} ms, p99 {self.p99_ms:.1f} ms, "
            f"{self.errors} socket errors, {self.non_2xx} non-2xx/3xx"
        )


def wrk(port, path="/", *, host=HOST, connections=8, threads=2, seconds=10, paths_file=None, paths_start=0):
    """Run wrk against 127.0.0.1:port.

    With ``paths_file`` every request takes the next path from it: each thread its own share,
    starting ``paths_start`` lines into that share.
    """
    args = [
        tool("wrk"),
        f"-t{threads}",
        f"-c{connections}",
        f"-d{seconds}s",
        "--timeout",
        "10s",
        "-H",
        f"Host: {host}:{port}",
        "-s",
        str(BENCH / "wrk_report.lua"),
        f"http://127.0.0.1:{port}{path}",
    ]
    if paths_file:
        args += ["--", str(paths_file), str(threads), str(paths_start)]
    output = run(args, capture=True).stdout
    line = next((line for line in output.splitlines() if line.startswith("BENCH_JSON ")), None)
    if line is None:
        raise RuntimeError(f"wrk printed no report:\n{output}")
    data = json.loads(line.removeprefix("BENCH_JSON "))
    seconds_run = data["duration_us"] / 1e6
    return WrkResult(
        requests=data["requests"],
        seconds=seconds_run,
        rps=data["requests"] / seconds_run,
        p50_ms=data["p50_us"] / 1000,
        p95_ms=data["p95_us"] / 1000,
        p99_ms=data["p99_us"] / 1000,
        mean_ms=data["mean_us"] / 1000,
        errors=data["connect"] + data["read"] + data["write"] + data["timeout"],
        non_2xx=data["status"],
    )


_TICK = os.sysconf("SC_CLK_TCK")


def _processes():
    """{pid: (parent pid, CPU ticks, command line)} of every process we can read."""
    found = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as stat:
                fields = stat.read().rsplit(")", 1)[1].split()
            with open(f"/proc/{entry}/cmdline", "rb") as cmdline:
                command = cmdline.read().replace(b"\0", b" ").decode(errors="replace")
        except OSError:
            continue
        # utime + stime, and cutime + cstime: the CPU of children it has reaped (test workers, browsers)
        found[int(entry)] = (int(fields[1]), sum(int(v) for v in fields[11:15]), command)
    return found


def _ours(processes):
    """Our own process tree, and the PostgreSQL processes that serve the bench databases."""
    children = {}
    for pid, (parent, _ticks, _command) in processes.items():
        children.setdefault(parent, []).append(pid)
    ours, todo = set(), [os.getpid()]
    while todo:
        pid = todo.pop()
        ours.add(pid)
        todo += children.get(pid, [])
    for pid, (_parent, _ticks, command) in processes.items():
        # Backends show "postgres: user database host ...": ours are those of a bench database;
        # the server's own helpers (checkpointer, wal writer, autovacuum) work for whoever writes.
        if command.startswith("postgres: ") and (" steunpunt_bench" in command or command.count(" ") <= 4):
            ours.add(pid)
    return ours


class OtherWork:
    """CPU seconds used by everything that is not this benchmark, between start() and stop()."""

    def start(self):
        self.before = _processes()
        self.wall = time.monotonic()
        return self

    def stop(self):
        """Return (CPU seconds of other work, seconds of wall time)."""
        after = _processes()
        ours = _ours(after) | _ours(self.before)
        ticks = sum(
            max(0, ticks - self.before.get(pid, (0, 0, ""))[1])
            for pid, (_parent, ticks, _command) in after.items()
            if pid not in ours
        )
        return ticks / _TICK, time.monotonic() - self.wall


def interleaved_rounds(measurements, rounds, tries=3, limit=0.05):
    """Run each ``(name, function)`` in turn, ``rounds`` times, on a quiet machine.

    Before a round the machine must be quiet. During it, the CPU time of every process that is
    not part of the benchmark (not our servers, not wrk, not a PostgreSQL backend of a bench
    database) is added up; a round in which other work took more than ``limit`` of the CPUs is
    measured again (up to ``tries`` times). The figures come from the undisturbed rounds when
    there are any. Returns (any undisturbed round?, {name: [results of the rounds used]}).
    """
    rounds_done = []  # (share of other work, {name: result})
    cpus = os.cpu_count() or 1
    for round_number in range(1, rounds + 1):
        for attempt in range(1, tries + 1):
            wait_until_quiet()
            watch = OtherWork().start()
            got = {name: function() for name, function in measurements}
            other, wall = watch.stop()
            # (can exceed 1 when a process reaps a child that worked long before the round)
            share = min(1.0, other / (wall * cpus))
            # Sync workers still answer what wrk left queued: let them finish before going on.
            time.sleep(min(20.0, max(r.p99_ms for r in got.values()) / 1000 * 4 + 0.5))
            if share < limit or attempt == tries:
                break
            note(f"round {round_number}: other work took {share:.0%} of the CPUs during it: measuring again")
        rounds_done.append((share, got))
        for name, result in got.items():
            note(f"round {round_number}: {name:<5} {result.describe()}")
        note(f"round {round_number}: other work on the machine took {share:.1%} of the CPUs meanwhile")
    clean = [got for share, got in rounds_done if share < limit]
    if clean and len(clean) < len(rounds_done):
        note(f"figures from the {len(clean)} undisturbed round(s) of {len(rounds_done)}")
    used = clean or [got for _share, got in rounds_done]
    return bool(clean), {name: [got[name] for got in used] for name, _function in measurements}


def bench_seconds(default=10):
    return int(os.environ.get("BENCH_SECONDS", default))


# --- printing ----------------------------------------------------------------------------------


@dataclass
class Row:
    figure: str
    measured: str
    reference: str
    ratio: str
    target: str
    met: bool | None  # None: informational, no target


def table(title, rows):
    """Print the figures as a fixed-width table; 'below target' where a target is not met."""
    headers = ("figure", "measured", "reference (same run)", "ratio", "target", "")
    cells = [
        (
            r.figure,
            r.measured,
            r.reference,
            r.ratio,
            r.target,
            {True: "ok", False: "below target"}.get(r.met, ""),
        )
        for r in rows
    ]
    widths = [max(len(str(c[i])) for c in [headers, *cells]) for i in range(len(headers))]
    print(f"\n{title}", flush=True)
    rule = "-+-".join("-" * w for w in widths)
    print(" | ".join(h.ljust(w) for h, w in zip(headers, widths, strict=True)).rstrip())
    print(rule)
    for c in cells:
        print(" | ".join(str(v).ljust(w) for v, w in zip(c, widths, strict=True)).rstrip())
    print(flush=True)


def median(values):
    return statistics.median(values)


def ms(seconds):
    return f"{seconds * 1000:.2f} ms"
