"""The retention table in code and in the README cannot drift apart, and it covers every table of the record."""

from __future__ import annotations

from dataclasses import fields
from pathlib import Path

from enrollment.records.models import Base
from enrollment.records.retention_policy import TABLE, markdown_table
from enrollment.settings import RetentionSettings

README = Path(__file__).resolve().parents[3] / "README.md"


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
