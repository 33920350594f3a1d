"""``zuil upstream init``: a new upstream folder with its CA, TLS server certificate, receipt key (version 1),
sealing key, empty CRL, settings, and the database at the newest schema. Private keys are written atomically,
mode 0600, in the clear (the reference service has no HSM)."""

from __future__ import annotations

import datetime
import os
from pathlib import Path

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

from enrollment.atomic_files import SHARED, write_bytes_atomically, write_text_atomically
from sync.envelope import KIOSK_ID
from sync.upstream import authority, database
from sync.upstream.crl import write_crl
from sync.upstream.errors import UpstreamError
from sync.upstream.folder import (
    CA_CERT,
    CA_KEY,
    DATABASE,
    SEALING_KEY,
    SERVER_CERT,
    SERVER_KEY,
    SETTINGS,
    UpstreamFolder,
    open_folder,
    receipt_key_name,
    settings_text,
)


def _private_pem(key) -> bytes:  # type: ignore[no-untyped-def]
    return key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                             serialization.NoEncryption())


def init_upstream(path: Path, upstream_id: str, hosts: tuple[str, ...], database_url: str | None) -> UpstreamFolder:
    """Make the folder ``path`` (0700; refused when it holds an upstream already) and everything in it."""
    if not KIOSK_ID.match(upstream_id):
        raise UpstreamError(f"upstream id {upstream_id!r}: must be 3-40 of a-z, 0-9 and '-'")
    if not hosts:
        raise UpstreamError("at least one --host is needed (the name or address the kiosks reach the upstream by)")
    if (path / SETTINGS).exists():
        raise UpstreamError(f"{path} holds an upstream already")
    path.mkdir(mode=0o700, parents=True, exist_ok=True)
    os.chmod(path, 0o700)
    now = datetime.datetime.now(datetime.UTC)
    ca_key, server_key = authority.new_key(), authority.new_key()
    ca = authority.make_ca(upstream_id, ca_key, now)
    server = authority.make_server_certificate(ca, ca_key, server_key, hosts, now)
    write_bytes_atomically(path / CA_KEY, _private_pem(ca_key))
    write_bytes_atomically(path / SERVER_KEY, _private_pem(server_key))
    write_bytes_atomically(path / receipt_key_name(1), _private_pem(Ed25519PrivateKey.generate()))
    write_bytes_atomically(path / SEALING_KEY, _private_pem(X25519PrivateKey.generate()))
    write_bytes_atomically(path / CA_CERT, ca.public_bytes(serialization.Encoding.PEM), mode=SHARED)
    write_bytes_atomically(path / SERVER_CERT, server.public_bytes(serialization.Encoding.PEM), mode=SHARED)
    if database_url is None:  # the SQLite file made 0600 before SQLite makes it (its WAL files take its mode)
        os.close(os.open(path / DATABASE, os.O_CREAT | os.O_WRONLY, 0o600))
    url = database_url or f"sqlite:///{(path / DATABASE).resolve()}"
    write_text_atomically(path / SETTINGS, settings_text(upstream_id, url, hosts))
    folder = open_folder(path)
    database.upgrade(url)
    write_crl(folder, [])
    return folder
