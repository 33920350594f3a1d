"""Hand-offs between the drivers and the parts of enrollment they feed.

- the simulator serves the project's synthetic generator (``enrollment.synthesis``);
- a capture from the simulator, through the real driver, flows into extraction and yields a template.
"""

from __future__ import annotations

from drivers.simulator.images import GeneratorSource, default_source
from drivers.zfm.driver import ZfmScanner
from enrollment import extraction
from tests.drivers.ridge_source import RidgePatternSource


def test_simulator_serves_the_synthetic_generator(make_sim):
    assert isinstance(default_source(0), GeneratorSource)
    sim = make_sim(source=GeneratorSource(seed=3, fingers=2))
    with ZfmScanner(str(sim.link_path)) as scanner:
        capture = scanner.capture(timeout=20)
    assert capture.image.shape == (288, 256)
    assert sim.device.identity == "synthesis:3:0"


def test_capture_flows_into_extraction(make_sim):
    sim = make_sim(source=RidgePatternSource(seed=7, fingers=1))
    with ZfmScanner(str(sim.link_path)) as scanner:
        capture = scanner.capture(finger_position=2, timeout=10)
    template = extraction.extract(capture.image, dpi=capture.resolution_dpi, finger_position=capture.finger_position)
    assert len(template.positions) >= 10
    assert template.finger_position == 2


def test_the_generator_serves_each_fingers_impressions_in_a_row():
    repeated, single = GeneratorSource(seed=3, fingers=2, presses_per_finger=2), GeneratorSource(seed=3, fingers=2)
    presses = [repeated.next_press() for _ in range(5)]
    assert [identity for _, identity in presses] == ["synthesis:3:0"] * 2 + ["synthesis:3:1"] * 2 + ["synthesis:3:0"]
    one_each = [single.next_press() for _ in range(5)]  # finger 0 impression 0, finger 1 impression 0, finger 0 ...
    assert (presses[1][0] == one_each[2][0]).all()  # finger 0, impression 1
    assert (presses[4][0] == one_each[4][0]).all()  # finger 0, impression 2
    assert not (presses[0][0] == presses[1][0]).all()
