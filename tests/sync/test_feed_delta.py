"""The gallery feed delta's parser: a delta signed and sealed round-trips; anything else -- random bytes, or a
valid delta with bytes flipped, cut or appended -- is refused with :class:`FeedInvalid`, never another error."""

from __future__ import annotations

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sync.errors import FeedInvalid
from sync.feed_delta import ENROLL, WITHDRAW, open_templates, seal_templates, sign_delta, verified_delta

SIGNER = Ed25519PrivateKey.from_private_bytes(bytes(range(32)))
FEED = X25519PrivateKey.from_private_bytes(bytes(range(32, 64)))
KEYS = {1: SIGNER.public_key()}
KIOSK = "zuil-b-01"


def _delta(kiosk: str = KIOSK) -> bytes:
    entries = [{"cursor": 3, "kind": ENROLL, "origin": "zuil-a-01", "person": "p-1", "location": "lvv-a",
                "sealed": seal_templates(FEED.public_key(), 3, kiosk, [(2, b"template two"), (7, b"seven")])},
               {"cursor": 5, "kind": WITHDRAW, "origin": "zuil-a-01", "person": "p-0", "location": "lvv-a",
                "sealed": None}]
    return sign_delta(SIGNER, key_version=1, upstream_id="avim", kiosk_id=kiosk, after=2, next_cursor=6,
                      entries=entries)


VALID = _delta()


def test_a_signed_delta_round_trips_and_its_templates_open_for_its_kiosk_only():
    delta = verified_delta(VALID, keys=KEYS, kiosk_id=KIOSK, after=2)
    assert (delta.next_cursor, [e.cursor for e in delta.entries]) == (6, [3, 5])
    assert open_templates(FEED, delta.entries[0], KIOSK) == [(2, b"template two"), (7, b"seven")]
    with pytest.raises(FeedInvalid, match="templates"):  # bound to the recipient kiosk
        open_templates(FEED, delta.entries[0], "zuil-c-01")


@pytest.mark.parametrize("kiosk, after, field", [("zuil-c-01", 2, "kiosk"), (KIOSK, 3, "after")])
def test_a_delta_for_another_kiosk_or_cursor_is_refused(kiosk, after, field):
    with pytest.raises(FeedInvalid, match=field):
        verified_delta(VALID, keys=KEYS, kiosk_id=kiosk, after=after)


@settings(derandomize=True, max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=300))
def test_random_bytes_are_refused(data):
    with pytest.raises(FeedInvalid):
        verified_delta(data, keys=KEYS, kiosk_id=KIOSK, after=2)


@settings(derandomize=True, max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.integers(0, len(VALID) - 1), st.integers(1, 255), st.sampled_from(["flip", "cut", "append"]))
def test_a_changed_delta_is_refused(where, value, how):
    data = bytearray(VALID)
    if how == "flip":
        data[where] ^= value
    elif how == "cut":
        del data[where:]
    else:
        data += bytes([value])
    with pytest.raises(FeedInvalid):
        verified_delta(bytes(data), keys=KEYS, kiosk_id=KIOSK, after=2)
