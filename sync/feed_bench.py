"""``zuil bench sync --feed``: how long a kiosk takes to apply one gallery feed delta of many enrolments.

Makes a throw-away kiosk (demo keys, SQLite record) and, not timed, one delta of ENROLLMENTS persons of two fingers
each (minutia-level synthetic templates, :mod:`enrollment.synthesis.population`) sealed to the kiosk's feed key and
signed as the upstream signs it (:mod:`sync.feed_delta`). Timed: verifying the delta, opening and decoding every
template, storing them sealed with the gallery key with the cursor in one transaction
(:func:`sync.feed_apply.apply_delta`), and adding them to a 1:N index (:class:`enrollment.shared_gallery.
SharedGallery`). No network: the HTTP fetch is not in the figure.
"""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

import click

from sync.errors import SyncError

FINGERS = (2, 7)


def feed_bench(enrollments: int) -> None:
    """Apply a delta of ENROLLMENTS persons to a throw-away kiosk; print the machine, method and seconds."""
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    from enrollment.evaluation.machine import describe
    from enrollment.keys.demo_keys import open_demo_keys
    from enrollment.records.store import RecordStore
    from enrollment.shared_gallery import SharedGallery
    from enrollment.synthesis.population import synthesize_minutiae
    from enrollment.template import serialize
    from sync.feed_apply import apply_delta
    from sync.feed_delta import ENROLL, seal_templates, sign_delta, verified_delta
    from sync.feed_key import feed_key

    machine = describe()
    kiosk = "zuil-bench-01"
    signer = Ed25519PrivateKey.generate()
    with tempfile.TemporaryDirectory(prefix="zuil-bench-feed-") as temp:
        data = Path(temp) / "demo"
        ring = open_demo_keys(data)
        key = feed_key(ring, ring.signing_key()[0])
        templates = [serialize(t) for t in synthesize_minutiae(enrollments * len(FINGERS), seed=15)]
        entries = [{"cursor": n + 1, "kind": ENROLL, "origin": "zuil-other-01", "person": f"p-{n:06d}",
                    "location": "lvv-other", "sealed": seal_templates(
                        key.public_key(), n + 1, kiosk,
                        [(pos, templates[n * len(FINGERS) + i]) for i, pos in enumerate(FINGERS)])}
                   for n in range(enrollments)]
        delta = sign_delta(signer, key_version=1, upstream_id="bench", kiosk_id=kiosk, after=0,
                           next_cursor=enrollments, entries=entries)
        records = RecordStore(f"sqlite:///{data / 'bench.sqlite3'}", ring)
        gallery = SharedGallery()
        began = time.perf_counter()
        verified = verified_delta(delta, keys={1: signer.public_key()}, kiosk_id=kiosk, after=0)
        with records.transaction() as session:
            applied = apply_delta(session, verified, key)
        applied.update_gallery(gallery)
        seconds = time.perf_counter() - began
        records.close()
    for line in machine:
        click.echo(line)
    click.echo(f"method: one signed feed delta of {enrollments} enrolments x {len(FINGERS)} fingers (synthetic "
               f"minutia templates, {len(delta) / 1e6:.1f} MB) verified, opened (X25519+AES-GCM), decoded, stored "
               "sealed in a SQLite kiosk record in one transaction, and indexed in a 1:N gallery, in this process "
               "on this machine (no network)")
    click.echo(f"persons indexed {gallery.persons}, prints {len(gallery)}")
    click.echo(f"seconds: {seconds:.1f}")
    if gallery.persons != enrollments:
        raise SyncError(f"the bench gallery holds {gallery.persons} of {enrollments} persons")
