"""The administrator's side, DB-level: revoking a kiosk (database state, then the CRL rewritten), and what
``zuil upstream kiosks``, ``chains`` and ``hits`` list (no personal data: hits show kiosk, sequence number,
intake id and time only)."""

from __future__ import annotations

import datetime
from typing import Any

from sqlalchemy import Engine, func, select, update

from sync import canonical
from sync.upstream.crl import write_crl
from sync.upstream.errors import UpstreamError
from sync.upstream.folder import UpstreamFolder
from sync.upstream.models import audit_checkpoints, chain_faults, chain_heads, deletions, envelopes, kiosks


def _aware(moment: datetime.datetime) -> datetime.datetime:
    return moment if moment.tzinfo else moment.replace(tzinfo=datetime.UTC)


def revoke(engine: Engine, folder: UpstreamFolder, kiosk_id: str) -> None:
    """Mark ``kiosk_id`` revoked (the service refuses it from now on) and rewrite the CRL with every revoked
    kiosk's certificate (the TLS layer refuses it after the service is restarted)."""
    now = datetime.datetime.now(datetime.UTC)
    with engine.begin() as connection:
        changed = connection.execute(update(kiosks).where(kiosks.c.id == kiosk_id, kiosks.c.state == "active")
                                     .values(state="revoked", revoked_at=now)).rowcount
        if not changed and connection.execute(select(kiosks.c.id).where(kiosks.c.id == kiosk_id)).first() is None:
            raise UpstreamError(f"kiosk {kiosk_id} is not registered")
        revoked = connection.execute(select(kiosks.c.cert_serial, kiosks.c.revoked_at)
                                     .where(kiosks.c.state == "revoked")).all()
    write_crl(folder, [(int(row.cert_serial), _aware(row.revoked_at)) for row in revoked])


def kiosk_list(engine: Engine) -> list[dict[str, Any]]:
    with engine.begin() as connection:
        rows = connection.execute(select(kiosks).order_by(kiosks.c.id)).all()
    return [{"kiosk": r.id, "state": r.state, "cert_serial": r.cert_serial,
             "registered": _aware(r.registered_at).isoformat(timespec="seconds"),
             "revoked": r.revoked_at and _aware(r.revoked_at).isoformat(timespec="seconds")} for r in rows]


def chain_list(engine: Engine) -> list[dict[str, Any]]:
    """Every kiosk's held sequence number and head, how many deletion envelopes it sent, its last audit checkpoint
    (the one in its latest envelope; None before any) and its recorded faults (oldest first)."""
    with engine.begin() as connection:
        heads = connection.execute(select(chain_heads).order_by(chain_heads.c.kiosk_id)).all()
        faults = connection.execute(select(chain_faults).order_by(chain_faults.c.id)).all()
        deleted = dict(connection.execute(select(deletions.c.kiosk_id, func.count())
                                          .group_by(deletions.c.kiosk_id)).all())
        checkpoints = connection.execute(
            select(audit_checkpoints, envelopes.c.seq)
            .join(envelopes, envelopes.c.id == audit_checkpoints.c.envelope_id).order_by(envelopes.c.seq)).all()
    last = {c.kiosk_id: {"number": c.number, "entries": c.entries, "head": c.head.hex(), "time": c.time,
                         "signature": "verified" if c.verified else "does not verify"} for c in checkpoints}
    return [{"kiosk": h.kiosk_id, "held": h.held, "head": h.head.hex(), "deletions": deleted.get(h.kiosk_id, 0),
             "checkpoint": last.get(h.kiosk_id),
             "faults": [{"at": _aware(f.at).isoformat(timespec="seconds"), "reason": f.reason,
                         "expected": f.expected, "detail": f.detail} for f in faults if f.kiosk_id == h.kiosk_id]}
            for h in heads]


def hits(engine: Engine) -> list[dict[str, Any]]:
    """Identification envelopes whose public ``decision`` is ``hit``: kiosk, sequence number, intake, time."""
    with engine.begin() as connection:
        rows = connection.execute(select(envelopes.c.kiosk_id, envelopes.c.seq, envelopes.c.bytes)
                                  .where(envelopes.c.kind == "identification")
                                  .order_by(envelopes.c.kiosk_id, envelopes.c.seq)).all()
    found = []
    for row in rows:  # held envelopes were verified when they came in
        payload = canonical.decode(canonical.decode(row.bytes)["body"])["payload"]
        if payload.get("decision") == "hit":
            found.append({"kiosk": row.kiosk_id, "seq": row.seq, "intake": payload.get("intake"),
                          "created": payload.get("created")})
    return found
