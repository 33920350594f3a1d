"""The simulator answers every command within the driver's own real-module deadlines, however slow image
synthesis is and however loaded the machine: presses are rendered ahead, off the protocol path.

The deadlines are the driver's (``COMMAND_TIMEOUT`` per answer, the transfer timeout for images): a late
answer raises DeviceTimeoutError inside the driver. Those are what the requirement is about, not speed.
"""

from __future__ import annotations

import time

import pytest

from drivers.simulator.images import GeneratorSource
from drivers.zfm import parameters as p
from drivers.zfm.driver import ZfmScanner
from tests.cpu_hogs import cpu_hogs
from tests.drivers.ridge_source import RidgePatternSource

pytestmark = pytest.mark.timeout(240)


class SlowSource:
    """Ridge-pattern presses that each take longer to render than the driver waits for an answer, as a
    synthesised master can on a loaded machine."""

    def __init__(self, delay: float) -> None:
        self.delay, self.inner = delay, RidgePatternSource(seed=3, fingers=2)

    def next_press(self):
        time.sleep(self.delay)
        return self.inner.next_press()


def test_gen_img_never_waits_for_a_press_to_be_rendered(make_sim):
    source = SlowSource(delay=1.5 * p.COMMAND_TIMEOUT)
    sim = make_sim(source=source)  # building the module waits for the first press
    with ZfmScanner(str(sim.link_path)) as scanner:
        assert scanner.gen_img()  # the first press was rendered before the link took commands
        # The next press is still being rendered: every poll is answered in time ("no finger" until it is
        # ready), where the module used to render inside GenImg and miss the driver's deadline.
        identities = [sim.device.identity]
        for _ in range(2):
            scanner.capture(timeout=30)
            identities.append(sim.device.identity)
    assert identities == ["ridge-pattern:3000", "ridge-pattern:3001", "ridge-pattern:3000"]


def test_a_broken_source_makes_gen_img_answer_image_failed(make_sim):
    class Broken:
        def next_press(self):
            raise OSError("images unreadable")

    sim = make_sim(source=Broken())
    with ZfmScanner(str(sim.link_path)) as scanner:
        status, _ = scanner.command(p.CMD_GEN_IMG, ok=(p.ST_IMAGE_FAILED,))
    assert status == p.ST_IMAGE_FAILED


@pytest.mark.slow
def test_every_answer_within_the_driver_deadlines_under_cpu_load(make_sim):
    """The synthetic generator (a new master takes a second or more under load) with two CPU hogs running:
    eight captures, four of them of fingers whose master is synthesised meanwhile, and every answer of the
    simulator comes within the driver's deadlines (the driver raises DeviceTimeoutError otherwise)."""
    with cpu_hogs(2):
        sim = make_sim(source=GeneratorSource(seed=5, fingers=4))
        with ZfmScanner(str(sim.link_path)) as scanner:
            identities = []
            for _ in range(8):
                scanner.capture(timeout=120)
                identities.append(sim.device.identity)
                assert scanner.search() is None
    assert identities == [f"synthesis:5:{i % 4}" for i in range(8)]
