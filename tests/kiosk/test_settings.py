"""The composition root's settings: one file read once, each table checked by the part that owns it."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

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


def test_the_flags_table_gives_each_language_its_regions_and_can_clear_them():
    from enrollment.values.languages import LANGUAGE_CODES
    from kiosk.language_flags import flag_emoji

    default = KioskSettings().flags
    assert all(1 <= len(default.shown(code)) <= 2 for code in LANGUAGE_CODES)
    assert default.shown("ar") == ("IQ", "YE") and default.shown("ti") == ("ER",)
    s = kiosk_settings_from_mapping({"flags": {"regions": {"ar": ["SY", "IQ"], "ti": []}}}, "site.toml")
    assert (s.flags.shown("ar"), s.flags.shown("ti"), s.flags.shown("fa")) == (("SY", "IQ"), (), ("IR", "AF"))
    off = kiosk_settings_from_mapping({"flags": {"enabled": False, "regions": {"ar": ["SY"]}}}, "site.toml")
    assert [off.flags.shown(code) for code in LANGUAGE_CODES] == [()] * len(LANGUAGE_CODES)
    assert flag_emoji("NL") == "\U0001F1F3\U0001F1F1"


@pytest.mark.parametrize(
    ("flags", "key", "fragment"),
    [({"regions": {"ar": ["XX"]}}, "flags.regions.ar", "'XX' is not an ISO 3166-1 alpha-2"),
     ({"regions": {"fa": ["ir"]}}, "flags.regions.fa", "'ir' is not an ISO 3166-1 alpha-2"),
     ({"regions": {"fa": ["IRN"]}}, "flags.regions.fa", "not an ISO 3166-1"),
     ({"regions": {"fa": [98]}}, "flags.regions.fa", "98 is not an ISO 3166-1"),
     ({"regions": {"ti": "ER"}}, "flags.regions.ti", "expected list"),
     ({"regions": {"ti": ["ER", "ER"]}}, "flags.regions.ti", "twice"),
     ({"regions": {"ar": ["SY", "IQ", "YE", "SD"]}}, "flags.regions.ar", "at most 3"),
     ({"regions": {"kurdish": ["IQ"]}}, "flags.regions.kurdish", "unknown language"),
     ({"regions": ["NL"]}, "flags.regions", "expected dict"),
     ({"enabled": "no"}, "flags.enabled", "expected bool"),
     ({"colour": True}, "flags.colour", "unknown setting")],
)
def test_a_bad_flag_setting_is_refused_naming_its_key(flags, key, fragment):
    with pytest.raises(SettingsError, match=fragment) as err:
        kiosk_settings_from_mapping({"flags": flags}, "site.toml")
    assert (err.value.file, err.value.key) == ("site.toml", key)


_flag_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=4) | st.sampled_from(["NL", "SY", "XK", "nl"]),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(
        st.sampled_from(["ar", "ti", "xx", ""]) | st.text(max_size=4), children, max_size=3),
    max_leaves=8,
)


@settings(suppress_health_check=[HealthCheck.too_slow], max_examples=200)
@given(st.dictionaries(st.sampled_from(["enabled", "regions", "junk"]), _flag_values, max_size=3))
def test_fuzz_the_flags_table_gives_settings_of_known_regions_or_a_settings_error(table):
    from kiosk.language_flags import MAX_FLAGS, REGION_CODES

    try:
        flags = kiosk_settings_from_mapping({"flags": table}, "fuzz.toml").flags
    except SettingsError as exc:
        assert exc.key is not None and exc.key.startswith("flags")
        return
    assert all(len(codes) <= MAX_FLAGS and set(codes) <= REGION_CODES for codes in flags.regions.values())
