"""Resynchronising with a noisy, slow or silent device: the reader finds the answer by its header, a command
is sent again within its operation's deadline, a late answer is not taken for the next command's, the
simulator drops an upload nobody reads, and a silent device is "not answering", not "disconnected"."""

from __future__ import annotations

import time

import pytest

from drivers import errors as e
from drivers.manager import DeviceManager
from drivers.settings import ScannerSettings
from drivers.simulator import FaultPlan, PtySimulator, SimulatedZfm
from drivers.zfm import parameters as p
from drivers.zfm.driver import ZfmScanner
from drivers.zfm.protocol import PacketReader, bytes_reader, encode_packet
from tests.drivers.ridge_source import RidgePatternSource

pytestmark = pytest.mark.timeout(120)
ACK = encode_packet(p.PID_ACK, b"\x00\x12\x34")


@pytest.mark.parametrize("before", [
    b"\x13\xef\x00\xef",  # noise, with header bytes that lead nowhere
    encode_packet(p.PID_DATA, b"x" * 40) + encode_packet(p.PID_END, b"y"),  # the end of a stale upload
    b"\xef\x02" + encode_packet(p.PID_DATA, b"z" * 20)[2:],  # a packet with a damaged header
    encode_packet(p.PID_ACK, b"\x00")[:-1] + b"\x00",  # an ack with a bad checksum
    b"\xef\x01\xff\xff\xff\xff\x07\x00\x20",  # a cut-off header whose length swallows the real answer
])
def test_find_packet_skips_what_comes_before_the_answer(before):
    reader = PacketReader(bytes_reader(before + ACK + encode_packet(p.PID_END, b"")))
    assert reader.find_packet(1.0, (p.PID_ACK,)).payload == b"\x00\x12\x34"
    assert reader.read_packet(1.0).pid == p.PID_END  # nothing after the answer was lost


def test_find_packet_says_what_it_skipped_or_that_nothing_came():
    noise = b"\x01\x02\x03" + encode_packet(p.PID_DATA, b"abc")
    with pytest.raises(e.ProtocolError, match="no ack packet, only 3 bytes of noise, 0 damaged and 1 other"):
        PacketReader(bytes_reader(noise)).find_packet(0.2, (p.PID_ACK,))
    with pytest.raises(e.DeviceTimeoutError, match="no answer"):
        PacketReader(bytes_reader(b"")).find_packet(0.2, (p.PID_ACK,))


class LateAnswers(PtySimulator):
    """Holds back the module's next answers by the seconds in ``delays`` (a module busy for longer than the
    driver waits), one delay per answer sent."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.delays: list[float] = []

    def send(self, data: bytes) -> None:
        if self.delays:
            time.sleep(self.delays.pop(0))
        super().send(data)


def test_a_late_answer_is_not_taken_for_the_next_commands(tmp_path):
    device = SimulatedZfm(RidgePatternSource(seed=7, fingers=2), FaultPlan())
    sim = LateAnswers(device, tmp_path / "ttyZFM").start()
    try:
        with ZfmScanner(str(sim.link_path)) as scanner:
            sim.delays = [p.COMMAND_TIMEOUT + 0.5, 0.5]  # GenImg is answered after the driver sent it again
            assert scanner.gen_img()
            assert scanner.template_count() == 0  # not the second GenImg answer, which came after
    finally:
        sim.stop()


def test_the_simulator_drops_an_upload_when_its_client_goes(make_sim):
    sim = make_sim()
    first = ZfmScanner(str(sim.link_path))
    first.open()
    assert first.gen_img()
    sim.device.faults.add("slow:delay=0.2")  # 288 packets: about a minute
    first.command(p.CMD_UP_IMAGE)
    first.close()  # the client goes away while the module sends
    with ZfmScanner(str(sim.link_path)) as second:
        assert second.capture(timeout=20).image.shape == (288, 256)


def test_a_silent_device_is_not_answering_not_disconnected(tmp_path):
    faults = FaultPlan()
    with DeviceManager(ScannerSettings(driver="simulator"), link_dir=tmp_path, faults=faults,
                       source=RidgePatternSource(5, 2)) as manager:
        scanner = manager.scanner()
        assert scanner.capture(timeout=20).image.shape == (288, 256)
        faults.add("silent:times=1000000")
        with pytest.raises(e.DeviceTimeoutError) as info:
            scanner.capture(timeout=5)
        assert "not answering" in info.value.user_message
        with pytest.raises(e.DeviceTimeoutError) as info:  # opened again: the port is there, the device silent
            scanner.capture(timeout=3)
        assert not isinstance(info.value, e.DeviceRemovedError) and "not answering" in info.value.user_message
        assert "check" in info.value.technician_message
        faults.clear()
        assert scanner.capture(timeout=20).image.shape == (288, 256)


def test_a_port_that_is_not_there_fails_at_once(tmp_path):
    port = tmp_path / "ttyUSB7"
    with (DeviceManager(ScannerSettings(driver="zfm", port=str(port))) as manager,
          pytest.raises(e.DeviceRemovedError, match="ttyUSB7") as info):
        manager.scanner().capture(timeout=3600)  # no waiting for a device that was never there
    assert "scanner.port" in info.value.technician_message


@pytest.mark.parametrize("fault", ["garbage:bytes=64", "silent"])
def test_the_self_test_survives_one_garbage_burst_or_one_silent_answer(make_sim, fault):
    sim = make_sim()
    sim.device.faults.add(fault)
    with DeviceManager(ScannerSettings(driver="zfm", port=str(sim.link_path))) as manager:
        result = manager.self_test()
    assert result.ok, result.summary()
    assert not sim.device.faults.pending()


@pytest.mark.timeout(60)  # a hang guard: the image's own transfer limit at 9600 baud is over 80 s
def test_a_capture_ends_by_its_deadline_not_by_the_transfer_limit(make_sim):
    sim = make_sim(baudrate=9600)
    sim.device.faults.add("slow:delay=0.5")
    with ZfmScanner(str(sim.link_path), baudrate=9600) as scanner:
        with pytest.raises(e.DeviceTimeoutError, match="UpImage: only"):
            scanner.capture(timeout=5)
        assert scanner.capture(timeout=20).image.shape == (288, 256)
