"""The systemd units in deploy/ run the three programs `make prod` runs (scripts/serve-prod.sh), from files and
commands that exist, and systemd reads them without a complaint."""

import configparser
import re
import shlex
import subprocess
import sys
from pathlib import Path

from django.conf import settings
from django.core.management import get_commands
from django.utils.module_loading import import_string

from lantoa.core.tests.support import require_tool

REPO = Path(settings.BASE_DIR)
UNITS = sorted((REPO / "deploy" / "systemd").glob("*.service"))
SERVER_APP_DIR = "/srv/lantoa/app"
PROD_LAUNCH = re.compile(r'^(?:"\$\{with_parent\[@\]\}" )?"\$PY" (?P<args>.+?) & pids\+=\(\$!\)$', re.MULTILINE)


def _service(path: Path) -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, strict=False)
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # systemd keys are case-sensitive
    parser.read(path, encoding="utf-8")
    return parser["Service"]


def _as_prod_writes_it(argv: list[str]) -> tuple[str, ...]:
    """A unit's command in serve-prod.sh's words: `.venv/bin/gunicorn …` is `$PY -m gunicorn …`."""
    program = Path(argv[0]).name
    return tuple(argv[1:]) if program == "python" else ("-m", program, *argv[1:])


def _prod_commands() -> set[tuple[str, ...]]:
    script = (REPO / "scripts" / "serve-prod.sh").read_text()
    return {tuple(shlex.split(match["args"])) for match in PROD_LAUNCH.finditer(script)}


def test_the_units_run_what_make_prod_runs_from_the_app_virtualenv() -> None:
    assert "scripts/serve-prod.sh" in (REPO / "Makefile").read_text()
    assert len(_prod_commands()) == 3
    commands = set()
    for path in UNITS:
        service = _service(path)
        argv = shlex.split(service["ExecStart"])
        assert argv[0].startswith(f"{service['WorkingDirectory']}/.venv/bin/"), path.name
        commands.add(_as_prod_writes_it(argv))
    assert commands == _prod_commands()


def test_the_units_name_files_commands_and_an_application_that_exist() -> None:
    for command in _prod_commands():
        if command[0] == "manage.py":
            assert command[1] in get_commands(), command
        for arg in command:
            if arg.endswith(".py"):
                assert (REPO / arg).is_file(), arg
            if ":" in arg:
                assert callable(import_string(arg.replace(":", "."))), arg


def test_systemd_analyze_verifies_the_units(tmp_path: Path) -> None:
    analyze = require_tool("systemd-analyze")
    venv_bin = f"{Path(sys.executable).parent}/"
    for path in UNITS:  # the server's paths, moved to this checkout and the virtualenv running the tests
        text = path.read_text().replace(f"{SERVER_APP_DIR}/.venv/bin/", venv_bin).replace(SERVER_APP_DIR, str(REPO))
        (tmp_path / path.name).write_text(text)
    result = subprocess.run(  # noqa: S603 - systemd's own checker on our unit files
        [analyze, "verify", "--man=no", *sorted(str(p) for p in tmp_path.glob("*.service"))],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    # Unknown keys and bad values are only warnings (exit 0): any output is a defect.
    assert (result.returncode, result.stdout + result.stderr) == (0, "")
