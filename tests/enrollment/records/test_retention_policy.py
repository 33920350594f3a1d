"""The retention table in code and in the README cannot drift apart, and it covers every table of the record; any
``[retention]`` table is read into days the purge can use, or refused."""

from __future__ import annotations

from dataclasses import fields
from datetime import UTC, datetime
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from enrollment.errors import SettingsError
from enrollment.records.models import Base
from enrollment.records.purge import cutoff
from enrollment.records.retention_policy import TABLE, markdown_table
from enrollment.settings import RetentionSettings, settings_from_mapping

README = Path(__file__).resolve().parents[3] / "README.md"
NOW = datetime(2031, 6, 1, tzinfo=UTC)


def test_the_readme_holds_the_table_the_code_has():
    assert markdown_table() in README.read_text(encoding="utf-8"), \
        "README.md's retention table differs from enrollment.records.retention_policy.markdown_table(); paste it"


def test_every_table_of_the_record_and_every_retention_key_has_a_row():
    stored = " ".join(d.stored for d in TABLE)
    missing = [t for t in Base.metadata.tables if f"`{t}`" not in stored and f"`{t}." not in stored]
    assert missing == [], f"tables with no row in the retention table: {missing}"
    used = " ".join(d.retention for d in TABLE)
    assert [f.name for f in fields(RetentionSettings) if f"{{{f.name}}}" not in used] == []


def test_the_table_shows_the_days_configured():
    table = markdown_table(RetentionSettings(biometrics_days=100, refused_consent_days=7))
    assert "100 days from the intake's start" in table and "7 days from the refusal" in table
    assert "`biometrics_days` = 100" in table


_values = st.one_of(st.integers(-10**6, 10**6), st.booleans(), st.floats(allow_nan=True), st.text(max_size=6),
                    st.lists(st.integers(), max_size=2), st.none())
_keys = st.sampled_from([f.name for f in fields(RetentionSettings)] + ["audit_day", "Biometrics_days"])


@settings(derandomize=True, max_examples=200)
@given(st.dictionaries(_keys, _values, max_size=5))
def test_any_retention_table_is_read_into_days_the_purge_can_use_or_refused_naming_the_key(raw):
    """A ``[retention]`` table is whole days 0..36500 per known key (each a cutoff the purge can compute), or a
    SettingsError naming ``retention.<key>``; never another exception."""
    try:
        retention = settings_from_mapping({"retention": raw}, "zuil.toml").retention
    except SettingsError as exc:
        assert "retention." in str(exc) and "zuil.toml" in str(exc)
        return
    for f in fields(RetentionSettings):
        days = getattr(retention, f.name)
        assert type(days) is int and 0 <= days <= 36500
        assert days == raw.get(f.name, getattr(RetentionSettings(), f.name))
        assert cutoff(NOW, days) <= NOW
