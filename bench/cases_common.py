"""What the case benchmarks (P5, P6, P7) share beyond common.py: their databases and wrk with extras.

The case databases are siblings of the bench database (``BENCH_DATABASE_URL``):

- ``steunpunt_bench_cases``: 1,000,000 cases over 150 steunpunten (``BENCH_CASES`` to change it);
- ``steunpunt_bench_cases_100k``: 100,000 (the --quick database, and P5's memory comparison);
- ``steunpunt_bench_cases_10k``: 10,000 (the reference for page times and query counts).

``generate_cases.py`` makes them; a database that already holds enough cases is reused as it is.
"""

import json
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import common

FULL_CASES = 1_000_000
MEDIUM_CASES = 100_000
SMALL_CASES = 10_000
STEUNPUNTEN = 150
# The national data set of the issue: 150 steunpunten, 1,000,000 cases, 5,000 articles.
NATIONAL_ARTICLES = 5_000
# The demo consultant of steunpunt Noord: the back-office user of P7, and the consultant of many cases.
CONSULTANT = "noord-consultant"


def full_cases():
    return int(os.environ.get("BENCH_CASES", FULL_CASES))


def cases_url(cases):
    """The database with ``cases`` cases: ``steunpunt_bench_cases`` for the full count, else ``_100k``…"""
    if cases == full_cases():
        return common.database_url("_cases")
    suffix = f"{cases // 1000}k" if cases % 1000 == 0 else str(cases)
    return common.database_url(f"_cases_{suffix}")


def big_cases(quick):
    """The case count of the big database: 1,000,000 (``BENCH_CASES``), or 100,000 with --quick."""
    return MEDIUM_CASES if quick else full_cases()


def case_count(db_url):
    """How many cases the database holds (psql, so no Django in this process)."""
    result = common.run(
        [common.tool("psql"), db_url, "-tAc", "SELECT count(*) FROM support_case"], capture=True
    )
    return int(result.stdout.strip())


def run_child(script, command, db_url, *options):
    """Run ``script command --database-url URL options`` in a child process; return its last JSON line."""
    result = common.run(
        [common.PYTHON, common.BENCH / script, command, "--database-url", db_url, *options],
        env=common.app_env(db_url),
        capture=True,
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


def wrk(
    port,
    path="/",
    *,
    host=common.HOST,
    headers=(),
    script=None,
    script_args=(),
    connections=8,
    threads=2,
    seconds=10,
):
    """wrk as common.wrk runs it, with extra headers (a session cookie) and another Lua script.

    The script must print the same ``BENCH_JSON`` line as ``wrk_report.lua``; extra keys in it are
    returned as the second value.
    """
    args = [
        common.tool("wrk"),
        f"-t{threads}",
        f"-c{connections}",
        f"-d{seconds}s",
        "--timeout",
        "10s",
        "-H",
        f"Host: {host}:{port}",
    ]
    for header in headers:
        args += ["-H", header]
    args += ["-s", str(script or common.BENCH / "wrk_report.lua"), f"http://127.0.0.1:{port}{path}"]
    if script_args:
        args += ["--", *map(str, script_args)]
    output = common.run(args, capture=True).stdout
    line = next((line for line in output.splitlines() if line.startswith("BENCH_JSON ")), None)
    if line is None:
        raise RuntimeError(f"wrk printed no report:\n{output}")
    data = json.loads(line.removeprefix("BENCH_JSON "))
    seconds_run = data["duration_us"] / 1e6
    return (
        common.WrkResult(
            requests=data["requests"],
            seconds=seconds_run,
            rps=data["requests"] / seconds_run,
            p50_ms=data["p50_us"] / 1000,
            p95_ms=data["p95_us"] / 1000,
            p99_ms=data["p99_us"] / 1000,
            mean_ms=data["mean_us"] / 1000,
            errors=data["connect"] + data["read"] + data["write"] + data["timeout"],
            non_2xx=data["status"],
        ),
        data,
    )


def nginx_wrk(nginx_port, static_path, seconds):
    return common.wrk(nginx_port, static_path, host="127.0.0.1", seconds=seconds)


class OtherWork(common.OtherWork):
    """common.OtherWork, without the PostgreSQL server's main process (the postmaster) and kernel threads.

    The postmaster reaps the backends whose connection closed, and a process's CPU count includes
    the children it reaped: when a child process of the benchmark (or pgbench) ends, the CPU of its
    backend would show up as other work. Backends that are still running are counted as before.
    Kernel threads (no command line: kworkers, ksoftirqd) do the benchmark's own disk and loopback
    work too (pgbench's commits: ≈ 5% of the CPUs), so they are not counted either.
    """

    def stop(self):
        after = common._processes()
        ours = common._ours(after) | common._ours(self.before)
        ticks = sum(
            max(0, ticks - self.before.get(pid, (0, 0, ""))[1])
            for pid, (_parent, ticks, command) in after.items()
            if pid not in ours and command and not _postmaster(command)
        )
        return ticks / common._TICK, time.monotonic() - self.wall


def _postmaster(command):
    return "/bin/postgres " in command and " -D " in command


def quietly(function, tries=3, limit=0.05):
    """Run ``function()`` on a quiet machine, as common.interleaved_rounds does for wrk.

    Waits for the CPUs to be idle, adds up the CPU time of every process that is not part of the
    benchmark while ``function`` runs, and runs it again (up to ``tries`` times) when that other
    work took more than ``limit`` of the CPUs. Returns (undisturbed?, result).
    """
    cpus = os.cpu_count() or 1
    for attempt in range(1, tries + 1):
        common.wait_until_quiet()
        watch = OtherWork().start()
        result = function()
        other, wall = watch.stop()
        share = min(1.0, other / (wall * cpus))
        if share < limit:
            return True, result
        common.note(
            f"other work took {share:.0%} of the CPUs during the measurement"
            + (": measuring again" if attempt < tries else ": figures unreliable")
        )
    return False, result


def scalar(sql):
    """One value from the Django connection (in a child process)."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(sql)
        return cursor.fetchone()[0]
