"""DeviceWorker: one thread for all device I/O, results through futures, prompt cancel; with the real driver."""

from __future__ import annotations

import threading
from concurrent.futures import CancelledError

import pytest

from drivers.errors import CaptureCancelled, DeviceRemovedError, NoFingerError
from drivers.worker import DeviceWorker
from drivers.zfm.driver import ZfmScanner


@pytest.fixture
def worker(sim):
    w = DeviceWorker(ZfmScanner(str(sim.link_path)))
    yield w
    w.close()


def test_operations_run_in_order_on_one_thread(worker):
    threads: list[str] = []
    first = worker.submit(lambda s: threads.append(threading.current_thread().name) or "first")
    opened = worker.open()
    capture = worker.capture(finger_position=7, timeout=5)
    test = worker.self_test()
    assert first.result(10) == "first" and opened.result(10) is None
    assert capture.result(10).finger_position == 7
    assert "ok" in test.result(10)
    worker.submit(lambda s: threads.append(threading.current_thread().name)).result(10)
    assert len(set(threads)) == 1 and threads[0] != threading.current_thread().name


def test_errors_and_callbacks_are_delivered(sim, worker):
    sim.device.faults.add("blank")
    done = threading.Event()
    seen: list[BaseException | None] = []
    future = worker.capture(timeout=5)
    future.add_done_callback(lambda f: (seen.append(f.exception()), done.set()))
    assert done.wait(10)
    assert isinstance(seen[0], Exception) and seen[0].user_message  # a typed, explainable capture error
    worker.scanner.device_quality = False
    sim.device.faults.add("blank")
    with pytest.raises(NoFingerError):
        worker.capture(timeout=5).result(10)


def test_cancel_stops_the_running_capture_and_drops_the_queue(sim, worker):
    sim.device.faults.add("no_finger:times=1000000")
    running = worker.capture(timeout=60)
    queued = worker.capture(timeout=60)
    while not running.running():
        threading.Event().wait(0.01)
    worker.cancel()
    with pytest.raises(CaptureCancelled):
        running.result(10)
    with pytest.raises(CancelledError):
        queued.result(10)
    sim.device.faults.clear()
    assert worker.capture(timeout=5).result(10).image.shape == (288, 256)  # the worker goes on


def test_cancel_right_after_submit_is_never_lost(sim, worker):
    sim.device.faults.add("no_finger:times=1000000")
    for _ in range(3):
        future = worker.capture(timeout=60)
        worker.cancel()
        with pytest.raises((CaptureCancelled, CancelledError)):
            future.result(10)


def test_device_removed_reaches_the_caller(sim, worker):
    sim.device.faults.add("unplug:after=3")
    with pytest.raises(DeviceRemovedError):
        worker.capture(timeout=5).result(10)


def test_closed_worker_refuses_work(worker):
    worker.close()
    with pytest.raises(RuntimeError):
        worker.capture()
