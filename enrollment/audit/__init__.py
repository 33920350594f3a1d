"""The audit log: an append-only, hash-chained record of who did what to which case, with signed checkpoints.

    entry n = deterministic CBOR {seq, time, kind, actor, subject, outcome, details, prev = SHA-256(entry n-1)}
    checkpoint = Ed25519 signature (kiosk signing key, version stored) over (entry count, SHA-256 of the last)

:mod:`entries` is one entry and what it may hold (never a V-number, a name or biometric data);
:mod:`log_store` the log's own SQLite file (append-only by triggers); :mod:`checkpoints` the signed
checkpoints; :mod:`verification` proves a log or names the first broken entry; :mod:`events` writes the
entries of key operations and logins. Import the modules themselves; this package file imports nothing.
"""
