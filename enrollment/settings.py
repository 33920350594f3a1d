"""The kiosk's operational settings: one validated, immutable object loaded from a TOML file.

Every key has an embedded default so that ``zuil kiosk --simulate`` and ``zuil demo`` work on a fresh
machine. A bad value is refused at start with the file, the key and the reason (:class:`SettingsError`).
The file is named by ``--config`` or ``ZUIL_CONFIG``; the data directory by ``--data-dir``, ``ZUIL_DATA_DIR``
or the ``data_dir`` key, in that order.
"""

from __future__ import annotations

import os
import re
import tomllib
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from enrollment.bounded_read import InputFileError, read_bounded
from enrollment.errors import SettingsError
from enrollment.records.locations import DEFAULT_LOCATIONS, Location, parse_location_id

SCANNER_DRIVERS = ("simulator", "zfm", "libfprint", "none")
LANGUAGES = ("nl", "en", "ar", "fa", "ti", "fr", "so", "ps", "am", "tr", "ru", "es", "ckb")
ZFM_BAUDRATES = (9600, 19200, 28800, 38400, 48000, 57600, 67200, 76800, 86400, 96000, 105600, 115200)
_KIOSK_ID = re.compile(r"^[a-z0-9][a-z0-9-]{2,39}$")
#: A settings file larger than this is refused before it is read (a full one is a few kilobytes).
MAX_SETTINGS_BYTES = 1024 * 1024


def default_data_dir() -> Path:
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "aanmeldzuil"


@dataclass(frozen=True)
class ScannerSettings:
    driver: str = "simulator"
    port: str = ""
    baudrate: int = 57600
    address: int = 0xFFFFFFFF
    password: int = 0
    usb_allow: tuple[str, ...] = ("05ba:000a", "05ba:000b")  # DigitalPersona U.are.U 4000/4500


@dataclass(frozen=True)
class RetentionSettings:
    """Days records are to be kept, per legal basis (0: not kept). Validated, but not enforced yet: no retention
    job exists, so nothing is deleted when these days have passed."""

    biometrics_days: int = 5 * 365
    raw_images_days: int = 0
    refused_consent_days: int = 30
    audit_days: int = 10 * 365


@dataclass(frozen=True)
class Settings:
    location: str = "amsterdam"
    kiosk_id: str = "zuil-demo-01"
    data_dir: Path = field(default_factory=default_data_dir)
    database_url: str = ""  # empty: SQLite file in data_dir
    upstream_url: str = "https://127.0.0.1:8443"  # validated; not used yet (sync/ is not built)
    languages: tuple[str, ...] = ("nl", "en", "ar", "fa", "ti", "fr", "so")
    fingers: tuple[int, ...] = (2, 7)  # right and left index (ISO/IEC 19794 codes)
    biometrics_enabled: bool = True
    keep_raw_images: bool = False  # validated; not read yet (no caller stores a raw image)
    scanner: ScannerSettings = field(default_factory=ScannerSettings)
    retention: RetentionSettings = field(default_factory=RetentionSettings)
    locations: tuple[Location, ...] = DEFAULT_LOCATIONS
    source: str = "<embedded defaults>"

    @property
    def database(self) -> str:
        """``database_url``, or the URL of the SQLite file in ``data_dir`` (built, not pasted: any folder name)."""
        from sqlalchemy.engine import URL  # here: `zuil --version` must not load SQLAlchemy

        sqlite = URL.create("sqlite", database=str(self.data_dir / "zuil.sqlite3"))
        return self.database_url or sqlite.render_as_string(hide_password=False)

    def location_record(self) -> Location:
        return next(loc for loc in self.locations if loc.id == self.location)


def _check(cond: bool, reason: str, source: str, key: str) -> None:
    if not cond:
        raise SettingsError(reason, file=source, key=key)


def _typed(value: Any, kind: type | tuple[type, ...], source: str, key: str) -> Any:
    if kind is int and isinstance(value, bool):
        raise SettingsError(f"expected a whole number, got {value!r}", file=source, key=key)
    if not isinstance(value, kind):
        name = kind.__name__ if isinstance(kind, type) else " or ".join(k.__name__ for k in kind)
        raise SettingsError(f"expected {name}, got {type(value).__name__} {value!r}", file=source, key=key)
    return value


