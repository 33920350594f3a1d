"""The enrollment part's settings: one validated, immutable object from the settings file (TOML).

These are the file's top-level keys and its ``[retention]`` and ``[[locations]]`` tables; other tables belong
to other parts (``[scanner]``: :mod:`drivers.settings`), which the composition root names in
``other_tables`` and hands to their owners. Every key has an embedded default so that ``zuil kiosk
--simulate`` and ``zuil demo`` work on a fresh machine. A bad value is refused at start with the file, the key
and the reason (:class:`SettingsError`). The file is named by ``--config`` or ``ZUIL_CONFIG``; the data
directory by ``--data-dir``, ``ZUIL_DATA_DIR`` or the ``data_dir`` key, in that order.
"""

from __future__ import annotations

import os
import re
from collections.abc import Collection
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from enrollment.errors import SettingsError
from enrollment.records.locations import DEFAULT_LOCATIONS, Location, parse_location_id
from enrollment.settings_file import EMBEDDED_DEFAULTS, checked_section, read_settings_file
from enrollment.settings_file import check as _check
from enrollment.settings_file import typed as _typed
from enrollment.values.languages import LANGUAGE_CODES

LANGUAGES = LANGUAGE_CODES  # the table is enrollment.values.languages
_KIOSK_ID = re.compile(r"^[a-z0-9][a-z0-9-]{2,39}$")


def default_data_dir() -> Path:
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "aanmeldzuil"


@dataclass(frozen=True)
class RetentionSettings:
    """Days records are kept, per legal basis (0: removed at the next purge). ``zuil purge``
    (:mod:`enrollment.records.purge`) deletes what is past them; ``audit_days`` is only counted there (the audit log
    is append-only). The table of what each key governs: :mod:`enrollment.records.retention_policy`."""

    biometrics_days: int = 5 * 365
    raw_images_days: int = 0
    refused_consent_days: int = 30
    audit_days: int = 10 * 365


@dataclass(frozen=True)
class AccountSettings:
    """Staff logins (:mod:`enrollment.access`): an account is locked for ``lockout_seconds`` after
    ``lockout_attempts`` failed logins in a row; a session idle for ``idle_logout_minutes`` is logged out."""

    lockout_attempts: int = 5
    lockout_seconds: int = 300
    idle_logout_minutes: int = 5


@dataclass(frozen=True)
class Settings:
    location: str = "amsterdam"
    kiosk_id: str = "zuil-demo-01"
    data_dir: Path = field(default_factory=default_data_dir)
    database_url: str = ""  # empty: SQLite file in data_dir
    upstream_url: str = "https://127.0.0.1:8443"  # validated; unused: the uploader sends to the registered URL
    languages: tuple[str, ...] = ("nl", "en", "ar", "fa", "ti", "fr", "so")
    fingers: tuple[int, ...] = (2, 7)  # right and left index (ISO/IEC 19794 codes)
    biometrics_enabled: bool = True
    keep_raw_images: bool = False  # true: the kiosk stores each kept impression's image (sealed, PNG)
    retention: RetentionSettings = field(default_factory=RetentionSettings)
    accounts: AccountSettings = field(default_factory=AccountSettings)
    locations: tuple[Location, ...] = DEFAULT_LOCATIONS
    source: str = EMBEDDED_DEFAULTS

    @property
    def database(self) -> str:
        """``database_url``, or the URL of the SQLite file in ``data_dir`` (built, not pasted: any folder name)."""
        from sqlalchemy.engine import URL  # here: `zuil --version` must not load SQLAlchemy

        sqlite = URL.create("sqlite", database=str(self.data_dir / "zuil.sqlite3"))
        return self.database_url or sqlite.render_as_string(hide_password=False)

    def location_record(self) -> Location:
        return next(loc for loc in self.locations if loc.id == self.location)


def settings_from_mapping(raw: dict[str, Any], source: str = "<mapping>", *,
                          other_tables: Collection[str] = ()) -> Settings:
    """Validate a parsed TOML mapping into :class:`Settings`; raises :class:`SettingsError`.

    The keys named in ``other_tables`` belong to other parts: skipped here, and listed among the known keys
    when an unknown one is refused."""
    raw = {key: value for key, value in raw.items() if key not in other_tables}
    retention = checked_section(_typed(raw.pop("retention", {}), dict, source, "retention"), RetentionSettings,
                                source, "retention.")
    accounts = checked_section(_typed(raw.pop("accounts", {}), dict, source, "accounts"), AccountSettings,
                               source, "accounts.")
    locations = DEFAULT_LOCATIONS
    if "locations" in raw:
        entries = _typed(raw.pop("locations"), list, source, "locations")
        try:
            locations = tuple(Location.from_mapping(_typed(e, dict, source, "locations")) for e in entries)
        except (TypeError, ValueError) as exc:
            raise SettingsError(str(exc), file=source, key="locations") from exc
        _check(len(locations) > 0, "at least one location is needed", source, "locations")
    data_dir = raw.pop("data_dir", None)
    known = (*(f.name for f in fields(Settings) if f.name != "source"), *other_tables)
    base = checked_section(raw, _PlainSettings, source, "", known=known)
    settings = Settings(
        **{f.name: getattr(base, f.name) for f in fields(_PlainSettings)},
        data_dir=_expand_user(_typed(data_dir, str, source, "data_dir"), source) if data_dir else default_data_dir(),
        retention=retention,
        accounts=accounts,
        locations=locations,
        source=source,
    )
    validate(settings)
    return settings


