"""The optional debug side channel: a collector that receives every step's intermediate image by name.

It is passed to :func:`enrollment.extraction.extract` explicitly, is off by default, never logs, and never
influences the result (the steps hand it read-only copies). Biometric data: keep it in memory and drop it.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping

import numpy as np


class DebugSink(Mapping[str, np.ndarray]):
    """An in-memory, ordered collection of named intermediate arrays (``sink["orientation"]``...)."""

    def __init__(self) -> None:
        self._items: dict[str, np.ndarray] = {}

    def record(self, name: str, array: np.ndarray) -> None:
        """Keep a read-only copy of ``array`` under ``name`` (the last one wins)."""
        copy = np.array(array, copy=True)
        copy.setflags(write=False)
        self._items[name] = copy

    def __getitem__(self, name: str) -> np.ndarray:
        return self._items[name]

    def __iter__(self) -> Iterator[str]:
        return iter(self._items)

    def __len__(self) -> int:
        return len(self._items)


def emit(sink: DebugSink | None, name: str, array: np.ndarray) -> None:
    """Hand ``array`` to ``sink`` if there is one; a no-op otherwise (the common case)."""
    if sink is not None:
        sink.record(name, array)
