"""The ``[scanner]`` table: checked by the drivers part, the driver names from its registry."""

import pytest

from drivers.manager import DeviceManager
from drivers.registry import SCANNER_DRIVERS
from drivers.settings import ScannerSettings, scanner_settings
from drivers.zfm import parameters as zfm
from enrollment.errors import SettingsError


@pytest.mark.parametrize(
    ("table", "key", "fragment"),
    [
        ({"driver": "magic"}, "scanner.driver", "one of simulator, zfm, libfprint, none"),
        ({"baudrate": 12345}, "scanner.baudrate", "a multiple of 9600 from 9600 to 115200"),
        ({"driver": "zfm"}, "scanner.port", "serial port"),
        ({"usb_allow": ["nope"]}, "scanner.usb_allow", "vendor:product"),
        ({"baudrate": True}, "scanner.baudrate", "whole number"),
        ({"address": -1}, "scanner.address", "32 bits"),
        ({"speed": 1}, "scanner.speed", "unknown setting; known: address, baudrate, driver, password, port"),
        ("zfm", "scanner", "expected dict"),
    ],
)
def test_bad_scanner_settings_name_file_key_and_reason(table, key, fragment):
    with pytest.raises(SettingsError) as err:
        scanner_settings(table, "site.toml")
    assert err.value.key == key and err.value.file == "site.toml"
    assert fragment in str(err.value)


def test_the_defaults_are_the_zfm_module_s_and_every_baud_rate_of_it_is_accepted():
    assert scanner_settings({}, "site.toml") == ScannerSettings()
    assert (ScannerSettings().baudrate, ScannerSettings().address) == (zfm.DEFAULT_BAUDRATE, zfm.DEFAULT_ADDRESS)
    for baudrate in zfm.BAUDRATES:
        assert scanner_settings({"baudrate": baudrate}, "site.toml").baudrate == baudrate


def test_every_registered_driver_is_accepted_and_known_to_the_manager():
    assert list(SCANNER_DRIVERS) == ["simulator", "zfm", "libfprint", "none"]
    for name, driver in SCANNER_DRIVERS.items():
        table = {"driver": name, "port": "/dev/ttyUSB0"} if driver.needs_port else {"driver": name}
        assert scanner_settings(table, "site.toml").driver == name
        assert DeviceManager(ScannerSettings(driver=name)).driver == name
