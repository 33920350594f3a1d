"""The unmodified third-party ``pyfingerprint`` client talks to the simulator: it must be faithful to the wire."""

from __future__ import annotations

import numpy as np
import pytest
import serial
from PIL import Image
from pyfingerprint import pyfingerprint

from drivers.zfm import parameters as p
from drivers.zfm.image import pack, unpack
from drivers.zfm.protocol import decode_packet, encode_packet
from tests.drivers.ridge_source import RidgePatternSource


@pytest.fixture
def client(sim):
    f = pyfingerprint.PyFingerprint(str(sim.link_path), 57600, 0xFFFFFFFF, 0x00000000)
    yield f
    del f


def test_handshake_parameters_and_template_count(client):
    assert client.verifyPassword() is True
    status, system_id, capacity, security, address, packet_code, baud = client.getSystemParameters()
    assert (status, system_id, capacity, security) == (0, 9, 1000, 3)
    assert (address, packet_code, baud) == (0xFFFFFFFF, 2, 6)
    assert client.getMaxPacketSize() == 128 and client.getBaudRate() == 57600
    assert client.getTemplateCount() == 0


def test_read_and_download_image(sim, client, tmp_path):
    sim.device.faults.add("no_finger:times=2")
    client.verifyPassword()
    assert client.readImage() is False
    assert client.readImage() is False
    assert client.readImage() is True
    out = tmp_path / "finger.png"
    client.downloadImage(str(out))
    with Image.open(out) as img:
        assert img.size == (256, 288)
        pixels = np.asarray(img)
    assert np.array_equal(pixels, sim.device.image)  # pyfingerprint decodes nibbles the same way


def test_enroll_store_search_and_characteristics(sim, client):
    client.verifyPassword()
    assert client.readImage()
    client.convertImage(0x01)
    assert client.searchTemplate() == (-1, -1)
    characteristics = client.downloadCharacteristics(0x01)
    assert len(characteristics) == 512
    while not client.readImage():  # the other finger (polled, as pyfingerprint's examples do)
        pass
    client.convertImage(0x02)
    assert client.compareCharacteristics() == 0
    assert client.createTemplate() is False
    assert client.uploadCharacteristics(0x02, characteristics) is True
    assert client.compareCharacteristics() > 0
    assert client.createTemplate() is True
    assert client.storeTemplate() == 0
    assert client.getTemplateCount() == 1
    assert client.searchTemplate()[0] == 0
    assert client.clearDatabase() is True
    assert client.getTemplateCount() == 0


@pytest.mark.parametrize("baud", [9600, 115200])
def test_other_baud_rates(make_sim, baud):
    sim = make_sim(link=f"tty{baud}", baudrate=baud)
    client = pyfingerprint.PyFingerprint(str(sim.link_path), baud, 0xFFFFFFFF, 0x00000000)
    assert client.verifyPassword() is True and client.getBaudRate() == baud


def test_wrong_password_is_refused(make_sim):
    sim = make_sim(link="locked", password=0x1234)
    client = pyfingerprint.PyFingerprint(str(sim.link_path), 57600, 0xFFFFFFFF, 0x00000000)
    assert client.verifyPassword() is False


def test_random_code_password_and_address_as_pyfingerprint_uses_them(sim, client):
    assert client.verifyPassword()
    codes = {client.generateRandomNumber() for _ in range(3)}
    assert len(codes) == 3 and all(0 <= c <= 0xFFFFFFFF for c in codes)
    assert client.setPassword(0x0000BEEF) is True and sim.device.password == 0xBEEF
    assert client.setAddress(0x12345678) is True and sim.device.address == 0x12345678
    assert client.getTemplateCount() == 0  # pyfingerprint now talks to the new address
    stranger = pyfingerprint.PyFingerprint(str(sim.link_path), 57600, 0xFFFFFFFF, 0x0000BEEF)
    with pytest.raises(Exception, match="address is wrong"):  # an answer (status 20), not 24 s of silence
        stranger.verifyPassword()
    again = pyfingerprint.PyFingerprint(str(sim.link_path), 57600, 0x12345678, 0x0000BEEF)
    assert again.verifyPassword() is True


def test_high_speed_search_answers_like_search(sim, client):
    client.verifyPassword()
    assert client.readImage()
    client.convertImage(0x01)
    assert client.storeTemplate(7) == 7
    # pyfingerprint has no high-speed search; send it as adafruit-circuitpython-fingerprint does (buffer 1,
    # pages 0..capacity) and read the 16 bytes that library reads for either search.
    with serial.Serial(str(sim.link_path), 57600, timeout=5) as raw:
        for code in (p.CMD_SEARCH, p.CMD_HIGH_SPEED_SEARCH):
            raw.write(encode_packet(p.PID_COMMAND, bytes([code, 1, 0, 0, 0x03, 0xE8])))
            answer = raw.read(16)
            assert decode_packet(answer).payload == bytes([p.ST_OK, 0, 7, 0, 180]), f"command {code:#04x}"


def test_an_image_sent_to_the_module_is_taken_as_a_module_does(sim, client, tmp_path):
    """DownImage (0x0B): the module acknowledges, takes the 4-bit image in data packets of its packet size,
    and then works on it like on a scanned one (UpImage gives it back, Img2Tz makes a characteristic)."""
    image = np.asarray(RidgePatternSource(seed=11).next_press()[0])
    data = pack(image)
    with serial.Serial(str(sim.link_path), 57600, timeout=5) as raw:
        raw.write(encode_packet(p.PID_COMMAND, bytes([p.CMD_DOWN_IMAGE])))
        assert decode_packet(raw.read(12)).payload == bytes([p.ST_OK])
        chunks = [data[i:i + 128] for i in range(0, len(data), 128)]
        for i, chunk in enumerate(chunks):
            raw.write(encode_packet(p.PID_END if i == len(chunks) - 1 else p.PID_DATA, chunk))
    client.verifyPassword()  # answered after the whole image is in
    out = tmp_path / "back.png"
    client.downloadImage(str(out))
    with Image.open(out) as img:
        assert np.array_equal(np.asarray(img), unpack(data))
    assert client.convertImage(0x01) and client.convertImage(0x02)
    assert client.compareCharacteristics() > 0
