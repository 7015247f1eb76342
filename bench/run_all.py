"""Run every benchmark: install what they need, prepare the databases, print the figures.

    .venv/bin/python bench/run_all.py [--quick]

`make bench` runs this. Output also goes to bench/var/last-run.txt. Exit code 0 whatever the
figures: benchmarks print, they do not judge (a failure to measure still exits non-zero).
"""

import argparse
import os
import platform
import subprocess
import sys
import time
from datetime import datetime

import common

BENCHMARKS = [
    "p1_article_warm.py",
    "p2_front_cache.py",
    "p3_article_cold.py",
    "p4_search.py",
    "p8_suggest.py",
]
CASE_BENCHMARKS = ["p5_report.py", "p6_question_form.py", "p7_cases.py"]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--quick", action="store_true", help=f"{common.QUICK_ARTICLES:,} articles instead of 50,000"
    )
    args = parser.parse_args()
    started = time.monotonic()
    common.ensure_tools()
    common.VAR.mkdir(parents=True, exist_ok=True)
    log_path = common.VAR / "last-run.txt"
    with log_path.open("w") as log:

        def out(text):
            print(text, flush=True)
            log.write(text + "\n")
            log.flush()

        out(
            f"Benchmarks of {common.APP} at {datetime.now().isoformat(timespec='seconds')} on "
            f"{platform.node()}: {os.cpu_count()} CPUs, Python {platform.python_version()}"
        )
        out(common.SETTINGS_NOTE)
        quick = ["--quick"] if args.quick else []

        def tee(script, *options):
            process = subprocess.Popen(  # noqa: S603  (fixed argument list)
                [str(common.PYTHON), "-u", str(common.BENCH / script), *options],
                stdout=subprocess.PIPE,
                stderr=subprocess.STDOUT,
                text=True,
                cwd=common.REPO,
            )
            for line in process.stdout:
                out(line.rstrip("\n"))
            if process.wait() != 0:
                out(f"{script} failed (exit {process.returncode})")
                sys.exit(process.returncode)

        tee("prepare.py", *quick)
        tee(
            "prepare.py",
            "--articles",
            str(common.SMALL_ARTICLES),
            "--database-url",
            common.database_url("_1k"),
        )
        for script in BENCHMARKS:
            tee(script, "--no-prepare", *quick)
        tee("generate_cases.py", *quick)  # 1,000,000 cases (--quick: 100,000)
        tee("generate_cases.py", "--cases", "100000")  # P5's memory comparison
        tee("generate_cases.py", "--cases", "10000")  # the reference of P7 (and of P5 with --quick)
        for script in CASE_BENCHMARKS:
            tee(script, "--no-prepare", *quick)
        out(f"\nAll benchmarks in {(time.monotonic() - started) / 60:.1f} min; this output: {log_path}")


if __name__ == "__main__":
    main()
