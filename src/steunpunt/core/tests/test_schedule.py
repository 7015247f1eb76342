"""The scheduled jobs as documented: deploy/cron/steunpunt is a valid cron.d file whose every job is a
management command of the platform, run through deploy/manage.sh with the installation's environment."""

import os
import re
import subprocess

from django.core.management import get_commands, load_command_class

from .servers import REPO

CRON = REPO / "deploy" / "cron" / "steunpunt"
FIELD = re.compile(r"^(\*|\d+(-\d+)?)(/\d+)?(,(\d+(-\d+)?))*$")
RANGES = [(0, 59), (0, 23), (1, 31), (1, 12), (0, 7)]


def _jobs():
    for line in CRON.read_text().splitlines():
        if not line.strip() or line.startswith("#") or re.match(r"^[A-Z_]+=", line):
            continue
        yield line.split()


def test_every_scheduled_job_is_a_valid_cron_line_running_a_platform_command():
    jobs = list(_jobs())
    commands = [job[7] for job in jobs]
    # Retention, the evaluation reminders, the outbox, the backup and its drill (issue 7, S11, R2, R4).
    assert commands == [
        "anonymise_expired_cases",
        "send_evaluation_reminders",
        "send_outbox",
        "backup",
        "restore_drill",
    ]
    known = get_commands()
    for job in jobs:
        *times, user, runner, command = job[:8]
        for value, (low, high) in zip(times, RANGES, strict=True):
            assert FIELD.match(value), job
            for number in re.findall(r"\d+", value.split("/")[0]):
                assert low <= int(number) <= high, job
        assert user == "steunpunt" and runner.endswith("/deploy/manage.sh"), job
        assert command in known, job
        # Its arguments are the command's own.
        parser = load_command_class(known[command], command).create_parser("manage.py", command)
        parser.parse_args(job[8:])


def test_the_runner_reads_the_environment_file_and_runs_the_command(tmp_path):
    env_file = tmp_path / "env"
    env_file.write_text(f"DJANGO_SETTINGS_MODULE=steunpunt.conf.test\nSTEUNPUNT_VAR_DIR={tmp_path}\n")
    environment = {key: value for key, value in os.environ.items() if key != "DJANGO_SETTINGS_MODULE"}
    result = subprocess.run(
        [str(REPO / "deploy" / "manage.sh"), "diffsettings", "--all"],
        env={**environment, "STEUNPUNT_ENV_FILE": str(env_file)},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert f"VAR_DIR = PosixPath('{tmp_path}')" in result.stdout
