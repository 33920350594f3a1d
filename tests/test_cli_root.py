import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from kiosk.cli import main


def test_version_and_help():
    runner = CliRunner()
    assert runner.invoke(main, ["--version"]).exit_code == 0
    result = runner.invoke(main, ["--help"])
    assert result.exit_code == 0
    assert "--data-dir" in result.output


def test_importing_the_cli_leaves_the_heavy_libraries_for_the_commands_that_use_them():
    # `zuil --version` and `zuil --help` should not pay for numba, OpenCV, Qt or SQLAlchemy: the command modules
    # import them inside the command functions.
    probe = "import sys, kiosk.cli; print(' '.join(sorted(m for m in ('numba', 'cv2', 'PySide6', 'sqlalchemy', " \
            "'alembic', 'matplotlib', 'scipy') if m in sys.modules)))"
    loaded = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True, timeout=300)
    assert loaded.stdout.split() == []


def test_every_declared_make_target_has_a_rule():
    # a .PHONY target without a rule is not an error to make: it just does nothing ("make demo" did)
    makefile = Path(__file__).resolve().parent.parent / "Makefile"
    if shutil.which("make") is None:
        pytest.skip("make is not installed")
    phony = next(line for line in makefile.read_text().splitlines() if line.startswith(".PHONY:")).split()[1:]
    assert "demo" in phony
    for target in phony:
        dry = subprocess.run(["make", "-n", target], capture_output=True, text=True, cwd=makefile.parent, timeout=60)
        assert dry.returncode == 0 and "Nothing to be done" not in dry.stdout, f"make {target}: {dry.stdout}"


def test_a_usage_error_quoting_a_line_break_stays_one_line():
    result = CliRunner().invoke(main, ["keys", "status", "an\nextra"])
    assert result.exit_code == 2
    assert result.stderr.rstrip("\n").split("\n")[-1] == "Error: Got unexpected extra argument (an\\nextra)"
