"""The ``[scanner]`` table of the settings file: the drivers part's own section, checked here.

The composition root (``kiosk.settings``) hands this module the raw table; the driver names come from the
driver registry (:mod:`drivers.registry`), the baud rates and defaults from the ZFM protocol's constants
(:mod:`drivers.zfm.parameters`). A bad value is a :class:`~enrollment.errors.SettingsError` naming the file,
the key and the reason, like every other table of the file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from drivers.registry import SCANNER_DRIVERS
from drivers.zfm import parameters as zfm
from enrollment.settings_file import check, checked_section, typed

#: The name of this section's table in the settings file.
TABLE = "scanner"


@dataclass(frozen=True)
class ScannerSettings:
    driver: str = "simulator"
    port: str = ""
    baudrate: int = zfm.DEFAULT_BAUDRATE
    address: int = zfm.DEFAULT_ADDRESS
    password: int = zfm.DEFAULT_PASSWORD
    usb_allow: tuple[str, ...] = ("05ba:000a", "05ba:000b")  # DigitalPersona U.are.U 4000/4500


def scanner_settings(raw: Any, source: str) -> ScannerSettings:
    """The ``[scanner]`` table ``raw`` of the file ``source`` checked into :class:`ScannerSettings`."""
    s = checked_section(typed(raw, dict, source, TABLE), ScannerSettings, source, f"{TABLE}.")
    check(s.driver in SCANNER_DRIVERS, f"driver must be one of {', '.join(SCANNER_DRIVERS)}", source,
          f"{TABLE}.driver")
    lowest, highest = zfm.BAUDRATES[0], zfm.BAUDRATES[-1]
    check(s.baudrate in zfm.BAUDRATES, f"baudrate must be a multiple of {lowest} from {lowest} to {highest}",
          source, f"{TABLE}.baudrate")
    check(0 <= s.address <= 0xFFFFFFFF, "address must fit in 32 bits", source, f"{TABLE}.address")
    check(0 <= s.password <= 0xFFFFFFFF, "password must fit in 32 bits", source, f"{TABLE}.password")
    if SCANNER_DRIVERS[s.driver].needs_port:
        check(bool(s.port), f"the {s.driver} driver needs a serial port, e.g. /dev/ttyUSB0", source, f"{TABLE}.port")
    for entry in s.usb_allow:
        check(bool(re.fullmatch(r"[0-9a-f]{4}:[0-9a-f]{4}", str(entry))),
              f"{entry!r} is not a USB vendor:product id like 05ba:000a", source, f"{TABLE}.usb_allow")
    return s
