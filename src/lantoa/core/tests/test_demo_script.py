"""`make demo`'s script (scripts/serve-demo.sh): its programs run without Django's autoreload (whose child a killed
parent leaves running) and die with the script, even when the script itself is killed with SIGKILL."""

import contextlib
import os
import signal
import subprocess
import time
from pathlib import Path

from lantoa.core.tests.support import require_tool

ROOT = Path(__file__).resolve().parents[4]
PROGRAMS = 4  # db_worker, run_scheduler, public_files, runserver
WAIT_SECONDS = 30


def _alive(pid: int) -> bool:
    """Running, and not a zombie waiting for a parent that does not reap it."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except FileNotFoundError:
        return False
    return state != "Z"


def test_the_demo_programs_run_without_autoreload_and_die_with_a_killed_script(tmp_path):
    require_tool("setpriv")
    started = tmp_path / "started"
    python = tmp_path / "python"  # stands in for the interpreter: notes its pid and arguments, then waits
    python.write_text('#!/bin/sh\necho "$$ $*" >> "$DEMO_STARTED"\nexec sleep 600\n')
    python.chmod(0o755)
    script = subprocess.Popen(  # noqa: S603 - our own script
        [str(ROOT / "scripts" / "serve-demo.sh"), str(python), "8765"],
        cwd=ROOT,
        env={**os.environ, "DEMO_STARTED": str(started)},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        deadline = time.monotonic() + WAIT_SECONDS
        while not started.exists() or len(started.read_text().splitlines()) < PROGRAMS:
            assert time.monotonic() < deadline, "the demo did not start its programs"
            time.sleep(0.05)
        programs = {line.split(" ", 2)[2]: int(line.split(" ", 2)[0]) for line in started.read_text().splitlines()}
        commands = sorted(programs)
        assert any(c.startswith("db_worker") and "--no-reload" in c.split() for c in commands), commands
        assert any(c.startswith("runserver") and "--noreload" in c.split() for c in commands), commands

        os.kill(script.pid, signal.SIGKILL)  # its EXIT trap never runs
        script.wait(timeout=10)
        deadline = time.monotonic() + WAIT_SECONDS
        while left := [command for command, pid in programs.items() if _alive(pid)]:
            assert time.monotonic() < deadline, f"still running after the script was killed: {left}"
            time.sleep(0.05)
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(script.pid, signal.SIGKILL)
