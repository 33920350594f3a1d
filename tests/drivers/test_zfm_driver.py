"""The real ZfmScanner against the simulated module over a real pseudo-terminal."""

from __future__ import annotations

import threading
import time

import numpy as np
import pytest

from drivers import errors as e
from drivers.simulator.faults import FAULTS
from drivers.zfm import parameters as p
from drivers.zfm.driver import ZfmScanner
from drivers.zfm.image import foreground_blocks


def test_handshake_and_system_parameters(scanner):
    params = scanner.params
    assert (params.library_size, params.packet_size, params.baudrate) == (p.LIBRARY_SIZE, 128, 57600)
    assert params.address == p.DEFAULT_ADDRESS and params.security_level == 3
    assert scanner.info().resolution_dpi == 500 and "system id 0x0009" in scanner.info().model
    assert "0/1000 templates" in scanner.self_test()


def test_capture_gives_a_500_dpi_grey_image_with_ridges(scanner):
    capture = scanner.capture(finger_position=2, timeout=5)
    image = capture.image
    assert image.shape == (288, 256) and image.dtype == np.uint8 and not image.flags.writeable
    assert capture.resolution_dpi == 500 and capture.finger_position == 2
    assert set(np.unique(image)) <= {17 * v for v in range(16)}  # 4-bit sensor levels widened
    assert foreground_blocks(image).mean() > 0.5  # ridges over most of the glass
    row = image[144, 64:192].astype(int)
    assert np.count_nonzero(np.diff(np.sign(row - row.mean())) != 0) >= 12  # many ridge crossings


def test_capture_matches_the_simulated_image_exactly(sim, scanner):
    capture = scanner.capture(timeout=5)
    assert np.array_equal(capture.image, sim.device.image)


def test_packet_size_is_set_when_asked(sim):
    with ZfmScanner(str(sim.link_path), packet_size=256) as s:
        assert s.params.packet_size == 256 and sim.device.packet_size == 256
        assert s.capture(timeout=5).image.shape == (288, 256)


def test_no_finger_polls_then_capture(sim, scanner):
    sim.device.faults.add("no_finger:times=4")
    assert scanner.capture(timeout=5).image.shape == (288, 256)
    assert not sim.device.faults.pending()


#: fault -> (seconds for the capture it hits, what that capture gives: None for a good image, else the error)
FAULT_OUTCOMES = {
    "no_finger:times=4": (30, None),
    "image_failed": (30, e.MessyImageError),
    "blank": (30, e.MessyImageError),  # the module refuses a blank image itself (status 15)
    "partial": (30, e.PartialFingerError),
    "messy": (30, e.MessyImageError),
    "few_features": (30, e.TooFewFeaturesError),
    "slow:delay=0.01": (30, None),
    "slow:delay=0.5": (4, e.DeviceTimeoutError),  # 288 packets at 0.5 s cannot arrive within 4 s
    "corrupt_checksum:packet=3": (30, None),  # the image is asked for again
    "corrupt_checksum:packet=0": (30, None),
    "wrong_header:packet=5": (30, None),
    "wrong_header:packet=0": (30, None),
    "unplug:after=20": (30, e.DeviceRemovedError),
    "garbage:bytes=5": (30, None),  # skipped: the answer is found by its header
    "garbage:bytes=4096": (30, None),
    "silent": (30, None),  # the command is sent again
}
#: The faulty capture and the good one after it, together.
FAULT_DEADLINE = 60.0


def test_every_simulator_fault_has_a_case():
    assert {spec.split(":")[0] for spec in FAULT_OUTCOMES} == set(FAULTS)


