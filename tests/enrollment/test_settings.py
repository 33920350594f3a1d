import contextlib
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from enrollment.errors import LocationError, SettingsError
from enrollment.records.locations import Location, parse_location_id
from enrollment.settings import Settings, data_dir_setting, load_settings, settings_from_mapping


def test_embedded_defaults_are_valid(monkeypatch):
    monkeypatch.delenv("ZUIL_CONFIG", raising=False)
    monkeypatch.delenv("ZUIL_DATA_DIR", raising=False)
    s = load_settings()
    assert s.location == "amsterdam"
    assert s.database.startswith("sqlite:///")


def test_file_and_data_dir_override(tmp_path, monkeypatch):
    cfg = tmp_path / "zuil.toml"
    cfg.write_text(
        'location = "utrecht"\nkiosk_id = "zuil-utr-02"\nfingers = [1, 6]\n'
        "[retention]\nbiometrics_days = 1825\n"
    )
    monkeypatch.setenv("ZUIL_DATA_DIR", str(tmp_path / "d"))
    s = load_settings(cfg)
    assert (s.location, s.kiosk_id, s.fingers) == ("utrecht", "zuil-utr-02", (1, 6))
    assert s.retention.biometrics_days == 1825 and s.data_dir == tmp_path / "d"
    assert (s.accounts.lockout_attempts, s.accounts.lockout_seconds, s.accounts.idle_logout_minutes) == (5, 300, 5)
    assert settings_from_mapping({"accounts": {"idle_logout_minutes": 2}}).accounts.idle_logout_minutes == 2
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
        ({"scanner": {"driver": "zfm"}}, "scanner", "unknown setting"),  # the drivers part's table, not ours
        ({"retention": {"biometrics_days": -1}}, "retention.biometrics_days", "0 to 36500"),
        ({"accounts": {"lockout_attempts": 0}}, "accounts.lockout_attempts", "1 to 100"),
        ({"accounts": {"idle_logout_minutes": 481}}, "accounts.idle_logout_minutes", "1 to 480"),
        ({"accounts": {"lockout_seconds": "300"}}, "accounts.lockout_seconds", "expected int"),
        ({"accounts": {"lockout": 3}}, "accounts.lockout", "unknown setting"),
        ({"locations": [{"id": "x"}]}, "locations", "needs 'name'"),
        ({"database_url": "mysql://x"}, "database_url", "sqlite"),
    ],
)
def test_bad_settings_name_file_key_and_reason(mapping, key, fragment):
    with pytest.raises(SettingsError) as err:
        settings_from_mapping(mapping, "site.toml")
    assert err.value.key == key and err.value.file == "site.toml"
    assert fragment in str(err.value) and "site.toml" in str(err.value)


def test_the_tables_of_other_parts_are_left_to_them_and_named_among_the_known_keys():
    s = settings_from_mapping({"location": "emmen", "scanner": {"driver": "magic"}}, "site.toml",
                              other_tables=("scanner",))
    assert s.location == "emmen"
    with pytest.raises(SettingsError, match=r"known: .*scanner") as err:
        settings_from_mapping({"colour": "blue", "scanner": {}}, "site.toml", other_tables=("scanner",))
    assert err.value.key == "colour"


def test_the_data_dir_alone_checks_nothing_else(tmp_path, monkeypatch):
    monkeypatch.delenv("ZUIL_DATA_DIR", raising=False)
    cfg = tmp_path / "zuil.toml"
    cfg.write_text('data_dir = "~/zuil-data"\nlocation = "atlantis"\n[scanner]\ndriver = "zfm"\n')
    assert data_dir_setting(cfg) == Path.home() / "zuil-data"
    assert data_dir_setting(cfg, data_dir=str(tmp_path)) == tmp_path
    cfg.write_text("data_dir = 3\n")
    with pytest.raises(SettingsError, match="expected str") as err:
        data_dir_setting(cfg)
    assert err.value.key == "data_dir"


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


def test_a_settings_file_that_is_not_a_regular_file_or_too_large_is_refused_unread(tmp_path):
    with pytest.raises(SettingsError, match="a directory, not a regular file") as err:
        load_settings(tmp_path)
    assert err.value.file == str(tmp_path)
    huge = tmp_path / "huge.toml"
    with huge.open("wb") as handle:
        handle.truncate(1_500_000_000)  # sparse: nothing on disk, and nothing may be read
    with pytest.raises(SettingsError, match="1500000000 bytes is larger than") as err:
        load_settings(huge)
    assert err.value.file == str(huge)


@pytest.mark.parametrize("value", ["[" * 5000 + "]" * 5000, "{a = " * 5000 + "1" + "}" * 5000])
def test_deeply_nested_values_are_a_settings_error_not_a_recursion_error(tmp_path, value):
    cfg = tmp_path / "deep.toml"
    cfg.write_text(f"fingers = {value}\n")
    with pytest.raises(SettingsError, match="nested too deeply") as err:
        load_settings(cfg)
    assert err.value.file == str(cfg)


@settings(derandomize=True, max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.integers(min_value=1, max_value=3000),
    st.lists(st.sampled_from(["[", "{a = ", "{b = 1, c = ", "[1, "]), min_size=1, max_size=3),
    st.sampled_from(["1", "[]", '"x"', ""]),
)
def test_fuzz_nesting_gives_settings_or_a_settings_error(tmp_path_factory, depth, pattern, inner):
    openers = [pattern[i % len(pattern)] for i in range(depth)]
    closers = "".join("]" if o.startswith("[") else "}" for o in reversed(openers))
    path = Path(tmp_path_factory.mktemp("cfg")) / "n.toml"
    path.write_text(f"fingers = {''.join(openers)}{inner}{closers}\n")
    with contextlib.suppress(SettingsError):
        load_settings(path)


@pytest.mark.parametrize("value", ["~nosuchuser-zuil/data", "~nosuchuser-zuil"])
def test_data_dir_of_an_unknown_user_names_key_and_value(tmp_path, monkeypatch, value):
    monkeypatch.delenv("ZUIL_DATA_DIR", raising=False)
    cfg = tmp_path / "zuil.toml"
    cfg.write_text(f'data_dir = "{value}"\n')
    with pytest.raises(SettingsError, match=f"cannot expand '{value}': no such user") as err:
        load_settings(cfg)
    assert (err.value.file, err.value.key) == (str(cfg), "data_dir")
    with pytest.raises(SettingsError, match=f"cannot expand '{value}'") as err:
        load_settings(None, data_dir=value)
    assert err.value.key == "data_dir"
    assert load_settings(None, data_dir="~/zuil").data_dir == Path.home() / "zuil"
