import subprocess
import sys

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
