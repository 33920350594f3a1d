"""A ``kill -9`` during ``zuil keys rotate`` leaves the old key file or the new one, whole, and the next
rotation works. Rotation writes the key file once (temp file, fsync, rename), so the kill point that matters here is
just before the rename (the audit log's own statements are ``test_audit_crashes``'s); the test also runs the real
Argon2id cost, as the kiosk does."""

from __future__ import annotations

import pytest

from enrollment.audit.log_store import audit_log_path
from enrollment.keys.kek_sources import Secrets
from enrollment.keys.key_store import create_keys, key_file_path, unlock_keys
from enrollment.keys.keyring import Purpose
from enrollment.keys.passphrase_kek import PassphraseKek
from tests.crash.harness import CrashRunner, crash_every_point

pytestmark = pytest.mark.timeout(900)  # only for hangs

PASSPHRASE = "a passphrase for the crash test"


def test_a_crash_during_rotation_leaves_the_old_or_the_new_key_file(tmp_path):
    data = tmp_path / "data"
    original = create_keys(data, PassphraseKek(PASSPHRASE))
    old_bytes = key_file_path(data).read_bytes()
    secrets = Secrets(passphrase=lambda: PASSPHRASE)
    env = {"ZUIL_DATA_DIR": str(data), "ZUIL_KEYS_PASSPHRASE": PASSPHRASE}

    def prepare() -> None:
        for leftover in data.glob(".kiosk.keys.*.tmp"):
            leftover.unlink()
        key_file_path(data).write_bytes(old_bytes)
        log = audit_log_path(data)  # every run starts without an audit log, so each makes the same statements
        for part in (log, log.with_name(log.name + "-wal"), log.with_name(log.name + "-shm")):
            part.unlink(missing_ok=True)

    with CrashRunner(tmp_path) as runner:
        def old_or_new(_point) -> None:  # type: ignore[no-untyped-def]
            ring = unlock_keys(data, secrets)
            assert key_file_path(data).read_bytes() == old_bytes or ring.master_version == 2
            for purpose in Purpose:
                assert ring.version(purpose, 1) == original.current(purpose)
            again = runner.run(["keys", "rotate"], env=env)
            assert again.exit_code == 0, f"zuil keys rotate after the crash failed: {again.output[-300:]}"
            assert not list(data.glob(".kiosk.keys.*.tmp")), "the killed write's temp file is still there"
            rotated = unlock_keys(data, secrets)
            assert rotated.master_version == 2 and rotated.current(Purpose.GALLERY).version == 2
            assert rotated.version(Purpose.GALLERY, 1) == original.current(Purpose.GALLERY)

        tally = crash_every_point(runner, ["keys", "rotate"], env=env, prepare=prepare, check=old_or_new,
                                  select=lambda points: [p for p in points if p.kind == "rename"])
    print(tally.summary())
    assert [p.kind for p in tally.points].count("rename") == 1 and len(tally.tried) == 1
    assert tally.tried and not tally.unsound, tally.summary() + "\n" + "\n".join(tally.unsound)
