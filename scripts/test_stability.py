"""`make test-stability`: run the whole suite several times, each in another order and with other seeds,
and list every test that did not pass every time.

Each run is the suite as `make test` runs it (two processes, the same markers), plus pytest-randomly
with its own seed for the order of the tests (and for `random`, factory_boy and Faker), and the
hypothesis profile "random" with the same seed for the property tests' inputs. The first runs use
SQLite, the rest PostgreSQL (DATABASE_URL, default the CI server). Results are read from each run's
JUnit XML in var/stability/; the summary is printed and written to var/stability/summary.txt.

Exit status: 0 when every test passed in every run it ran in (a test skipped in every run on one
database, such as a PostgreSQL-only test on SQLite, is listed but does not fail the check), 1 otherwise.
"""

import argparse
import os
import random
import subprocess  # nosec B404  # runs our own pytest
import sys
import time
import xml.etree.ElementTree as ET  # nosec B405  # our own pytest's JUnit XML
from collections import defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
OUT = REPO / "var" / "stability"
PYTEST = REPO / ".venv" / "bin" / "pytest"
DEFAULT_PG = "postgres://postgres@127.0.0.1:5432/postgres"


def _outcome(case):
    for kind in ("failure", "error", "skipped"):
        element = case.find(kind)
        if element is not None:
            message = (element.get("message") or "").strip()
            return kind, message.splitlines()[0][:160] if message else ""
    return "passed", ""


def _run(number, database, seed, database_url):
    report = OUT / f"run-{number}-{database}-{seed}.xml"
    env = {**os.environ, "HYPOTHESIS_PROFILE": "random"}
    env.pop("DATABASE_URL", None)
    if database == "postgresql":
        env["DATABASE_URL"] = database_url
    command = [
        str(PYTEST),
        "-p",
        "randomly",
        f"--randomly-seed={seed}",
        f"--hypothesis-seed={seed}",
        f"--junitxml={report}",
        "-q",
        "-o",
        "junit_family=xunit2",
    ]
    started = time.monotonic()
    print(f"run {number} on {database}, seed {seed}: {' '.join(command[1:])}", flush=True)
    completed = subprocess.run(command, cwd=REPO, env=env, capture_output=True, text=True, check=False)  # noqa: S603  # nosec B603
    minutes = (time.monotonic() - started) / 60
    (OUT / f"run-{number}-{database}-{seed}.log").write_text(completed.stdout + completed.stderr)
    last = [line for line in completed.stdout.splitlines() if line.strip()][-1:] or ["(no output)"]
    print(f"  exit {completed.returncode} after {minutes:.1f} min: {last[0]}", flush=True)
    results = {}
    if report.exists():
        for case in ET.parse(report).iter("testcase"):  # noqa: S314  # nosec B314  # written by our own run
            results[f"{case.get('classname')}::{case.get('name')}"] = _outcome(case)
    if not results or completed.returncode not in (0, 1):
        results["<the run itself>"] = ("error", f"pytest exited {completed.returncode}; see its log")
    return results, minutes


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=int(os.environ.get("STABILITY_RUNS", 5)), help="SQLite")
    parser.add_argument("--pg-runs", type=int, default=int(os.environ.get("STABILITY_PG_RUNS", 2)))
    parser.add_argument("--database-url", default=os.environ.get("STABILITY_DATABASE_URL", DEFAULT_PG))
    parser.add_argument("--seed", type=int, default=None, help="seed of the first run (random otherwise)")
    args = parser.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    first = args.seed if args.seed is not None else random.SystemRandom().randrange(1, 10**6)
    plan = [("sqlite", first + n) for n in range(args.runs)]
    plan += [("postgresql", first + args.runs + n) for n in range(args.pg_runs)]
    by_test = defaultdict(dict)
    lines = []
    for number, (database, seed) in enumerate(plan, start=1):
        results, minutes = _run(number, database, seed, args.database_url)
        passed = sum(1 for kind, _ in results.values() if kind == "passed")
        lines.append(
            f"run {number}: {database}, seed {seed}, {minutes:.1f} min, {passed} of {len(results)} passed"
        )
        for test, outcome in results.items():
            by_test[test][number] = (database, *outcome)
    unstable, always_skipped = [], []
    for test, runs in sorted(by_test.items()):
        for database in ("sqlite", "postgresql"):
            mine = {n: r for n, r in runs.items() if r[0] == database}
            kinds = {kind for _db, kind, _message in mine.values()}
            if kinds == {"skipped"}:
                always_skipped.append(f"{test} [{database}]: {next(iter(mine.values()))[2]}")
            elif kinds - {"passed"} or (mine and len(mine) < sum(1 for d, _ in plan if d == database)):
                outcomes = ", ".join(f"run {n}: {kind}" for n, (_db, kind, _m) in sorted(mine.items()))
                unstable.append(f"{test} [{database}]: {outcomes}")
    lines.append("")
    lines.append(f"tests that did not pass every time: {len(unstable)}")
    lines.extend(f"  {line}" for line in unstable)
    lines.append(f"skipped in every run on one database (by design): {len(always_skipped)}")
    lines.extend(f"  {line}" for line in always_skipped)
    summary = "\n".join(lines)
    (OUT / "summary.txt").write_text(summary + "\n")
    print("\n" + summary)
    return 1 if unstable else 0


if __name__ == "__main__":
    sys.exit(main())
