"""The ``[vnumber_reader]`` table: checked by the drivers part; it makes the configured reader."""

import pytest

from drivers.vnumber.serial_scanner import SerialBarcodeReader
from drivers.vnumber.settings import VNumberReaderSettings, vnumber_reader_settings
from enrollment.errors import SettingsError
from kiosk.settings import kiosk_settings_from_mapping


@pytest.mark.parametrize(
    ("table", "key", "fragment"),
    [
        ({"kind": "laser"}, "vnumber_reader.kind", "one of none, serial, camera"),
        ({"kind": "serial"}, "vnumber_reader.port", "serial port"),
        ({"baudrate": 0}, "vnumber_reader.baudrate", "positive"),
        ({"camera": -1}, "vnumber_reader.camera", "camera index"),
        ({"speed": 1}, "vnumber_reader.speed", "unknown setting"),
        ("serial", "vnumber_reader", "expected dict"),
    ],
)
def test_bad_reader_settings_name_file_key_and_reason(table, key, fragment):
    with pytest.raises(SettingsError) as err:
        vnumber_reader_settings(table, "site.toml")
    assert err.value.key == key and err.value.file == "site.toml"
    assert fragment in str(err.value)


def test_the_default_is_the_keypad_only_and_serial_makes_a_serial_reader():
    default = vnumber_reader_settings({}, "site.toml")
    assert default == VNumberReaderSettings() and not default.configured and default.make_reader(print) is None
    serial = kiosk_settings_from_mapping({"vnumber_reader": {"kind": "serial", "port": "/dev/ttyACM0"}}).vnumber_reader
    reader = serial.make_reader(print)
    assert serial.configured and isinstance(reader, SerialBarcodeReader) and reader.port == "/dev/ttyACM0"
    assert not reader.running
