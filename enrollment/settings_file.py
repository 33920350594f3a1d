"""The settings file (TOML) read into its raw tables, and the checks every part uses on its own tables.

The composition root (``kiosk.settings``) reads the file once with :func:`read_settings_file`; each part
checks the keys it owns into its own frozen dataclass with :func:`checked_section`, :func:`typed` and
:func:`check`. Every refusal is a :class:`~enrollment.errors.SettingsError` naming the file, the key and the
reason. Nothing here knows any part's keys.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import fields
from typing import Any

from enrollment.bounded_read import InputFileError, read_bounded
from enrollment.errors import SettingsError

#: A settings file larger than this is refused before it is read (a full one is a few kilobytes).
MAX_SETTINGS_BYTES = 1024 * 1024
#: The ``source`` of settings that come from no file.
EMBEDDED_DEFAULTS = "<embedded defaults>"


def read_settings_file(path: str | os.PathLike[str] | None = None) -> tuple[dict[str, Any], str]:
    """The tables of the file at ``path`` (or ``ZUIL_CONFIG``) and the file's name; with neither, no tables
    and :data:`EMBEDDED_DEFAULTS`."""
    path = path or os.environ.get("ZUIL_CONFIG") or None
    if not path:
        return {}, EMBEDDED_DEFAULTS
    source = str(path)
    try:
        return tomllib.loads(read_bounded(path, MAX_SETTINGS_BYTES, what="settings file").decode("utf-8")), source
    except InputFileError as exc:
        raise SettingsError(exc.reason, file=source) from exc
    except UnicodeDecodeError as exc:
        raise SettingsError(f"not UTF-8 text ({exc.reason} at byte {exc.start})", file=source) from exc
    except tomllib.TOMLDecodeError as exc:
        raise SettingsError(f"not valid TOML: {exc}", file=source) from exc
    except RecursionError as exc:  # tomllib parses nested arrays and inline tables recursively
        raise SettingsError("not valid TOML: arrays or inline tables nested too deeply", file=source) from exc


def check(cond: bool, reason: str, source: str, key: str) -> None:
    """Refuse ``key`` of ``source`` for ``reason`` unless ``cond`` holds."""
    if not cond:
        raise SettingsError(reason, file=source, key=key)


def typed(value: Any, kind: type | tuple[type, ...], source: str, key: str) -> Any:
    """``value`` when it is a ``kind`` (a bool is not a whole number); else a :class:`SettingsError`."""
    if kind is int and isinstance(value, bool):
        raise SettingsError(f"expected a whole number, got {value!r}", file=source, key=key)
    if not isinstance(value, kind):
        name = kind.__name__ if isinstance(kind, type) else " or ".join(k.__name__ for k in kind)
        raise SettingsError(f"expected {name}, got {type(value).__name__} {value!r}", file=source, key=key)
    return value


def checked_section(raw: dict[str, Any], cls: type, source: str, prefix: str,
                    known: tuple[str, ...] | None = None) -> Any:
    """``raw`` checked into the dataclass ``cls``: each value of its field's type (a list for a tuple field).

    An unknown key is refused with the sorted ``known`` names (default: the fields of ``cls``); ``prefix``
    (``"scanner."``) goes before every key named in a message."""
    fields_by_name = {f.name: f for f in fields(cls)}
    values: dict[str, Any] = {}
    for key, value in raw.items():
        if key not in fields_by_name:
            names = sorted(known if known is not None else fields_by_name)
            raise SettingsError(f"unknown setting; known: {', '.join(names)}", file=source, key=f"{prefix}{key}")
        default = getattr(cls(), key)
        if isinstance(default, tuple):
            typed(value, list, source, f"{prefix}{key}")
            values[key] = tuple(value)
        else:
            values[key] = typed(value, type(default), source, f"{prefix}{key}")
    return cls(**values)
