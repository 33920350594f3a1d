"""Scriptable faults of the simulated scanner, each firing a given number of times on its trigger.

Written on the command line as ``NAME[:key=value,...]``, e.g. ``no_finger:times=5``, ``unplug:after=20``,
``slow:delay=0.02``, ``corrupt_checksum:packet=3``, ``garbage:bytes=7``.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass

#: name -> (what it does, the keys it takes besides ``times``)
FAULTS: dict[str, tuple[str, tuple[str, ...]]] = {
    "no_finger": ("GenImg answers 02 (no finger) for `times` polls", ()),
    "image_failed": ("GenImg answers 03 (image failed)", ()),
    "blank": ("GenImg succeeds but the image is blank glass", ()),
    "partial": ("the finger is only partly on the glass (top edge)", ()),
    "messy": ("the image is smudged and Img2Tz answers 06 (too messy)", ()),
    "few_features": ("Img2Tz answers 07 (too few features)", ()),
    "slow": ("each data packet of an upload is delayed by `delay` seconds", ("delay",)),
    "corrupt_checksum": ("data packet number `packet` (0: the ack) of an upload has a wrong checksum", ("packet",)),
    "wrong_header": ("data packet number `packet` (0: the ack) of an upload starts with EF 02", ("packet",)),
    "unplug": ("the device disappears after `after` data packets of an upload", ("after",)),
    "garbage": ("`bytes` random bytes are sent before the next answer", ("bytes",)),
    "silent": ("the next command gets no answer at all", ()),
}
_DEFAULTS = {"delay": 0.05, "packet": 1, "after": 10, "bytes": 8}


@dataclass
class Fault:
    name: str
    times: int = 1
    delay: float = _DEFAULTS["delay"]
    packet: int = _DEFAULTS["packet"]
    after: int = _DEFAULTS["after"]
    bytes: int = _DEFAULTS["bytes"]

    def __post_init__(self) -> None:
        if self.name not in FAULTS:
            raise ValueError(f"unknown fault {self.name!r}; known: {', '.join(FAULTS)}")
        if self.times < 1 or self.delay < 0 or self.packet < 0 or self.after < 0 or not 0 < self.bytes <= 4096:
            raise ValueError(f"fault {self.name}: times >= 1, delay/packet/after >= 0, 0 < bytes <= 4096")

    @classmethod
    def parse(cls, text: str) -> Fault:
        name, _, rest = text.strip().partition(":")
        values: dict[str, float | int] = {}
        for item in filter(None, rest.split(",")):
            key, sep, value = item.partition("=")
            allowed = ("times", *FAULTS.get(name, ("", ()))[1])
            if not sep or key not in allowed:
                raise ValueError(f"fault {name!r}: bad option {item!r}; it takes {', '.join(allowed)}")
            try:
                values[key] = float(value) if key == "delay" else int(value)
            except ValueError as exc:
                raise ValueError(f"fault {name!r}: {key}={value!r} is not a number") from exc
        return cls(name, **values)  # type: ignore[arg-type]


class FaultPlan:
    """The queue of pending faults; the simulator thread takes them while a test or script adds them."""

    def __init__(self, faults: list[Fault] | None = None) -> None:
        self._faults: list[Fault] = list(faults or [])
        self._lock = threading.Lock()

    def add(self, fault: Fault | str) -> None:
        fault = Fault.parse(fault) if isinstance(fault, str) else fault
        with self._lock:
            self._faults.append(fault)

    def clear(self) -> None:
        with self._lock:
            self._faults.clear()

    def take(self, name: str) -> Fault | None:
        """The first pending fault called ``name``, consuming one of its ``times``; None if there is none."""
        with self._lock:
            for fault in self._faults:
                if fault.name == name:
                    fault.times -= 1
                    if fault.times <= 0:
                        self._faults.remove(fault)
                    return fault
        return None

    def pending(self) -> list[Fault]:
        with self._lock:
            return list(self._faults)
