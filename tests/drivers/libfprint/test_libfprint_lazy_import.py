"""Nothing but the libfprint driver needs PyGObject: importing the drivers must not load ``gi``."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[3]


def test_importing_the_drivers_does_not_import_gi() -> None:
    code = ("import sys, drivers.libfprint, drivers.vnumber, drivers.vnumber.camera; "
            "assert 'gi' not in sys.modules, 'gi was imported'")
    done = subprocess.run([sys.executable, "-c", code], cwd=PROJECT_ROOT, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