def _expand_user(value: str, source: str | None) -> Path:
    """``value`` as a path with a leading ``~`` or ``~user`` expanded; refuses an unknown user."""
    try:
        return Path(value).expanduser()
    except RuntimeError as exc:  # pathlib's "Could not determine home directory."
        raise SettingsError(f"cannot expand {value!r}: no such user or no home directory", file=source,
                            key="data_dir") from exc


@dataclass(frozen=True)
class _PlainSettings:
    location: str = Settings.location
    kiosk_id: str = Settings.kiosk_id
    database_url: str = Settings.database_url
    upstream_url: str = Settings.upstream_url
    languages: tuple[str, ...] = Settings().languages
    fingers: tuple[int, ...] = Settings().fingers
    biometrics_enabled: bool = Settings.biometrics_enabled
    keep_raw_images: bool = Settings.keep_raw_images


def validate(s: Settings) -> None:
    src = s.source
    try:
        parse_location_id(s.location)
    except ValueError as exc:
        raise SettingsError(str(exc), file=src, key="location") from exc
    _check(any(loc.id == s.location for loc in s.locations),
           f"unknown location {s.location!r}; configured: {', '.join(loc.id for loc in s.locations)}",
           src, "location")
    _check(bool(_KIOSK_ID.match(s.kiosk_id)), "kiosk_id must be 3-40 of a-z, 0-9 and '-'", src, "kiosk_id")
    _check(s.upstream_url.startswith("https://"), "upstream_url must be an https:// URL", src, "upstream_url")
    _check(bool(s.languages), "at least one language is needed", src, "languages")
    for lang in s.languages:
        _check(lang in LANGUAGES, f"unsupported language {lang!r}; supported: {', '.join(LANGUAGES)}",
               src, "languages")
    _check(len(set(s.languages)) == len(s.languages), "a language is listed twice", src, "languages")
    _check(0 < len(s.fingers) <= 10, "fingers must list 1 to 10 finger positions", src, "fingers")
    for finger in s.fingers:
        _check(isinstance(finger, int) and not isinstance(finger, bool) and 1 <= finger <= 10,
               f"finger position {finger!r} is not an ISO code 1..10", src, "fingers")
    _check(len(set(s.fingers)) == len(s.fingers), "a finger is listed twice", src, "fingers")
    if s.database_url:
        _check(s.database_url.startswith(("sqlite:///", "postgresql")),
               "database_url must be sqlite:///PATH or postgresql+psycopg://...", src, "database_url")
    for f in fields(RetentionSettings):
        days = getattr(s.retention, f.name)
        _check(0 <= days <= 36500, "retention must be 0 to 36500 days", src, f"retention.{f.name}")
    for name, low, high in (("lockout_attempts", 1, 100), ("lockout_seconds", 1, 86400),
                            ("idle_logout_minutes", 1, 480)):
        _check(low <= getattr(s.accounts, name) <= high, f"must be {low} to {high}", src, f"accounts.{name}")


def load_settings(path: str | os.PathLike[str] | None = None, *, data_dir: str | None = None,
                  other_tables: Collection[str] = ()) -> Settings:
    """Settings from ``path`` (or ``ZUIL_CONFIG``), else the embedded defaults, with the data dir override
    (``data_dir`` or ``ZUIL_DATA_DIR``) applied; ``other_tables`` as for :func:`settings_from_mapping`."""
    raw, source = read_settings_file(path)
    return with_data_dir(settings_from_mapping(raw, source, other_tables=other_tables), data_dir)


def with_data_dir(settings: Settings, data_dir: str | None) -> Settings:
    """``settings`` with the data dir given on the command line (``data_dir``) or in ``ZUIL_DATA_DIR``."""
    override = data_dir or os.environ.get("ZUIL_DATA_DIR")
    return replace(settings, data_dir=_expand_user(override, None)) if override else settings


def data_dir_setting(path: str | os.PathLike[str] | None = None, *, data_dir: str | None = None) -> Path:
    """The data dir as ``zuil`` resolves it (``data_dir``, ``ZUIL_DATA_DIR``, the file's ``data_dir`` key, the
    default, in that order), for a tool that needs nothing else; the file's other keys are not checked here."""
    override = data_dir or os.environ.get("ZUIL_DATA_DIR")
    if override:
        return _expand_user(override, None)
    raw, source = read_settings_file(path)
    if "data_dir" not in raw:
        return default_data_dir()
    return _expand_user(_typed(raw["data_dir"], str, source, "data_dir"), source)
