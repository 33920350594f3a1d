"""The shared libraries Qt's xcb platform plugin (the X11 window) needs and cannot find, as `ldd` reports them."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

_NOT_FOUND = re.compile(r"^\s*(\S+)\s+=>\s+not found", re.M)
_SONAME = re.compile(r"(lib.+?)\.so\.(\d+)(?:\.[\d.]+)?")


def xcb_plugin() -> Path:
    """The xcb platform plugin of the installed PySide6."""
    from PySide6.QtCore import QLibraryInfo

    return Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.PluginsPath)) / "platforms" / "libqxcb.so"


def missing_libraries(plugin: Path) -> list[str]:
    """Sonames the dynamic loader cannot find for ``plugin`` (directly or through its dependencies), sorted.

    Empty when nothing is missing, and when ``ldd`` or the plugin is absent (there is nothing to check).
    """
    ldd = shutil.which("ldd")
    if ldd is None or not plugin.exists():
        return []
    done = subprocess.run([ldd, str(plugin)], capture_output=True, text=True)
    return sorted(set(_NOT_FOUND.findall(done.stdout)))


def debian_package(soname: str) -> str:
    """The Debian package name for a library by Debian's naming rule (``libxcb-icccm.so.4`` -> ``libxcb-icccm4``).

    The name is lower-cased and the soname version appended, after a dash when the name ends in a digit
    (``libxkbcommon-x11.so.0`` -> ``libxkbcommon-x11-0``); a name not of the form ``lib*.so.N`` is returned as is.
    """
    match = _SONAME.fullmatch(soname)
    if match is None:
        return soname
    name, version = match.group(1).lower(), match.group(2)
    return f"{name}-{version}" if name[-1].isdigit() else f"{name}{version}"
