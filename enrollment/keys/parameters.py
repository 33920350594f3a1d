"""The key hierarchy's parameters, as named constants: sizes, the Argon2id cost, the TPM binding, file names.

Changing a cost constant applies to the next seal (``zuil keys init`` or a master-key rotation); a key file
keeps the parameters it was sealed with and opens with them.
"""

from __future__ import annotations

# The key file: one per data folder, written atomically with mode 0600.
KEY_FILE_NAME = "kiosk.keys"
FORMAT_MAGIC = b"AANMELDZUIL-KEYS"
FORMAT_VERSION = 1

# Key and nonce sizes (bytes). Master keys, wrapping keys and data keys are all 256-bit.
KEY_BYTES = 32
NONCE_BYTES = 12  # the standard GCM nonce
SALT_BYTES = 16

# Argon2id (RFC 9106) for the wrapping key derived from the technician's passphrase. 64 MiB and three
# passes with two lanes (the kiosk's two cores): measured by `zuil keys bench`.
ARGON2_MEMORY_KIB = 64 * 1024
ARGON2_TIME_COST = 3
ARGON2_PARALLELISM = 2
# What a key file may ask for when it is opened (a larger cost is refused rather than tried).
ARGON2_MAX_MEMORY_KIB = 1024 * 1024
ARGON2_MAX_TIME_COST = 20
ARGON2_MAX_PARALLELISM = 16

MIN_PASSPHRASE_CHARS = 12

# systemd-creds: the credential name bound into the TPM-sealed blob, and the PCRs it is bound to (7: the
# Secure Boot state, systemd's default). A change of PCR 7 (Secure Boot turned off, its keys changed) makes
# the TPM refuse to unseal.
TPM2_CREDENTIAL_NAME = "aanmeldzuil-kek"
TPM2_PCRS = "7"
SYSTEMD_CREDS = "systemd-creds"
TPM_COMMAND_TIMEOUT_S = 60.0

# The demo's data folder (a folder of this name in the data dir): the only place demo keys are used.
DEMO_FOLDER = "demo"
