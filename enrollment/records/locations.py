"""The LVV locations a kiosk can stand at (configurable; these are the embedded defaults)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from enrollment.errors import LocationError

_ID = re.compile(r"^[a-z][a-z0-9-]{1,31}$")


def parse_location_id(value: object) -> str:
    if not isinstance(value, str):
        raise LocationError(f"a location id is text, got {type(value).__name__}")
    if not _ID.match(value):
        raise LocationError(f"location id {value!r} must be 2-32 of a-z, 0-9 and '-', starting with a letter")
    return value


@dataclass(frozen=True)
class Location:
    id: str
    name: str
    region: str

    def __post_init__(self) -> None:
        parse_location_id(self.id)
        if not self.name.strip() or len(self.name) > 80:
            raise LocationError(f"location {self.id!r}: name must be 1-80 characters")
        if not self.region.strip() or len(self.region) > 80:
            raise LocationError(f"location {self.id!r}: region must be 1-80 characters")

    @classmethod
    def from_mapping(cls, raw: dict[str, Any]) -> Location:
        unknown = set(raw) - {"id", "name", "region"}
        if unknown:
            raise LocationError(f"unknown location key(s): {', '.join(sorted(unknown))}")
        try:
            return cls(id=raw["id"], name=str(raw["name"]), region=str(raw.get("region", raw["name"])))
        except KeyError as exc:
            raise LocationError(f"a location needs {exc.args[0]!r}") from exc


DEFAULT_LOCATIONS: tuple[Location, ...] = (
    Location("amsterdam", "LVV Amsterdam", "Amsterdam"),
    Location("rotterdam", "LVV Rotterdam", "Rotterdam"),
    Location("utrecht", "LVV Utrecht", "Utrecht"),
    Location("eindhoven", "LVV Eindhoven", "Eindhoven"),
    Location("groningen", "LVV Groningen", "Groningen + Emmen"),
    Location("emmen", "LVV Emmen", "Groningen + Emmen"),
)