@pytest.mark.timeout(120)
@pytest.mark.parametrize("fault", list(FAULT_OUTCOMES))
def test_each_fault_then_a_good_capture_within_one_deadline(sim, scanner, fault):
    seconds, error = FAULT_OUTCOMES[fault]
    deadline = time.monotonic() + FAULT_DEADLINE
    sim.device.faults.add(fault)
    if error is None:
        assert scanner.capture(timeout=seconds).image.shape == (288, 256)
    else:
        with pytest.raises(error) as info:
            scanner.capture(timeout=seconds)
        assert info.value.user_message and info.value.technician_message.startswith(str(info.value))
    assert not sim.device.faults.pending()  # the fault did fire
    if error is e.DeviceRemovedError:
        sim.plug()
    capture = scanner.capture(timeout=deadline - time.monotonic())  # resynchronised: no restart, no reopen
    assert np.array_equal(capture.image, sim.device.image)


def test_blank_image_without_device_quality_check_is_no_finger(sim):
    sim.device.faults.add("blank")
    with ZfmScanner(str(sim.link_path), device_quality=False) as s, pytest.raises(e.NoFingerError):
        s.capture(timeout=5)


def test_slow_upload_still_arrives(sim, scanner):
    sim.device.faults.add("slow:delay=0.002")
    assert scanner.capture(timeout=5).image.shape == (288, 256)


def test_an_upload_slower_than_its_limit_is_asked_again_then_given_up(sim):
    sim.device.faults.add("slow:delay=0.5,times=3")
    with ZfmScanner(str(sim.link_path), image_timeout=0.8) as s:
        with pytest.raises(e.DeviceTimeoutError, match="UpImage: only"):
            s.capture(timeout=20)
        assert not sim.device.faults.pending()  # three tries, each slow
        sim.device.faults.add("slow:delay=0.5")
        assert s.capture(timeout=20).image.shape == (288, 256)  # the second try is not slow


def test_cancel_during_finger_polling_is_prompt(sim, scanner):
    sim.device.faults.add("no_finger:times=100000")
    errors: list[BaseException] = []
    polling = threading.Event()
    original = scanner.gen_img

    def gen_img():
        polling.set()
        return original()

    scanner.gen_img = gen_img

    def run():
        try:
            scanner.capture(timeout=60)
        except BaseException as exc:
            errors.append(exc)

    thread = threading.Thread(target=run)
    thread.start()
    assert polling.wait(5)
    scanner.cancel()
    thread.join(5)
    assert not thread.is_alive() and isinstance(errors[0], e.CaptureCancelled)
    assert errors[0].user_message == ""


def test_cancel_during_the_image_upload_then_the_next_capture_resynchronises(sim, scanner):
    sim.device.faults.add("slow:delay=0.005")
    uploading = threading.Event()
    original = scanner.up_image

    def up_image(cancel=None):
        uploading.set()
        return original(cancel)

    scanner.up_image = up_image
    outcome: list[BaseException] = []

    def run():
        try:
            scanner.capture(timeout=10)
        except BaseException as exc:
            outcome.append(exc)

    thread = threading.Thread(target=run)
    thread.start()
    assert uploading.wait(5)
    scanner.cancel()
    thread.join(10)
    assert isinstance(outcome[0], e.CaptureCancelled) and "UpImage cancelled after" in str(outcome[0])
    assert scanner.capture(timeout=5).image.shape == (288, 256)  # stale packets drained first


def test_preview_sees_the_image_before_the_placement_check(sim, scanner):
    sim.device.faults.add("partial")
    previews = []
    with pytest.raises(e.PartialFingerError):
        scanner.capture(timeout=5, preview=previews.append)
    assert len(previews) == 1 and previews[0].shape == (288, 256)


def test_unplug_mid_upload_is_device_removed(sim, scanner):
    sim.device.faults.add("unplug:after=20")
    with pytest.raises(e.DeviceRemovedError):
        scanner.capture(timeout=5)
    assert not scanner.is_open and not sim.link_path.exists()
    with pytest.raises(e.DeviceRemovedError):
        scanner.capture(timeout=1)  # re-opening a vanished port fails cleanly
    sim.plug()
    assert scanner.capture(timeout=5).image.shape == (288, 256)  # the driver re-opens on its own


@pytest.mark.parametrize("baud", [9600, 115200])
def test_baud_rates(make_sim, baud):
    sim = make_sim(baudrate=baud)
    with ZfmScanner(str(sim.link_path), baudrate=baud) as s:
        assert s.params.baudrate == baud
        assert s.capture(timeout=5).image.shape == (288, 256)


