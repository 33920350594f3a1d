"""The signed gallery feed delta (``sync/PROTOCOL.md`` "The gallery feed"): what ``GET /v1/feed`` answers, made by
the upstream (:func:`sign_delta`) and checked by the kiosk (:func:`verified_delta`).

A delta is the canonical CBOR map ``{"body": body, "sig": signature}``; ``body`` is the canonical CBOR encoding of
``{"v": 1, "upstream", "key", "kiosk", "after", "next", "entries"}`` and the signature is Ed25519 over
:data:`SIGNATURE_DOMAIN` followed by the body bytes, with the upstream's receipt key of version ``key``. Each entry
is ``{"cursor", "kind" ("enroll" | "withdraw" | "delete"), "origin", "person", "location", "sealed"}``; an
enrolment's ``sealed`` is the person's templates (canonical CBOR list of ``{"finger", "template"}``) sealed to the
recipient kiosk's feed key (:mod:`sync.sealing`) with :func:`entry_aad`; a withdrawal's or deletion's ``sealed`` is
null.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

from sync import canonical, sealing
from sync.envelope import KIOSK_ID, MAX_INT
from sync.errors import FeedInvalid, SealInvalid

FORMAT_VERSION = 1
SIGNATURE_DOMAIN = b"aanmeldzuil feed delta v1\x00"
AAD_DOMAIN = "aanmeldzuil feed entry v1"
MAX_DELTA_BYTES = 256 * 1024 * 1024
BODY_FIELDS = ("v", "upstream", "key", "kiosk", "after", "next", "entries")
ENTRY_FIELDS = ("cursor", "kind", "origin", "person", "location", "sealed")
ENROLL, WITHDRAW, DELETE = "enroll", "withdraw", "delete"


@dataclass(frozen=True)
class FeedEntry:
    cursor: int
    kind: str
    origin: str
    person: str
    location: str
    sealed: dict[str, Any] | None


@dataclass(frozen=True)
class Delta:
    upstream_id: str
    key_version: int
    kiosk_id: str
    after: int
    next_cursor: int
    entries: tuple[FeedEntry, ...]


def entry_aad(cursor: int, kiosk_id: str) -> bytes:
    """The associated data of an entry's sealed templates: its cursor and the recipient kiosk."""
    return canonical.encode([AAD_DOMAIN, cursor, kiosk_id])


def seal_templates(recipient, cursor: int, kiosk_id: str, templates: list[tuple[int, bytes]]) -> dict[str, Any]:  # type: ignore[no-untyped-def]
    """The templates (finger position, native bytes) of one entry sealed to ``recipient`` (an X25519 public key)."""
    plain = canonical.encode([{"finger": f, "template": t} for f, t in templates])
    return sealing.seal(recipient, plain, entry_aad(cursor, kiosk_id))


def open_templates(private: X25519PrivateKey, entry: FeedEntry, kiosk_id: str) -> list[tuple[int, bytes]]:
    """An enrolment entry's templates, opened with the kiosk's feed key; :class:`FeedInvalid` otherwise."""
    try:
        plain = sealing.open_sealed(private, entry.sealed or {}, entry_aad(entry.cursor, kiosk_id))
        items = canonical.decode(plain)
    except (SealInvalid, ValueError) as exc:
        raise FeedInvalid(f"entry {entry.cursor}", f"templates: {exc}") from None
    if not isinstance(items, list) or not items:
        raise FeedInvalid(f"entry {entry.cursor}", "templates: must be a non-empty list")
    out = []
    for item in items:
        if (not isinstance(item, dict) or sorted(item) != ["finger", "template"] or type(item["finger"]) is not int
                or not 0 <= item["finger"] <= 10 or not isinstance(item["template"], bytes)):
            raise FeedInvalid(f"entry {entry.cursor}", "templates: each is {finger 0-10, template bytes}")
        out.append((item["finger"], item["template"]))
    return out


def sign_delta(key: Ed25519PrivateKey, *, key_version: int, upstream_id: str, kiosk_id: str, after: int,
               next_cursor: int, entries: list[dict[str, Any]]) -> bytes:
    body = canonical.encode({"v": FORMAT_VERSION, "upstream": upstream_id, "key": key_version, "kiosk": kiosk_id,
                             "after": after, "next": next_cursor, "entries": entries})
    return canonical.encode({"body": body, "sig": key.sign(SIGNATURE_DOMAIN + body)})


