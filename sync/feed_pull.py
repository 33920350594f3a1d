"""Pulling the gallery feed from the registered upstream (``zuil sync feed``, and the uploader's worker after it
delivers): ``GET /v1/feed?after=CURSOR`` over the uploader's mutual TLS (:func:`sync.uploader.tls_context`), the
delta verified (:func:`sync.feed_delta.verified_delta` with the registered receipt keys, for this kiosk, after the
cursor it holds), then applied in one record-store transaction (:func:`sync.feed_apply.apply_delta`) and the live
index updated after the commit. A delta that does not verify, or does not apply, changes nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import httpx

from enrollment.keys.keyring import KeyRing
from enrollment.records.store import RecordStore
from enrollment.shared_gallery import SharedGallery
from sync.errors import FeedInvalid, SyncError
from sync.feed_apply import Applied, apply_delta, held_cursor
from sync.feed_delta import MAX_DELTA_BYTES, verified_delta
from sync.feed_key import feed_key
from sync.registration import Registration, tls_key_password
from sync.uploader import CONNECT_TIMEOUT_S, TIMEOUT_S, tls_context

PAGE = 1000  # entries asked for per request


class FeedUnavailable(SyncError):
    """The upstream did not answer the feed request with a delta (unreachable, or an HTTP error status)."""


@dataclass(frozen=True)
class Pulled:
    deltas: int
    added: int
    withdrawn: int
    cursor: int


class FeedPuller:
    """Fetches and applies the feed for the registered kiosk into ``records`` (and ``gallery``, when given)."""

    def __init__(self, records: RecordStore, registration: Registration, ring: KeyRing, *,
                 gallery: SharedGallery | None = None) -> None:
        self.records = records
        self.registration = registration
        self.gallery = gallery
        version = registration.password_signing_version
        self._key = feed_key(ring, version)
        self._client = httpx.Client(base_url=registration.service_url,
                                    verify=tls_context(registration, tls_key_password(ring, version)),
                                    timeout=httpx.Timeout(TIMEOUT_S, connect=CONNECT_TIMEOUT_S))

    def cursor(self) -> int:
        with self.records.transaction() as session:
            return held_cursor(session, self.registration.upstream_id)

    def fetch(self, after: int) -> bytes:
        """The delta's bytes after ``after``; :class:`FeedUnavailable` otherwise."""
        try:
            answer = self._client.get("/v1/feed", params={"after": after, "limit": PAGE})
        except httpx.HTTPError as exc:
            raise FeedUnavailable(f"feed from {self.registration.upstream_id}: {type(exc).__name__}: {exc}") from None
        if answer.status_code != 200:
            raise FeedUnavailable(f"feed from {self.registration.upstream_id}: HTTP {answer.status_code} "
                                  f"{answer.text[:200]}")
        if len(answer.content) > MAX_DELTA_BYTES:
            raise FeedInvalid("delta", f"over {MAX_DELTA_BYTES} bytes")
        return answer.content

    def apply(self, data: bytes, after: int, *, on_applied: Callable[[Applied], None] | None = None) -> Applied:
        """Verify ``data`` (a delta following ``after``) and apply it in one transaction; then the live index."""
        delta = verified_delta(data, keys=self.registration.receipt_keys, kiosk_id=self.registration.kiosk_id,
                               after=after)
        if delta.upstream_id != self.registration.upstream_id:
            raise FeedInvalid("upstream", f"the delta is from {delta.upstream_id}, this kiosk's upstream is "
                                          f"{self.registration.upstream_id}")
        with self.records.transaction() as session:
            if held_cursor(session, delta.upstream_id) != after:
                raise FeedInvalid("after", "the held cursor moved while the delta was fetched")
            applied = apply_delta(session, delta, self._key)
        if self.gallery is not None:
            applied.update_gallery(self.gallery)
        if on_applied is not None:
            on_applied(applied)
        return applied

    def pull(self, *, once: bool = False) -> Pulled:
        """Fetch and apply deltas until one brings nothing new (``once``: one delta only)."""
        deltas = added = withdrawn = 0
        while True:
            after = self.cursor()
            applied = self.apply(self.fetch(after), after)
            deltas, added, withdrawn = deltas + 1, added + len(applied.added), withdrawn + len(applied.withdrawn)
            if once or applied.cursor == after or not (applied.added or applied.withdrawn):
                return Pulled(deltas, added, withdrawn, applied.cursor)

    def close(self) -> None:
        self._client.close()
