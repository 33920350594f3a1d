"""The unmodified third-party ``pyfingerprint`` client talks to the simulator: it must be faithful to the wire."""

from __future__ import annotations

import numpy as np
import pytest
from PIL import Image

pyfingerprint = pytest.importorskip("pyfingerprint.pyfingerprint")
pytestmark = pytest.mark.timeout(60)


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
    client.readImage()  # the other finger
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
