"""The flags the language screen shows beside each language's own name: the ``[flags]`` table of the settings
file, checked, and each flag as its emoji (a pair of Unicode regional-indicator letters). No Qt here.

A flag pictures a state, not a language: Arabic, Farsi and Kurdish are spoken across several states, and for a
person who fled Eritrea, Afghanistan or Iran the flag of that state may be distressing. So the flags are a site
setting. ``enabled = false`` shows none; ``[flags.regions]`` gives, per language code, the ISO 3166-1 alpha-2
codes of the regions whose flags are shown (at most :data:`MAX_FLAGS`; ``[]`` shows none for that language); a
language it does not name keeps its default (:data:`DEFAULT_REGIONS`). The flags are decorative: the language's
own name stays the button's text, its accessible name and what is spoken.

The defaults (issue 14 asks for one or two flags per language): the flag of the state whose standard the kiosk's
text is in for the European languages and Turkish (nl NL, en GB, fr FR, es ES, ru RU, tr TR: for most people who
read French or Spanish here that is not their own country's flag); for the others the state where most of the
people who read it here come from (fa IR and AF: Farsi and Dari; ps AF; ckb IQ; ti ER; am ET; so SO). Arabic
shows IQ and YE, not SY: the emoji font Debian 12 ships (fonts-noto-color-emoji 2.042) draws Syria's flag of 1980
to 2024, the flag of the government many Syrians fled. The same font draws Afghanistan's flag of the Islamic
Republic (until 2021). IR, AF, ER, IQ (for Kurdish), RU and TR are each the flag of a state some of its speakers
fled: a site should look at these with the people it serves and clear any with ``[]``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

from enrollment.settings_file import check, checked_section, typed
from enrollment.values.languages import LANGUAGE_CODES

TABLE = "flags"
#: The Debian package with the colour emoji font the flags are drawn in, and that font's family.
FLAG_FONT_PACKAGE = "fonts-noto-color-emoji"
FLAG_FONT = "Noto Color Emoji"
#: More flags than this do not fit beside a name in large text.
MAX_FLAGS = 3
#: The ISO 3166-1 alpha-2 codes assigned today (249, as Debian's iso-codes 4.15 lists them).
_ASSIGNED = """
AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ
CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO
FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE
JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO
MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW
PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM
TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW
"""
REGION_CODES = frozenset(_ASSIGNED.split())
#: Each language's flags when the settings name none for it (the reasons: the module's docstring).
DEFAULT_REGIONS: Mapping[str, tuple[str, ...]] = MappingProxyType({
    "nl": ("NL",), "en": ("GB",), "fr": ("FR",), "es": ("ES",), "ru": ("RU",), "tr": ("TR",),
    "ar": ("IQ", "YE"), "fa": ("IR", "AF"), "ps": ("AF",), "ckb": ("IQ",), "ti": ("ER",), "am": ("ET",),
    "so": ("SO",),
})
_REGIONAL_INDICATOR_A = 0x1F1E6


@dataclass(frozen=True)
class FlagSettings:
    """``enabled``: the language screen shows flags at all; ``regions``: per language, the regions whose flags it
    shows (a language not in it keeps :data:`DEFAULT_REGIONS`)."""

    enabled: bool = True
    regions: Mapping[str, tuple[str, ...]] = field(default_factory=lambda: DEFAULT_REGIONS)

    def shown(self, language: str) -> tuple[str, ...]:
        """The regions whose flags are shown beside ``language`` (none when flags are off)."""
        return self.regions.get(language, ()) if self.enabled else ()


def flag_emoji(region: str) -> str:
    """The flag of ``region`` (an ISO 3166-1 alpha-2 code) as its two regional-indicator letters."""
    return "".join(chr(_REGIONAL_INDICATOR_A + ord(letter) - ord("A")) for letter in region)


@dataclass(frozen=True)
class _Table:
    enabled: bool = True
    regions: dict = field(default_factory=dict)


def flag_settings(raw: Any, source: str) -> FlagSettings:
    """The ``[flags]`` table checked; raises ``SettingsError`` naming the key (``flags.regions.ar``)."""
    table = checked_section(typed(raw, dict, source, TABLE), _Table, source, f"{TABLE}.")
    regions = dict(DEFAULT_REGIONS)
    for language, codes in table.regions.items():
        key = f"{TABLE}.regions.{language}"
        check(language in LANGUAGE_CODES, f"unknown language; known: {', '.join(LANGUAGE_CODES)}", source, key)
        typed(codes, list, source, key)
        check(len(codes) <= MAX_FLAGS, f"at most {MAX_FLAGS} flags per language", source, key)
        for code in codes:
            check(isinstance(code, str) and code in REGION_CODES,
                  f"{code!r} is not an ISO 3166-1 alpha-2 region code (two capital letters, e.g. 'NL')",
                  source, key)
        check(len(set(codes)) == len(codes), "a region is listed twice", source, key)
        regions[language] = tuple(codes)
    return FlagSettings(table.enabled, MappingProxyType(regions))
