"""Presses rendered ahead of GenImg, so the simulated module answers every command in real-module time.

A background thread takes presses from the image source (synthesising a master finger can take over a second
on a loaded machine) and keeps them ready ahead of GenImg. GenImg takes a ready press at once; when none is
ready within :data:`GEN_IMG_WAIT` (what a module takes to image a finger) it answers "no finger", as a module
does while the finger is not yet on the glass, and the client polls again. Building the module waits for the
first press, so a client's first GenImg finds a finger whenever the source works at all.
"""

from __future__ import annotations

import logging
import queue
import threading
import weakref

import numpy as np

from drivers.simulator.images import ImageSource

log = logging.getLogger(__name__)

#: Presses waiting in the queue; the producer renders one more and holds it until there is room.
PRESSES_AHEAD = 1
#: How long GenImg may wait for a press being rendered: within the "image acquiring time < 1 s" of the
#: R30x/ZFM datasheets, and a quarter of the driver's COMMAND_TIMEOUT, so a slow source never costs a deadline.
GEN_IMG_WAIT = 0.5
#: How long building a module waits for its first press (a generous bound for a loaded machine, not a speed).
FIRST_PRESS_WAIT = 120.0
#: How long closing waits for the producer to finish the press it is rendering (a bound for a loaded machine).
CLOSE_WAIT = 120.0
_PUT_RETRY = 0.2  # seconds between checks for "stop" while the queue is full

Press = tuple[np.ndarray, str]


class PressQueue:
    """The presses of ``source``, rendered by a daemon thread into a bounded queue, in the source's order."""

    def __init__(self, source: ImageSource, ahead: int = PRESSES_AHEAD) -> None:
        self._ready: queue.Queue[Press] = queue.Queue(maxsize=ahead)
        self._stop = threading.Event()
        self._first = threading.Event()
        self._failed = threading.Event()
        # The thread holds neither this object nor the module: dropping the module stops it (finalize below).
        self._thread = threading.Thread(target=_produce, name="zfm-sim presses", daemon=True,
                                        args=(source, self._ready, self._stop, self._first, self._failed))
        self._thread.start()
        weakref.finalize(self, self._stop.set)

    def wait_first(self, timeout: float = FIRST_PRESS_WAIT) -> bool:
        """Wait until the first press is ready (or the source failed); False if it is not ready in time."""
        return self._first.wait(timeout) and not self._failed.is_set()

    def take(self, wait: float = 0.0) -> Press | None:
        """The next press: at once when one is ready, else the one being rendered if it is done within ``wait``
        seconds; None when the producer is further behind (or the source failed)."""
        try:
            return self._ready.get(timeout=wait) if wait > 0 and not self.failed else self._ready.get_nowait()
        except queue.Empty:
            return None

    @property
    def failed(self) -> bool:
        """The source raised: no further presses will come."""
        return self._failed.is_set()

    def close(self, wait: float = CLOSE_WAIT) -> None:
        """Stop the producer and wait for it to finish the press it is rendering: a process that exits while
        the thread is inside native code (OpenCV, numba) is aborted ("terminate called without an active
        exception")."""
        self._stop.set()
        if self._thread is not threading.current_thread():
            self._thread.join(wait)


def _produce(source: ImageSource, ready: queue.Queue[Press], stop: threading.Event, first: threading.Event,
             failed: threading.Event) -> None:
    while not stop.is_set():
        try:
            press = source.next_press()
        except Exception:
            log.exception("simulator: the image source failed; GenImg now answers 'image failed'")
            failed.set()
            first.set()
            return
        while not stop.is_set():
            try:
                ready.put(press, timeout=_PUT_RETRY)
            except queue.Full:
                continue
            first.set()
            break