def verified_delta(data: bytes, *, keys: Mapping[int, Ed25519PublicKey], kiosk_id: str, after: int) -> Delta:
    """The delta ``data`` after checking its structure, its signature, that it is for ``kiosk_id`` and follows
    ``after``; :class:`FeedInvalid` naming the field otherwise."""
    if not isinstance(data, bytes) or not 0 < len(data) <= MAX_DELTA_BYTES:
        raise FeedInvalid("delta", f"must be 1 to {MAX_DELTA_BYTES} bytes")
    outer = _decoded("delta", data)
    if not isinstance(outer, dict) or sorted(outer) != ["body", "sig"]:
        raise FeedInvalid("delta", "must be a map of exactly body and sig")
    body_bytes, signature = outer["body"], outer["sig"]
    if not isinstance(body_bytes, bytes):
        raise FeedInvalid("body", "must be a byte string")
    if not isinstance(signature, bytes) or len(signature) != 64:
        raise FeedInvalid("sig", "must be a 64-byte Ed25519 signature")
    body = _decoded("body", body_bytes)
    if not isinstance(body, dict) or sorted(body) != sorted(BODY_FIELDS):
        raise FeedInvalid("body", f"must be a map of exactly {', '.join(BODY_FIELDS)}")
    key_version = _int(body, "key", 1)
    public = keys.get(key_version)
    if public is None:
        raise FeedInvalid("key", f"key version {key_version} is not one held for this upstream")
    try:
        public.verify(signature, SIGNATURE_DOMAIN + body_bytes)
    except InvalidSignature:
        raise FeedInvalid("sig", f"does not verify with key version {key_version}") from None
    if type(body["v"]) is not int or body["v"] != FORMAT_VERSION:
        raise FeedInvalid("v", f"format version must be {FORMAT_VERSION}")
    for field in ("upstream", "kiosk"):
        if not isinstance(body[field], str) or not KIOSK_ID.match(body[field]):
            raise FeedInvalid(field, "must be 3-40 of a-z, 0-9 and '-'")
    if body["kiosk"] != kiosk_id:
        raise FeedInvalid("kiosk", f"the delta is for {body['kiosk']}, this kiosk is {kiosk_id}")
    if _int(body, "after", 0) != after:
        raise FeedInvalid("after", f"the delta follows cursor {body['after']}, this kiosk holds {after}")
    next_cursor = _int(body, "next", after)
    if not isinstance(body["entries"], list):
        raise FeedInvalid("entries", "must be a list")
    entries, last = [], after
    for item in body["entries"]:
        entry = _entry(item)
        if not last < entry.cursor <= next_cursor:
            raise FeedInvalid("entries", f"cursor {entry.cursor} is out of order or beyond next")
        last = entry.cursor
        entries.append(entry)
    return Delta(body["upstream"], key_version, body["kiosk"], after, next_cursor, tuple(entries))


def _entry(item: Any) -> FeedEntry:
    if not isinstance(item, dict) or sorted(item) != sorted(ENTRY_FIELDS):
        raise FeedInvalid("entries", f"an entry is a map of exactly {', '.join(ENTRY_FIELDS)}")
    cursor = _int(item, "cursor", 1)
    if item["kind"] not in (ENROLL, WITHDRAW, DELETE):
        raise FeedInvalid(f"entry {cursor}", "kind must be enroll, withdraw or delete")
    if not isinstance(item["origin"], str) or not KIOSK_ID.match(item["origin"]):
        raise FeedInvalid(f"entry {cursor}", "origin must be a kiosk id")
    for field in ("person", "location"):
        if not isinstance(item[field], str) or not 0 < len(item[field]) <= 200:
            raise FeedInvalid(f"entry {cursor}", f"{field} must be 1 to 200 characters of text")
    sealed = item["sealed"]
    if item["kind"] == ENROLL:
        if (problem := sealing.shape_problem(sealed)) is not None:
            raise FeedInvalid(f"entry {cursor}", problem)
    elif sealed is not None:
        raise FeedInvalid(f"entry {cursor}", f"a {item['kind']} entry carries no sealed part")
    return FeedEntry(cursor, item["kind"], item["origin"], item["person"], item["location"], sealed)


def _decoded(field: str, data: bytes) -> Any:
    try:
        return canonical.decode(data)
    except ValueError as exc:
        raise FeedInvalid(field, str(exc)) from None


def _int(body: dict[str, Any], field: str, lowest: int) -> int:
    value = body[field]
    if type(value) is not int or not lowest <= value <= MAX_INT:
        raise FeedInvalid(field, f"must be a whole number from {lowest} to 2^63-1")
    return value
