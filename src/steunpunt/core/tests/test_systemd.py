"""The service units in deploy/systemd/ (README, "Production server"): valid for systemd, restarted on
failure, and starting commands that exist. ``systemd-analyze verify`` checks each unit with the paths of
this checkout in place of /srv/steunpunt (it refuses a unit whose program does not exist)."""

import configparser
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import get_commands

REPO = Path(__file__).resolve().parents[4]
UNITS = sorted((REPO / "deploy" / "systemd").glob("*.service"))


def _unit(path):
    parser = configparser.ConfigParser(strict=False, interpolation=None)
    parser.optionxform = str
    parser.read(path)
    return parser


def test_every_process_has_a_unit_that_restarts_it_on_failure():
    assert [path.name for path in UNITS] == [
        "steunpunt-rqworker@.service",
        "steunpunt-web.service",
        "steunpunt-worker@.service",
    ]
    for path in UNITS:
        service = _unit(path)["Service"]
        assert service["Restart"] == "on-failure", path.name
        assert service["User"] == "steunpunt" and service["WorkingDirectory"] == "/srv/steunpunt"
        command = shlex.split(service["ExecStart"])
        if command[0].endswith("deploy/manage.sh"):
            # The management command exists (manage.sh runs it with the environment file).
            assert command[1] in get_commands(), path.name
            assert "EnvironmentFile" not in service, "manage.sh reads the environment file itself"
        else:
            assert command[:3] == [
                "/srv/steunpunt/.venv/bin/gunicorn",
                "-c",
                "/srv/steunpunt/deploy/gunicorn.conf.py",
            ]
            assert service["EnvironmentFile"] == "/etc/steunpunt/env" and service["Type"] == "notify"


@pytest.mark.skipif(
    shutil.which("systemd-analyze") is None,
    reason="systemd-analyze is not installed (apt-get install systemd)",
)
def test_systemd_analyze_verifies_every_unit(tmp_path):
    (tmp_path / "env").write_text("DJANGO_SETTINGS_MODULE=steunpunt.conf.production\n")
    venv_bin = str(Path(sys.executable).parent)
    names = []
    for path in UNITS:
        text = (
            path.read_text()
            .replace("/srv/steunpunt/.venv/bin", venv_bin)
            .replace("/srv/steunpunt", str(REPO))
            .replace("/etc/steunpunt/env", str(tmp_path / "env"))
        )
        (tmp_path / path.name).write_text(text)
        # A template is verified through an instance of it.
        names.append(str(tmp_path / path.name.replace("@.", "@1.")))
    result = subprocess.run(
        ["systemd-analyze", "verify", "--man=no", *names], capture_output=True, text=True, timeout=120
    )
    # Warnings (an unknown setting, a value systemd ignores) come on standard error with status 0.
    assert (result.returncode, result.stderr) == (0, "")
