"""The settings file, read once by the composition root and split into each part's own section.

:func:`load_kiosk_settings` reads the file (``--config`` or ``ZUIL_CONFIG``) once; the enrollment part checks
its keys (:mod:`enrollment.settings`), the drivers part its ``[scanner]`` table (:mod:`drivers.settings`), the
sync part its ``[sync]`` table (:mod:`sync.settings`).
The ``zuil`` group puts a :class:`CliState` on the click context, which loads the file when a command first
asks: the enrollment commands read its ``settings``, the scanner commands its ``scanner`` (each part states
the attribute it reads in a Protocol of its own and never imports this module), the kiosk's own commands
the whole :class:`KioskSettings`. No Qt here.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

from drivers.settings import TABLE as SCANNER_TABLE
from drivers.settings import ScannerSettings, scanner_settings
from drivers.vnumber.settings import TABLE as VNUMBER_READER_TABLE
from drivers.vnumber.settings import VNumberReaderSettings, vnumber_reader_settings
from enrollment.settings import Settings, settings_from_mapping, with_data_dir
from enrollment.settings_file import check, checked_section, read_settings_file, typed
from kiosk.language_flags import TABLE as FLAGS_TABLE
from kiosk.language_flags import FlagSettings, flag_settings
from sync.settings import TABLE as SYNC_TABLE
from sync.settings import SyncSettings, sync_settings

if TYPE_CHECKING:
    from enrollment.commands.audit import CheckpointReporter
    from enrollment.commands.consent import WithdrawalReporter
    from enrollment.keys.keyring import KeyRing
    from enrollment.records.purge import DeletionReporter

SCREEN_TABLE = "screen"
SPEECH_TABLE = "speech"
SLIP_TABLE = "slip"


@dataclass(frozen=True)
class ScreenSettings:
    """The kiosk's touchscreen: its physical size and resolution, from which the theme sizes touch targets and
    text in millimetres (default: a 21.5-inch full-HD panel in portrait)."""

    width_mm: float = 268.0
    height_mm: float = 476.0
    width_px: int = 1080
    height_px: int = 1920


def screen_settings(raw: Any, source: str) -> ScreenSettings:
    s = checked_section(typed(raw, dict, source, SCREEN_TABLE), ScreenSettings, source, f"{SCREEN_TABLE}.")
    for name in ("width_mm", "height_mm", "width_px", "height_px"):
        check(getattr(s, name) > 0, f"{name} must be positive", source, f"{SCREEN_TABLE}.{name}")
    return s


@dataclass(frozen=True)
class SpeechSettings:
    """Speaking each screen aloud (``enabled``) through ALSA's ``device`` (``aplay -D``). ``private`` says that
    device is one only the participant hears (a headset): then personal data on a screen (the V-number typed, the
    receipt number) is spoken too; otherwise it is left out of the speech (EN 301 549 5.1.3.9)."""

    enabled: bool = True
    device: str = "default"
    private: bool = False


def speech_settings(raw: Any, source: str) -> SpeechSettings:
    s = checked_section(typed(raw, dict, source, SPEECH_TABLE), SpeechSettings, source, f"{SPEECH_TABLE}.")
    check(bool(s.device.strip()), "device must not be empty", source, f"{SPEECH_TABLE}.device")
    return s


@dataclass(frozen=True)
class SlipSettings:
    """The participant's receipt slip: ``printer`` is the name of a system (CUPS) printer it is sent to; empty, the
    slip is only written to the data folder's spool (``kiosk.ui.slip_printer``)."""

    printer: str = ""


def slip_settings(raw: Any, source: str) -> SlipSettings:
    return checked_section(typed(raw, dict, source, SLIP_TABLE), SlipSettings, source, f"{SLIP_TABLE}.")


