"""The kiosk's key hierarchy: a master key sealed by the TPM or a passphrase, wrapping the data keys.

    master key (32 random bytes; on disk only AES-256-GCM-sealed by a key-encryption key from the TPM via
    │           systemd-creds, or from the technician's passphrase via Argon2id)
    ├── gallery data key, versions 1..n       (AES-256-GCM of the gallery at rest)
    ├── V-number HMAC key, versions 1..n      (the V-number lookup hash)
    └── Ed25519 signing key, versions 1..n    (audit checkpoints, outbox)

Everything lives in one key file per data folder (:mod:`enrollment.keys.key_file`); :mod:`key_store` creates,
unlocks and rotates it, :mod:`keyring` is what an unlocked file offers, :mod:`demo_keys` the demo's unsealed
keys. Import the modules themselves; this package file imports nothing.
"""
