"""The checks behind ``zuil selftest`` (no Qt): each returns a row of the table a technician reads."""

from __future__ import annotations

from dataclasses import dataclass

from drivers.manager import DeviceManager
from drivers.settings import ScannerSettings
from enrollment.errors import EnrollmentError
from enrollment.records import store
from enrollment.settings import Settings
from kiosk.language_flags import FLAG_FONT, FLAG_FONT_PACKAGE, FlagSettings
from kiosk.settings import KioskSettings


@dataclass(frozen=True)
class Check:
    name: str
    status: str  # OK, WARN, FAIL
    detail: str


def check_settings(settings: Settings) -> Check:
    return Check("settings", "OK", f"{settings.source}; location {settings.location}, kiosk {settings.kiosk_id}")


def check_database(settings: Settings) -> Check:
    try:
        engine = store.make_engine(settings.database)
        try:
            current = store.current_revision(engine)
        finally:
            engine.dispose()
    except (EnrollmentError, Exception) as exc:  # a broken database must show as a row, not a traceback
        return Check("database", "FAIL", f"{store.redact(settings.database)}: {exc.__class__.__name__}: {exc}")
    head = store.head_revision()
    if current != head:
        return Check("database", "FAIL", f"schema {current or 'none'}, needs {head}: run `zuil db upgrade`")
    return Check("database", "OK", f"{store.redact(settings.database)} at schema {current}")


def check_scanner(settings: Settings, scanner: ScannerSettings) -> Check:
    if not settings.biometrics_enabled:
        return Check("scanner", "OK", "biometrics are disabled at this site")
    with DeviceManager.for_kiosk(scanner, biometrics_enabled=settings.biometrics_enabled) as manager:
        result = manager.self_test()
    detail = "; ".join(f"{c.name}: {c.detail}" for c in result.checks)
    return Check("scanner", "OK" if result.ok else "FAIL", f"driver {result.driver}: {detail}")


def check_keys(settings: Settings) -> Check:
    """What can be checked without unlocking: the key file is there, private (0600), well formed with a good
    checksum, not demo keys, holds every data key, and a TPM is here if it is TPM-sealed. Its authentication
    code and the seal itself need the passphrase or the TPM: ``zuil keys rotate`` and the kiosk check those."""
    from enrollment.keys.errors import KeyFileMissing, KeysError
    from enrollment.keys.key_store import key_file_info
    from enrollment.keys.keyring import Purpose
    from enrollment.keys.tpm_kek import tpm2_problem

    try:
        info = key_file_info(settings.data_dir)
    except KeyFileMissing as exc:  # the record store cannot be opened without them
        return Check("keys", "FAIL", f"{exc}; the record store needs them")
    except (KeysError, OSError) as exc:
        return Check("keys", "FAIL", str(exc))
    problems = []
    if info.demo:
        problems.append("holds demo keys (unsealed)")
    if info.path.stat().st_mode & 0o077:
        problems.append(f"readable by other users: chmod 600 {info.path}")
    missing = [q.value for q in Purpose if q.value not in {purpose for purpose, _v, _c in info.data_keys}]
    if missing:
        problems.append(f"no {', '.join(missing)} key: run `zuil keys rotate`")
    if info.sealing == "tpm2" and (problem := tpm2_problem(None)):
        problems.append(f"sealed by a TPM, but {problem}")
    if problems:
        return Check("keys", "FAIL", f"{info.path}: " + "; ".join(problems))
    versions = ", ".join(f"{purpose} v{version}" for purpose, version, _c in info.data_keys)
    return Check("keys", "OK", f"{info.path}: sealed by {info.sealing}, master v{info.master_version}; {versions}; "
                               f"checksum good (the seal is not opened here)")


def check_fonts(settings: Settings, flags: FlagSettings | None = None) -> Check:
    """Every configured language has an installed font for its script (else the screens show empty boxes), and,
    when the language screen shows any of ``flags``, the colour emoji font they are drawn in."""
    from kiosk.font_coverage import FONT_PACKAGE, FontconfigMissing, coverage, family_installed

    flagged = flags is not None and any(flags.shown(code) for code in settings.languages)
    try:
        found = coverage(settings.languages)
        flag_font = family_installed(FLAG_FONT) if flagged else True
    except FontconfigMissing as exc:
        return Check("fonts", "WARN", f"cannot check the fonts: {exc}")
    missing = [c for c in found if not c.families]
    problems = []
    if missing:
        names = ", ".join(f"{c.language} ({c.script})" for c in missing)
        problems.append(f"no font for {names}: its text shows as boxes; apt-get install {FONT_PACKAGE}")
    if not flag_font:
        problems.append(f"no {FLAG_FONT} font for the language screen's flags: they show as boxes; "
                        f"apt-get install {FLAG_FONT_PACKAGE}")
    if problems:
        return Check("fonts", "WARN", "; ".join(problems))
    scripts = sorted({c.script for c in found})
    flag_note = f" and {FLAG_FONT} for the flags" if flagged else ""
    return Check("fonts", "OK", f"a font for each of {len(found)} languages ({', '.join(scripts)}){flag_note}")


def run_selftest(kiosk: KioskSettings) -> list[Check]:
    settings = kiosk.enrollment
    return [check_settings(settings), check_database(settings), check_scanner(settings, kiosk.scanner),
            check_keys(settings), check_fonts(settings, kiosk.flags)]