@dataclass(frozen=True)
class KioskSettings:
    """Each part's section of one settings file: ``enrollment`` (the site, records, languages, fingers),
    ``scanner`` and ``vnumber_reader`` (the drivers part), ``screen``, ``speech``, ``slip`` and ``flags`` (the
    kiosk's own) and ``sync`` (the upstream's key)."""

    enrollment: Settings = field(default_factory=Settings)
    scanner: ScannerSettings = field(default_factory=ScannerSettings)
    screen: ScreenSettings = field(default_factory=ScreenSettings)
    speech: SpeechSettings = field(default_factory=SpeechSettings)
    sync: SyncSettings = field(default_factory=SyncSettings)
    vnumber_reader: VNumberReaderSettings = field(default_factory=VNumberReaderSettings)
    slip: SlipSettings = field(default_factory=SlipSettings)
    flags: FlagSettings = field(default_factory=FlagSettings)


def kiosk_settings_from_mapping(raw: dict[str, Any], source: str = "<mapping>") -> KioskSettings:
    """A parsed settings file checked by the parts that own its keys; raises ``SettingsError``."""
    enrollment = settings_from_mapping(raw, source, other_tables=(SCANNER_TABLE, SCREEN_TABLE, SPEECH_TABLE,
                                                                  SYNC_TABLE, VNUMBER_READER_TABLE, SLIP_TABLE,
                                                                  FLAGS_TABLE))
    return KioskSettings(enrollment, scanner_settings(raw.get(SCANNER_TABLE, {}), source),
                         screen_settings(raw.get(SCREEN_TABLE, {}), source),
                         speech_settings(raw.get(SPEECH_TABLE, {}), source),
                         sync_settings(raw.get(SYNC_TABLE, {}), source),
                         vnumber_reader_settings(raw.get(VNUMBER_READER_TABLE, {}), source),
                         slip_settings(raw.get(SLIP_TABLE, {}), source),
                         flag_settings(raw.get(FLAGS_TABLE, {}), source))


def load_kiosk_settings(path: str | os.PathLike[str] | None = None, *, data_dir: str | None = None) -> KioskSettings:
    """The settings of ``path`` (or ``ZUIL_CONFIG``), else the embedded defaults, with the data dir override
    (``data_dir`` or ``ZUIL_DATA_DIR``) applied."""
    raw, source = read_settings_file(path)
    settings = kiosk_settings_from_mapping(raw, source)
    return replace(settings, enrollment=with_data_dir(settings.enrollment, data_dir))


class CliState:
    """What the root ``zuil`` group hands to its sub-commands: where the settings come from, loaded once."""

    def __init__(self, config: str | None, data_dir: str | None) -> None:
        self.config = config
        self.data_dir = data_dir
        self._settings: KioskSettings | None = None

    @property
    def kiosk_settings(self) -> KioskSettings:
        if self._settings is None:
            self._settings = load_kiosk_settings(self.config, data_dir=self.data_dir)
        return self._settings

    @property
    def settings(self) -> Settings:
        """The enrollment part's section (``enrollment.commands.SettingsSource``)."""
        return self.kiosk_settings.enrollment

    def withdrawal_reporter(self, ring: KeyRing) -> WithdrawalReporter | None:
        """Who queues the desk's consent withdrawals upstream (``enrollment.commands.consent``'s source)."""
        from kiosk.upstream_reports import withdrawal_reporter

        return withdrawal_reporter(self.kiosk_settings, ring)

    def deletion_reporter(self, ring: KeyRing) -> DeletionReporter | None:
        """Who queues a purge's deletions upstream (``enrollment.commands.retention``'s source)."""
        from kiosk.upstream_reports import deletion_reporter

        return deletion_reporter(self.kiosk_settings, ring)

    def checkpoint_reporter(self, ring: KeyRing) -> CheckpointReporter | None:
        """Who queues the audit log's checkpoints upstream (``enrollment.commands.audit``'s source)."""
        from kiosk.upstream_reports import checkpoint_reporter

        return checkpoint_reporter(self.kiosk_settings, ring)

    @property
    def scanner(self) -> ScannerSettings:
        """The drivers part's section (``drivers.commands.ScannerSettingsSource``)."""
        return self.kiosk_settings.scanner
