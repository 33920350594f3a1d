"""The real kiosk on a real X server (Xvfb), and on a DISPLAY with no server behind it.

Needs the Debian packages `xvfb`, `imagemagick` (``import``) and `x11-utils` (``xwininfo``); without them the
Xvfb test is skipped with a message naming the package, except under CI (``CI=true``), where that is a failure.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

SCREEN_W, SCREEN_H = 720, 1280  # a portrait kiosk screen, larger than the window's natural size
WAIT_S = 180  # only for hangs: the machine is shared and loaded
WHITE = (255, 255, 255)
EDGE = 8  # pixels along each edge of the screen that must be the window's (white margin), not the root's black


def _require(program: str, package: str) -> str:
    path = shutil.which(program)
    if path:
        return path
    reason = f"`{program}` not found: apt-get install {package}"
    if os.environ.get("CI") == "true":
        pytest.fail(f"the X11 window test cannot run under CI: {reason}")
    pytest.skip(f"X11 window test skipped: {reason}")


def _kiosk_env(display: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items()
           if k not in ("QT_QPA_PLATFORM", "WAYLAND_DISPLAY", "ZUIL_CONFIG", "ZUIL_DATA_DIR")}
    env["DISPLAY"] = display
    return env


def _start_kiosk(display: str, data_dir: Path) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "kiosk", "--data-dir", str(data_dir), "kiosk", "--simulate"],
                            env=_kiosk_env(display), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


@pytest.fixture
def xvfb():
    """A private Xvfb on a display number it picks itself, black root; yields the DISPLAY value."""
    server = _require("Xvfb", "xvfb")
    read_end, write_end = os.pipe()
    proc = subprocess.Popen([server, "-displayfd", str(write_end), "-screen", "0", f"{SCREEN_W}x{SCREEN_H}x24",
                             "-br", "-nolisten", "tcp"], pass_fds=(write_end,),
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    os.close(write_end)
    with os.fdopen(read_end) as ready:
        number = ready.readline().strip()  # Xvfb writes its display number once it accepts clients
    if not number:
        proc.kill()
        pytest.fail(f"Xvfb exited (status {proc.wait()}) without opening a display")
    yield f":{number}"
    proc.terminate()
    proc.wait(timeout=30)


def _window_geometry(xwininfo: str, display: str) -> dict[str, int] | None:
    done = subprocess.run([xwininfo, "-display", display, "-name", "Aanmeldzuil"], capture_output=True, text=True)
    if done.returncode != 0 or "IsViewable" not in done.stdout:
        return None
    fields = dict(re.findall(r"^\s*(Absolute upper-left [XY]|Width|Height):\s*(-?\d+)", done.stdout, re.M))
    return {"x": int(fields["Absolute upper-left X"]), "y": int(fields["Absolute upper-left Y"]),
            "width": int(fields["Width"]), "height": int(fields["Height"])}


@pytest.mark.slow
def test_the_kiosk_window_covers_the_whole_screen_of_a_real_x_server(xvfb, tmp_path):
    xwininfo = _require("xwininfo", "x11-utils")
    grab = _require("import", "imagemagick")
    kiosk = _start_kiosk(xvfb, tmp_path / "data")
    shot = tmp_path / "screen.png"
    try:
        deadline = time.monotonic() + WAIT_S
        geometry = None
        while time.monotonic() < deadline:
            if kiosk.poll() is not None:
                out, err = kiosk.communicate()
                pytest.fail(f"the kiosk exited with status {kiosk.returncode}:\n{err[-2000:]}{out[-500:]}")
            geometry = _window_geometry(xwininfo, xvfb)
            if geometry and geometry["width"] == SCREEN_W and geometry["height"] == SCREEN_H:
                break
            time.sleep(0.5)
        time.sleep(1.0)  # the window is mapped; give Qt time to paint before the screenshot
        subprocess.run([grab, "-display", xvfb, "-window", "root", str(shot)], check=True, timeout=60)
    finally:
        kiosk.terminate()
        kiosk.wait(timeout=30)
    image = Image.open(shot).convert("RGB")
    assert image.size == (SCREEN_W, SCREEN_H)
    assert geometry == {"x": 0, "y": 0, "width": SCREEN_W, "height": SCREEN_H}
    # Xvfb's root is black (-br): a window smaller than the screen leaves a black band along an edge; the kiosk's
    # margins are white (black pixels inside are the flags' stripes, e.g. Iraq's and Yemen's)
    colours = dict((colour, n) for n, colour in image.getcolors(maxcolors=SCREEN_W * SCREEN_H))
    pixels = np.asarray(image)
    frame = np.concatenate([pixels[:EDGE].reshape(-1, 3), pixels[-EDGE:].reshape(-1, 3),
                            pixels[:, :EDGE].reshape(-1, 3), pixels[:, -EDGE:].reshape(-1, 3)])
    assert not (frame == 0).all(axis=1).any(), "black along an edge: the window does not cover the screen"
    corners = [(0, 0), (SCREEN_W - 1, 0), (0, SCREEN_H - 1), (SCREEN_W - 1, SCREEN_H - 1)]
    assert all(image.getpixel(corner) == WHITE for corner in corners)
    assert colours[WHITE] > 0.9 * SCREEN_W * SCREEN_H
    assert len(colours) > 2  # the language screen's text is drawn


def _display_without_server() -> str:
    for number in range(90, 200):
        if not (Path(f"/tmp/.X11-unix/X{number}").exists() or Path(f"/tmp/.X{number}-lock").exists()):
            return f":{number}"
    pytest.fail("no free X display number between 90 and 199")


@pytest.mark.slow
def test_a_display_with_no_server_falls_back_to_the_demo_with_one_line(tmp_path):
    display = _display_without_server()
    kiosk = _start_kiosk(display, tmp_path / "data")
    out, err = kiosk.communicate(timeout=WAIT_S)
    assert kiosk.returncode == 0, err
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert display in lines[0] and "headless demo" in lines[0]
    summary = json.loads(out)
    assert summary["consent"]["decision"] == "given"
    assert summary["demo_folder"] == str(tmp_path / "data" / "demo")  # the demo's own record, not the kiosk's
    assert (tmp_path / "data" / "demo" / "zuil.sqlite3").exists()


def test_without_simulate_a_display_with_no_server_is_a_one_line_error(tmp_path):
    display = _display_without_server()
    done = subprocess.run([sys.executable, "-m", "kiosk", "--data-dir", str(tmp_path / "data"), "kiosk"],
                          env=_kiosk_env(display), capture_output=True, text=True, timeout=WAIT_S)
    assert done.returncode == 1, done.stderr
    assert done.stderr.strip().count("\n") == 0 and display in done.stderr
    assert not (tmp_path / "data" / "zuil.sqlite3").exists()  # no demo intake written to a real kiosk's records


def test_the_xcb_plugin_finds_every_library_it_needs():
    from kiosk.ui.xcb_libraries import missing_libraries, xcb_plugin

    missing = missing_libraries(xcb_plugin())
    if missing and os.environ.get("CI") != "true":
        pytest.skip(f"Qt's xcb plugin lacks {', '.join(missing)} (`.ci/run` installs them)")
    assert missing == []


def test_missing_libraries_are_named_with_their_debian_packages(tmp_path):
    from kiosk.ui.xcb_libraries import debian_package, missing_libraries

    cc = _require("cc", "gcc")
    (tmp_path / "stub.c").write_text("int zuil_stub(void) { return 1; }\n")
    (tmp_path / "plugin.c").write_text("int zuil_stub(void);\nint zuil_plugin(void) { return zuil_stub(); }\n")
    for soname in ("libzuilstub-x11.so.0", "libZuilStub.so.3"):
        subprocess.run([cc, "-shared", "-fPIC", "-o", str(tmp_path / soname), f"-Wl,-soname,{soname}",
                        str(tmp_path / "stub.c")], check=True)
    plugin = tmp_path / "plugin.so"
    subprocess.run([cc, "-shared", "-fPIC", "-o", str(plugin), str(tmp_path / "plugin.c"), f"-L{tmp_path}",
                    "-Wl,--no-as-needed", "-l:libzuilstub-x11.so.0", "-l:libZuilStub.so.3"], check=True)
    # the stubs are not on the loader's path: ldd reports both as not found
    assert missing_libraries(plugin) == ["libZuilStub.so.3", "libzuilstub-x11.so.0"]
    assert [debian_package(name) for name in missing_libraries(plugin)] == ["libzuilstub3", "libzuilstub-x11-0"]
    assert debian_package("libxcb-render-util.so.0") == "libxcb-render-util0"
