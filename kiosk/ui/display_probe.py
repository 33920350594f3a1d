"""Whether the kiosk window can open here, asked before Qt starts in this process (Qt aborts a process that can't).

``python -m kiosk.ui.display_probe`` is the child that tries: it starts Qt's platform and exits 0 when it could.
"""

from __future__ import annotations

import os
import subprocess
import sys

from kiosk.ui.xcb_libraries import debian_package, missing_libraries, xcb_plugin

PROBE_TIMEOUT_S = 60  # only for a hung display server; starting Qt takes a few seconds on a loaded machine


def display_problem() -> str | None:
    """One line saying why the kiosk window cannot open with this environment, or None when it can."""
    env = os.environ
    platform = env.get("QT_QPA_PLATFORM", "")
    if not (env.get("DISPLAY") or env.get("WAYLAND_DISPLAY") or platform):
        return "no display found (neither DISPLAY nor WAYLAND_DISPLAY is set)"
    uses_xcb = platform.startswith("xcb") or (not platform and not env.get("WAYLAND_DISPLAY"))
    if uses_xcb:
        where = f"display {env.get('DISPLAY', '(DISPLAY unset)')}"
    else:
        where = platform or f"display {env['WAYLAND_DISPLAY']}"
    if uses_xcb:
        missing = missing_libraries(xcb_plugin())
        if missing:
            return (f"Qt cannot open the {where}: its X11 (xcb) plugin needs {', '.join(missing)} "
                    f"(apt-get install {' '.join(debian_package(name) for name in missing)})")
    try:
        done = subprocess.run([sys.executable, "-m", "kiosk.ui.display_probe"], capture_output=True, text=True,
                              timeout=PROBE_TIMEOUT_S)
    except subprocess.TimeoutExpired:
        return f"Qt did not open the {where} within {PROBE_TIMEOUT_S} s"
    if done.returncode == 0:
        return None
    said = next((line.strip() for line in done.stderr.splitlines() if line.strip()), f"status {done.returncode}")
    return f"Qt cannot open the {where} ({said})"


def _open_platform() -> None:
    from PySide6.QtGui import QGuiApplication

    QGuiApplication(sys.argv[:1])


if __name__ == "__main__":
    _open_platform()
