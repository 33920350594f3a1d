import contextlib
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from enrollment.errors import LocationError, SettingsError
from enrollment.records.locations import Location, parse_location_id
from enrollment.settings import Settings, load_settings, settings_from_mapping


def test_embedded_defaults_are_valid(monkeypatch):
    monkeypatch.delenv("ZUIL_CONFIG", raising=False)
    monkeypatch.delenv("ZUIL_DATA_DIR", raising=False)
    s = load_settings()
    assert s.location == "amsterdam" and s.scanner.driver == "simulator"
    assert s.database.startswith("sqlite:///")


def test_file_and_data_dir_override(tmp_path, monkeypatch):
    cfg = tmp_path / "zuil.toml"
    cfg.write_text(
        'location = "utrecht"\nkiosk_id = "zuil-utr-02"\nfingers = [1, 6]\n'
        '[scanner]\ndriver = "zfm"\nport = "/dev/ttyUSB0"\nbaudrate = 115200\n'
        "[retention]\nbiometrics_days = 1825\n"
    )
    monkeypatch.setenv("ZUIL_DATA_DIR", str(tmp_path / "d"))
    s = load_settings(cfg)
    assert (s.location, s.kiosk_id, s.fingers) == ("utrecht", "zuil-utr-02", (1, 6))
    assert s.scanner.baudrate == 115200 and s.data_dir == tmp_path / "d"
    monkeypatch.setenv("ZUIL_CONFIG", str(cfg))
    assert load_settings().location == "utrecht"


@pytest.mark.parametrize(
    ("mapping", "key", "fragment"),
    [
        ({"location": "atlantis"}, "location", "unknown location"),
        ({"location": "Amsterdam!"}, "location", "must be 2-32"),
        ({"kiosk_id": "X"}, "kiosk_id", "3-40"),
        ({"upstream_url": "http://x"}, "upstream_url", "https"),
        ({"languages": ["nl", "xx"]}, "languages", "unsupported language 'xx'"),
        ({"languages": []}, "languages", "at least one"),
        ({"fingers": [0]}, "fingers", "ISO code"),
        ({"fingers": [2, 2]}, "fingers", "twice"),
        ({"fingers": "2"}, "fingers", "expected list"),
        ({"biometrics_enabled": "yes"}, "biometrics_enabled", "expected bool"),
        ({"colour": "blue"}, "colour", "unknown setting"),
        ({"scanner": {"driver": "magic"}}, "scanner.driver", "one of"),
        ({"scanner": {"baudrate": 12345}}, "scanner.baudrate", "9600"),
        ({"scanner": {"driver": "zfm"}}, "scanner.port", "serial port"),
        ({"scanner": {"usb_allow": ["nope"]}}, "scanner.usb_allow", "vendor:product"),
        ({"scanner": {"baudrate": True}}, "scanner.baudrate", "whole number"),
        ({"retention": {"biometrics_days": -1}}, "retention.biometrics_days", "0 to 36500"),
        ({"locations": [{"id": "x"}]}, "locations", "needs 'name'"),
        ({"database_url": "mysql://x"}, "database_url", "sqlite"),
    ],
)
def test_bad_settings_name_file_key_and_reason(mapping, key, fragment):
    with pytest.raises(SettingsError) as err:
        settings_from_mapping(mapping, "site.toml")
    assert err.value.key == key and err.value.file == "site.toml"
    assert fragment in str(err.value) and "site.toml" in str(err.value)


def test_unreadable_files_are_refused_clearly(tmp_path):
    with pytest.raises(SettingsError, match="does not exist"):
        load_settings(tmp_path / "missing.toml")
    bad = tmp_path / "bad.toml"
    bad.write_text("location = \n")
    with pytest.raises(SettingsError, match="not valid TOML"):
        load_settings(bad)
    binary = tmp_path / "bin.toml"
    binary.write_bytes(b"\xff\xfe\x00")
    with pytest.raises(SettingsError, match="UTF-8"):
        load_settings(binary)


def test_custom_locations():
    s = settings_from_mapping(
        {"location": "den-haag", "locations": [{"id": "den-haag", "name": "LVV Den Haag", "region": "Haaglanden"}]}
    )
    assert s.location_record().name == "LVV Den Haag"


def test_location_validation():
    assert parse_location_id("emmen") == "emmen"
    for bad in ("", "E", "1abc", "a" * 40, 3):
        with pytest.raises(LocationError):
            parse_location_id(bad)
    with pytest.raises(LocationError):
        Location("x-y", "", "r")


toml_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=10) | st.floats(allow_nan=False),
    lambda children: st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=8), children, max_size=3),
    max_leaves=8,
)


@settings(suppress_health_check=[HealthCheck.too_slow], max_examples=300)
@given(
    st.dictionaries(
        st.sampled_from([*Settings.__dataclass_fields__, "scanner", "retention", "junk"]), toml_values, max_size=4
    )
)
def test_fuzz_settings_only_typed_errors(mapping):
    mapping = {k: v for k, v in mapping.items() if v is not None}
    with contextlib.suppress(SettingsError):
        settings_from_mapping(mapping, "fuzz.toml")


@given(st.binary(max_size=200))
def test_fuzz_settings_file_bytes(tmp_path_factory, data):
    path = Path(tmp_path_factory.mktemp("cfg")) / "z.toml"
    path.write_bytes(data)
    with contextlib.suppress(SettingsError):
        load_settings(path)
