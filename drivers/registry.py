"""The scanner drivers this build has, by the name the settings file gives them (``[scanner] driver``).

One :class:`ScannerDriver` per name: what it is, whether it talks over a serial port, and how to make its
scanner from the scanner settings. The settings check (:mod:`drivers.settings`) and the
:class:`~drivers.manager.DeviceManager` look drivers up here; nobody else keeps a list of them. A driver's
modules are imported inside its ``prepare`` function, so reading the settings loads no driver.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from drivers.errors import UnsupportedDeviceError

if TYPE_CHECKING:
    from drivers.scanner import Scanner
    from drivers.settings import ScannerSettings

#: Given the scanner settings and the serial port to use (``""`` when none), a function that makes the scanner.
Prepare = Callable[["ScannerSettings", str], Callable[[], "Scanner"]]


@dataclass(frozen=True)
class ScannerDriver:
    name: str
    summary: str
    prepare: Prepare | None  # None: no scanner (biometrics off)
    serial: bool = False  # opened through a serial port, which the self-test looks for
    simulated: bool = False  # the manager starts the in-process simulator and hands its port to ``prepare``

    @property
    def needs_port(self) -> bool:
        """The settings must name the serial port."""
        return self.serial and not self.simulated


def _zfm(settings: ScannerSettings, port: str, *, autobaud: bool) -> Callable[[], Scanner]:
    from drivers.zfm.driver import ZfmScanner

    return lambda: ZfmScanner(port, settings.baudrate, settings.address, settings.password, autobaud=autobaud)


def _libfprint(settings: ScannerSettings, port: str) -> Callable[[], Scanner]:
    try:
        from drivers.libfprint import LibfprintScanner
    except ImportError as exc:
        raise UnsupportedDeviceError(f"the libfprint driver is not available here: {exc}") from exc
    return LibfprintScanner  # the first capture-capable libfprint device


SCANNER_DRIVERS: dict[str, ScannerDriver] = {d.name: d for d in (
    ScannerDriver("simulator", "a simulated ZFM module on a pseudo-terminal, driven by the real ZFM driver",
                  lambda settings, port: _zfm(settings, port, autobaud=False), serial=True, simulated=True),
    ScannerDriver("zfm", "a ZFM / R30x / AS608 scanner on a serial port",
                  lambda settings, port: _zfm(settings, port, autobaud=True), serial=True),
    ScannerDriver("libfprint", "a USB scanner through libfprint 2", _libfprint),
    ScannerDriver("none", "no scanner: the kiosk runs without biometrics", None),
)}


def scanner_driver(name: str) -> ScannerDriver:
    """The driver called ``name``; :class:`UnsupportedDeviceError` for a name this build does not have."""
    try:
        return SCANNER_DRIVERS[name]
    except KeyError:
        raise UnsupportedDeviceError(f"no scanner driver {name!r}; this build has {', '.join(SCANNER_DRIVERS)}") \
            from None
