"""The kiosk's key hierarchy: a master key sealed by the TPM or a passphrase, wrapping the data keys.

    master key (32 random bytes; on disk only sealed with AESGCM under a wrapping key from the TPM via
    │           systemd-creds, or from the technician's passphrase via Argon2id)
    ├── gallery data key, versions 1..n       (seals the record's sensitive fields: enrollment.records.field_cipher)
    ├── V-number HMAC key, versions 1..n      (the V-number lookup hash, same module)
    └── Ed25519 signing key, versions 1..n    (signs the audit log's checkpoints and sync's envelopes)

Everything lives in one key file per data folder (:mod:`enrollment.keys.key_file`); :mod:`key_store` creates,
unlocks and rotates it, :mod:`keyring` is what an unlocked file offers, :mod:`demo_keys` the demo's unsealed
keys. Import the modules themselves; this package file imports nothing.
"""
