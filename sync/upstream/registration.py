"""Registering a kiosk, DB-level: the administrator's one-time enrollment token, and the kiosk's ``POST
/v1/register`` request checked and answered (``sync/PROTOCOL.md`` "Registration")."""

from __future__ import annotations

import base64
import datetime
import hashlib
import re
import secrets
from typing import Any

from cryptography import x509
from cryptography.hazmat.primitives import serialization
from sqlalchemy import Engine, insert, select, update
from sqlalchemy.exc import IntegrityError

from sync.envelope import GENESIS, KIOSK_ID
from sync.upstream import authority
from sync.upstream.errors import RequestInvalid, TokenRefused, UpstreamError
from sync.upstream.folder import UpstreamFolder
from sync.upstream.models import chain_heads, kiosk_keys, kiosks, tokens

TOKEN_HOURS = 72
REQUEST_FIELDS = ("token", "kiosk", "csr", "signing_keys")
OPTIONAL_FIELDS = ("feed_key",)  # a kiosk without one gets no gallery feed
MAX_SIGNING_KEYS = 64


def _digest(token: str) -> bytes:
    return hashlib.sha256(token.encode("utf-8")).digest()


def issue_token(engine: Engine, kiosk_id: str, now: datetime.datetime) -> str:
    """A new one-time token for ``kiosk_id`` (valid :data:`TOKEN_HOURS`); only its SHA-256 is stored. A kiosk id
    already registered is refused: it registers once (a new kiosk gets a new id)."""
    if not KIOSK_ID.match(kiosk_id):
        raise UpstreamError(f"kiosk id {kiosk_id!r}: must be 3-40 of a-z, 0-9 and '-'")
    token = base64.urlsafe_b64encode(secrets.token_bytes(32)).rstrip(b"=").decode("ascii")
    with engine.begin() as connection:
        if connection.execute(select(kiosks.c.id).where(kiosks.c.id == kiosk_id)).first() is not None:
            raise UpstreamError(f"kiosk {kiosk_id} is registered already")
        connection.execute(insert(tokens).values(token_sha256=_digest(token), kiosk_id=kiosk_id,
                                                 expires_at=now + datetime.timedelta(hours=TOKEN_HOURS), used=False))
    return token


def _signing_keys(value: Any) -> dict[int, bytes]:
    if not isinstance(value, dict) or not 0 < len(value) <= MAX_SIGNING_KEYS:
        raise RequestInvalid(f"signing_keys: must be a map of 1 to {MAX_SIGNING_KEYS} versions")
    keys = {}
    for version, public in value.items():
        if not isinstance(version, str) or not re.fullmatch(r"[1-9][0-9]{0,8}", version):
            raise RequestInvalid("signing_keys: a version must be a whole number from 1, as text")
        if not isinstance(public, str) or not re.fullmatch(r"[0-9a-f]{64}", public):
            raise RequestInvalid(f"signing_keys[{version}]: must be the raw 32-byte Ed25519 key in lowercase hex")
        keys[int(version)] = bytes.fromhex(public)
    return keys


def _feed_key(value: Any) -> bytes | None:
    if value is None:
        return None
    if not isinstance(value, str) or not re.fullmatch(r"[0-9a-f]{64}", value):
        raise RequestInvalid("feed_key: must be the raw 32-byte X25519 key in lowercase hex")
    return bytes.fromhex(value)


def checked_request(body: Any) -> tuple[str, str, str, dict[int, bytes], bytes | None]:
    """token, kiosk id, CSR PEM, signing keys and feed key (or None) of a registration request;
    :class:`RequestInvalid` otherwise."""
    if (not isinstance(body, dict) or not set(REQUEST_FIELDS) <= set(body)
            or not set(body) <= set(REQUEST_FIELDS + OPTIONAL_FIELDS)):
        raise RequestInvalid(f"the body must be a JSON object of exactly {', '.join(REQUEST_FIELDS)} "
                             f"(and optionally {', '.join(OPTIONAL_FIELDS)})")
    token, kiosk_id, csr = body["token"], body["kiosk"], body["csr"]
    if not isinstance(token, str) or not 0 < len(token) <= 100:
        raise RequestInvalid("token: must be text")
    if not isinstance(kiosk_id, str) or not KIOSK_ID.match(kiosk_id):
        raise RequestInvalid("kiosk: must be 3-40 of a-z, 0-9 and '-'")
    if not isinstance(csr, str) or not 0 < len(csr) <= 8192:
        raise RequestInvalid("csr: must be a PEM certificate request")
    return token, kiosk_id, csr, _signing_keys(body["signing_keys"]), _feed_key(body.get("feed_key"))


def register(engine: Engine, folder: UpstreamFolder, body: Any, *, service_url: str,
             now: datetime.datetime) -> dict[str, Any]:
    """Check the request ``body`` (parsed JSON) and its token; in one transaction mark the token used, record the
    kiosk with its signing keys, its feed key and an empty chain; answer what PROTOCOL.md says (the kiosk's
    certificate and the upstream's CA, sealing key and receipt keys)."""
    token, kiosk_id, csr, signing_keys, feed_key = checked_request(body)
    try:
        certificate = _record(engine, token, kiosk_id, csr, signing_keys, feed_key, folder, now)
    except IntegrityError:  # two tokens of one kiosk, used at once: the other one registered it
        raise TokenRefused(f"kiosk {kiosk_id} is registered already") from None
    sealing = folder.sealing_key().public_key().public_bytes(serialization.Encoding.PEM,
                                                             serialization.PublicFormat.SubjectPublicKeyInfo)
    return {"upstream": folder.upstream_id, "service_url": service_url, "certificate": authority.pem(certificate),
            "ca": authority.pem(folder.ca_certificate()), "sealing_key": sealing.decode("ascii"),
            "receipt_keys": {str(v): k.public_key().public_bytes_raw().hex()
                             for v, k in folder.receipt_keys().items()}}


def _record(engine: Engine, token: str, kiosk_id: str, csr: str, signing_keys: dict[int, bytes],
            feed_key: bytes | None, folder: UpstreamFolder, now: datetime.datetime) -> x509.Certificate:
    """In one transaction: the token checked and marked used, the kiosk, its signing keys and its empty chain."""
    with engine.begin() as connection:
        row = connection.execute(select(tokens).where(tokens.c.token_sha256 == _digest(token))
                                 .with_for_update()).first()
        if row is None or row.used or row.kiosk_id != kiosk_id or _aware(row.expires_at) <= now:
            why = ("unknown" if row is None else "used already" if row.used else
                   "issued for another kiosk" if row.kiosk_id != kiosk_id else "expired")
            raise TokenRefused(f"the enrollment token is {why}")
        certificate = authority.issue_kiosk_certificate(folder.ca_certificate(), folder.ca_key(), csr, kiosk_id, now)
        connection.execute(update(tokens).where(tokens.c.token_sha256 == row.token_sha256).values(used=True))
        connection.execute(insert(kiosks).values(id=kiosk_id, state="active",
                                                 cert_serial=str(certificate.serial_number), registered_at=now,
                                                 feed_key=feed_key))
        connection.execute(insert(kiosk_keys), [{"kiosk_id": kiosk_id, "version": v, "public_key": k}
                                                for v, k in sorted(signing_keys.items())])
        connection.execute(insert(chain_heads).values(kiosk_id=kiosk_id, held=0, head=GENESIS))
    return certificate


def _aware(moment: datetime.datetime) -> datetime.datetime:
    """SQLite gives back naive times (stored in UTC)."""
    return moment if moment.tzinfo else moment.replace(tzinfo=datetime.UTC)