def _section(raw: dict[str, Any], cls: type, source: str, prefix: str, listed: type | None = None) -> Any:
    """``raw`` checked into ``cls``; an unknown key is refused with the keys of ``listed`` (default ``cls``)."""
    known = {f.name: f for f in fields(cls)}
    values: dict[str, Any] = {}
    for key, value in raw.items():
        if key not in known:
            names = sorted(f.name for f in fields(listed or cls) if f.name != "source")
            raise SettingsError(f"unknown setting; known: {', '.join(names)}", file=source, key=f"{prefix}{key}")
        default = getattr(cls(), key)
        if isinstance(default, tuple):
            _typed(value, list, source, f"{prefix}{key}")
            values[key] = tuple(value)
        else:
            values[key] = _typed(value, type(default), source, f"{prefix}{key}")
    return cls(**values)


def settings_from_mapping(raw: dict[str, Any], source: str = "<mapping>") -> Settings:
    """Validate a parsed TOML mapping into :class:`Settings`; raises :class:`SettingsError`."""
    raw = dict(raw)
    scanner = _section(_typed(raw.pop("scanner", {}), dict, source, "scanner"), ScannerSettings, source,
                       "scanner.")
    retention = _section(_typed(raw.pop("retention", {}), dict, source, "retention"), RetentionSettings,
                         source, "retention.")
    locations = DEFAULT_LOCATIONS
    if "locations" in raw:
        entries = _typed(raw.pop("locations"), list, source, "locations")
        try:
            locations = tuple(Location.from_mapping(_typed(e, dict, source, "locations")) for e in entries)
        except (TypeError, ValueError) as exc:
            raise SettingsError(str(exc), file=source, key="locations") from exc
        _check(len(locations) > 0, "at least one location is needed", source, "locations")
    data_dir = raw.pop("data_dir", None)
    base = _section(raw, _PlainSettings, source, "", listed=Settings)
    settings = Settings(
        **{f.name: getattr(base, f.name) for f in fields(_PlainSettings)},
        data_dir=_expand_user(_typed(data_dir, str, source, "data_dir"), source) if data_dir else default_data_dir(),
        scanner=scanner,
        retention=retention,
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
    sc = s.scanner
    _check(sc.driver in SCANNER_DRIVERS, f"driver must be one of {', '.join(SCANNER_DRIVERS)}", src,
           "scanner.driver")
    _check(sc.baudrate in ZFM_BAUDRATES, "baudrate must be a multiple of 9600 from 9600 to 115200", src,
           "scanner.baudrate")
    _check(0 <= sc.address <= 0xFFFFFFFF, "address must fit in 32 bits", src, "scanner.address")
    _check(0 <= sc.password <= 0xFFFFFFFF, "password must fit in 32 bits", src, "scanner.password")
    if sc.driver == "zfm":
        _check(bool(sc.port), "the zfm driver needs a serial port, e.g. /dev/ttyUSB0", src, "scanner.port")
    for entry in sc.usb_allow:
        _check(bool(re.fullmatch(r"[0-9a-f]{4}:[0-9a-f]{4}", str(entry))),
               f"{entry!r} is not a USB vendor:product id like 05ba:000a", src, "scanner.usb_allow")
    for f in fields(RetentionSettings):
        days = getattr(s.retention, f.name)
        _check(0 <= days <= 36500, "retention must be 0 to 36500 days", src, f"retention.{f.name}")


def load_settings(path: str | os.PathLike[str] | None = None, *, data_dir: str | None = None) -> Settings:
    """Load settings from ``path`` (or ``ZUIL_CONFIG``), else the embedded defaults; apply the data dir."""
    path = path or os.environ.get("ZUIL_CONFIG") or None
    if path:
        source = str(path)
        try:
            raw = tomllib.loads(read_bounded(path, MAX_SETTINGS_BYTES, what="settings file").decode("utf-8"))
        except InputFileError as exc:
            raise SettingsError(exc.reason, file=source) from exc
        except UnicodeDecodeError as exc:
            raise SettingsError(f"not UTF-8 text ({exc.reason} at byte {exc.start})", file=source) from exc
        except tomllib.TOMLDecodeError as exc:
            raise SettingsError(f"not valid TOML: {exc}", file=source) from exc
        except RecursionError as exc:  # tomllib parses nested arrays and inline tables recursively
            raise SettingsError("not valid TOML: arrays or inline tables nested too deeply", file=source) from exc
        settings = settings_from_mapping(raw, source)
    else:
        settings = Settings()
    override = data_dir or os.environ.get("ZUIL_DATA_DIR")
    if override:
        settings = replace(settings, data_dir=_expand_user(override, None))
    return settings
