"""The composition root's settings: one file read once, each table checked by the part that owns it."""

import pytest

from drivers.settings import ScannerSettings
from enrollment.errors import SettingsError
from kiosk.settings import CliState, KioskSettings, kiosk_settings_from_mapping, load_kiosk_settings


def test_the_embedded_defaults_give_every_part_its_defaults(monkeypatch):
    monkeypatch.delenv("ZUIL_CONFIG", raising=False)
    monkeypatch.delenv("ZUIL_DATA_DIR", raising=False)
    s = load_kiosk_settings()
    assert s.enrollment.location == "amsterdam" and s.scanner == ScannerSettings()
    assert s.scanner.driver == "simulator" and s.enrollment.source == "<embedded defaults>"


def test_one_file_is_split_into_each_part_s_section(tmp_path, monkeypatch):
    cfg = tmp_path / "zuil.toml"
    cfg.write_text('location = "utrecht"\nkiosk_id = "zuil-utr-02"\n'
                   '[scanner]\ndriver = "zfm"\nport = "/dev/ttyUSB0"\nbaudrate = 115200\n')
    monkeypatch.setenv("ZUIL_DATA_DIR", str(tmp_path / "d"))
    s = load_kiosk_settings(cfg)
    assert (s.enrollment.location, s.enrollment.data_dir) == ("utrecht", tmp_path / "d")
    assert (s.scanner.driver, s.scanner.port, s.scanner.baudrate) == ("zfm", "/dev/ttyUSB0", 115200)
    state = CliState(str(cfg), str(tmp_path / "e"))
    assert state.settings.data_dir == tmp_path / "e" and state.scanner == s.scanner


@pytest.mark.parametrize(
    ("mapping", "key"),
    [({"scanner": {"driver": "magic"}}, "scanner.driver"), ({"colour": "blue"}, "colour"),
     ({"location": "atlantis", "scanner": {"driver": "magic"}}, "location")],
)
def test_a_bad_key_of_either_part_is_refused_with_file_and_key(mapping, key):
    with pytest.raises(SettingsError) as err:
        kiosk_settings_from_mapping(mapping, "site.toml")
    assert (err.value.file, err.value.key) == ("site.toml", key)


def test_unknown_keys_list_the_scanner_table_among_the_known():
    with pytest.raises(SettingsError, match=r"known: .*scanner"):
        kiosk_settings_from_mapping({"colour": "blue"}, "site.toml")
    assert KioskSettings().scanner == ScannerSettings()


def test_the_speech_table_switches_speech_off_and_names_the_device():
    assert (KioskSettings().speech.enabled, KioskSettings().speech.device) == (True, "default")
    s = kiosk_settings_from_mapping({"speech": {"enabled": False, "device": "plughw:1,0"}}, "site.toml")
    assert (s.speech.enabled, s.speech.device) == (False, "plughw:1,0")
    for bad, key in (({"enabled": "no"}, "speech.enabled"), ({"device": " "}, "speech.device"),
                     ({"volume": 3}, "speech.volume")):
        with pytest.raises(SettingsError) as err:
            kiosk_settings_from_mapping({"speech": bad}, "site.toml")
        assert err.value.key == key
