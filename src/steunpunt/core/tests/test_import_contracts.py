"""Issue 13: `make test` fails on an import cycle or a layer violation (`lint-imports`, pyproject.toml).

Each test runs the real `lint-imports` with the project's own contracts, on the project's own code or on
a copy of it with one import added, as a developer would make it.
"""

import shutil
import subprocess  # nosec B404  # runs the project's own lint-imports
import sys
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[4]
PYPROJECT = ROOT / "pyproject.toml"
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")
FOUNDATION = {"core", "tenants", "privacy", "outbox", "accounts"}


def _lint(src):
    return subprocess.run(
        [str(LINT_IMPORTS), "--no-cache", "--no-logo", str(PYPROJECT)],
        cwd=src,
        env={"PYTHONPATH": str(src), "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


@pytest.fixture
def copy_of_the_code(tmp_path):
    """The project's Python code (no templates, no static files), copied to a temporary src/."""
    src = tmp_path / "src"
    shutil.copytree(
        ROOT / "src" / "steunpunt",
        src / "steunpunt",
        ignore=lambda directory, names: [
            name for name in names if not name.endswith(".py") and not (Path(directory) / name).is_dir()
        ],
    )
    return src


def _add_import(src, module, line):
    path = src.joinpath(*module.split(".")).with_suffix(".py")
    path.write_text(path.read_text() + f"\n{line}\n")


def test_the_contract_puts_the_foundation_apps_below_every_feature_app_and_forbids_cycles():
    config = tomllib.loads(PYPROJECT.read_text())["tool"]["importlinter"]
    assert config["root_package"] == "steunpunt"
    contracts = {contract["type"]: contract for contract in config["contracts"]}
    layers = contracts["layers"]["layers"]
    lowest = {name.strip().removeprefix("steunpunt.") for name in layers[-1].split(":")}
    assert lowest == FOUNDATION
    apps = {path.name for path in (ROOT / "src" / "steunpunt").iterdir() if (path / "apps.py").exists()}
    features = {name.strip().removeprefix("steunpunt.") for name in layers[-2].split(":")}
    # Every app is in a layer: a new app has to be placed before `make test` passes.
    assert apps - {"conf"} <= features | FOUNDATION | {"demo"}, apps - features - FOUNDATION
    assert contracts["acyclic_siblings"]["ancestors"] == ["steunpunt"]
    makefile = (ROOT / "Makefile").read_text()
    test_target = makefile.split("\ntest:", 1)[1].split("\n\n", 1)[0]
    assert test_target.index("lint-imports") < test_target.index("pytest")


def test_the_code_keeps_the_contracts():
    result = _lint(ROOT / "src")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "2 kept, 0 broken" in result.stdout


def test_a_cycle_between_two_feature_apps_fails(copy_of_the_code):
    # ambitions counts with reports' aggregates; the annual report importing ambitions back is a cycle.
    _add_import(
        copy_of_the_code, "steunpunt.reports.annual", "from steunpunt.ambitions.costs import cost_summary"
    )
    result = _lint(copy_of_the_code)
    assert result.returncode == 1
    assert "No import cycles between apps BROKEN" in result.stdout
    assert ".reports -> .ambitions" in result.stdout or ".ambitions -> .reports" in result.stdout


def test_a_foundation_app_importing_a_feature_app_fails(copy_of_the_code):
    _add_import(
        copy_of_the_code, "steunpunt.core.page_cache", "from steunpunt.information.models import Theme"
    )
    result = _lint(copy_of_the_code)
    assert result.returncode == 1
    assert "steunpunt.core is not allowed to import steunpunt.information" in result.stdout
