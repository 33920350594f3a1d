"""Load PyGObject and the FPrint 2.0 typelib on first use, so nothing else in the kiosk needs ``gi``."""

from __future__ import annotations

from functools import cache
from types import ModuleType

from drivers.libfprint.errors import APT_PACKAGES, LibfprintUnavailableError

__all__ = ["load_fprint"]


@cache
def load_fprint() -> tuple[ModuleType, ModuleType, ModuleType]:
    """``(FPrint, Gio, GLib)``; raises LibfprintUnavailableError naming what to install."""
    try:
        import gi
    except ImportError as exc:
        raise LibfprintUnavailableError(
            f"PyGObject is not installed in this Python (pip install 'aanmeldzuil[libfprint]'; apt: {APT_PACKAGES})"
        ) from exc
    try:
        gi.require_version("FPrint", "2.0")
        from gi.repository import FPrint, Gio, GLib
    except (ImportError, ValueError) as exc:
        raise LibfprintUnavailableError(f"the FPrint 2.0 typelib is missing ({exc}); apt: {APT_PACKAGES}") from exc
    return FPrint, Gio, GLib