def test_switching_the_baud_rate(sim, scanner):
    scanner.set_baudrate(115200)
    assert scanner.params.baudrate == 115200 and sim.device.baudrate == 115200
    assert scanner.capture(timeout=5).image.shape == (288, 256)


def test_wrong_baud_rate_is_silence_and_autobaud_finds_the_right_one(make_sim):
    sim = make_sim(baudrate=115200)
    with pytest.raises(e.DeviceTimeoutError):
        ZfmScanner(str(sim.link_path), baudrate=9600).open()
    with ZfmScanner(str(sim.link_path), baudrate=9600, autobaud=True) as s:
        assert s.baudrate == 115200 and s.params.baudrate == 115200


def test_password_and_address(make_sim):
    sim = make_sim(password=0x1234, address=0xC0FFEE00)
    with pytest.raises(e.WrongPasswordError):
        ZfmScanner(str(sim.link_path), address=0xC0FFEE00).open()
    with pytest.raises(e.ProtocolError, match="wrong address"):  # status 20, from the module's own address
        ZfmScanner(str(sim.link_path), password=0x1234).open()
    with ZfmScanner(str(sim.link_path), address=0xC0FFEE00, password=0x1234) as s:
        assert s.params.address == 0xC0FFEE00


def test_missing_port_is_device_removed(tmp_path):
    with pytest.raises(e.DeviceRemovedError, match="cannot open"):
        ZfmScanner(str(tmp_path / "nothing")).open()


def test_library_commands(sim, scanner):
    # capture() converts its image into character buffer 1 (the module's own quality check)
    scanner.capture(timeout=5)  # the source cycles 2 fingers: presses alternate finger 0, 1, 0, ...
    first = scanner.up_char(1)
    assert len(first) == p.CHAR_SIZE
    scanner.capture(timeout=5)
    scanner.img2tz(2)
    scanner.down_char(first, buffer=1)
    assert scanner.up_char(1) == first
    assert scanner.match() == 0
    with pytest.raises(e.ImpressionsDifferError):
        scanner.reg_model()
    scanner.capture(timeout=5)
    scanner.img2tz(2)
    assert scanner.match() > 0
    scanner.reg_model()
    scanner.store(7, buffer=1)
    scanner.store(300, buffer=2)
    assert scanner.template_count() == 2 and scanner.used_slots() == [7, 300]
    scanner.delete(300)
    assert scanner.search(buffer=2) == (7, 180)
    scanner.capture(timeout=5)
    assert scanner.search(1) is None
    scanner.down_char(first, buffer=1)
    assert scanner.search(1) == (7, 180)
    scanner.load_char(7, buffer=2)
    assert scanner.match() > 0
    with pytest.raises(e.DeviceStatusError) as info:
        scanner.load_char(8)
    assert info.value.code == p.ST_READ_TEMPLATE_FAILED
    with pytest.raises(e.DeviceStatusError):
        scanner.store(p.LIBRARY_SIZE)
    scanner.delete(7)
    assert scanner.template_count() == 0
    scanner.store(1)
    scanner.empty()
    assert scanner.template_count() == 0


def test_realtime_pacing_still_delivers(make_sim):
    sim = make_sim(baudrate=115200, realtime=True)
    with ZfmScanner(str(sim.link_path), baudrate=115200) as s:
        assert s.params.baudrate == 115200


def test_simulator_survives_garbage_from_the_host(sim):
    rng = np.random.default_rng(11)
    with ZfmScanner(str(sim.link_path)) as s:
        for size in (1, 9, 40, 300, 2000):
            s._serial.write(rng.integers(0, 256, size, dtype=np.uint8).tobytes())
            s._dirty = True  # the driver drains the module's complaints before its next command
            try:
                assert s.template_count() == 0
            except e.ProtocolError:  # a complaint that came after the drain (a loaded machine): once more
                assert s.template_count() == 0
