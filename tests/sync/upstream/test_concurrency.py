"""Two service workers, two kiosks, two senders per kiosk posting the same chain at once, on one PostgreSQL: every
envelope is held once, in its chain, and both senders of a kiosk get the same receipt bytes for each envelope.
Then the database goes away: the service answers 503."""

from __future__ import annotations

import threading

import pytest
from sqlalchemy import create_engine, make_url, select, text

from sync.chain import verify_chain
from sync.upstream.models import envelopes
from tests.sync import fixed_keys
from tests.sync.upstream.conftest import started
from tests.sync.upstream.harness import chain_of, envelope_of, register

pytestmark = pytest.mark.postgres
LENGTH = 25


@pytest.fixture(scope="module")
def upstream(module_postgres_url, tmp_path_factory):
    server = started(tmp_path_factory.mktemp("upstream") / "up", module_postgres_url, workers=2)
    yield server
    assert server.stop() == 0


def test_two_workers_hold_two_kiosks_chains_sent_twice_at_once(upstream, module_postgres_url, tmp_path):
    kiosks = [register(upstream, f"zuil-para-{n:02d}", fixed_keys.signing_key(), tmp_path / str(n)) for n in (10, 20)]
    chains = {k.kiosk_id: [e.encoded for e in chain_of(k.kiosk_id, LENGTH)] for k in kiosks}
    receipts: dict[tuple[str, int], list[bytes]] = {}
    failures: list[str] = []

    def send(kiosk) -> None:
        with kiosk.client() as client:
            for envelope in chains[kiosk.kiosk_id]:
                answer = client.post(f"{upstream.service}/v1/envelopes", content=envelope)
                if answer.status_code != 200:
                    failures.append(f"{kiosk.kiosk_id}: {answer.status_code} {answer.text}")
                    return
                receipts.setdefault((kiosk.kiosk_id, chains[kiosk.kiosk_id].index(envelope)), []).append(
                    answer.content)

    senders = [threading.Thread(target=send, args=(k,)) for k in kiosks for _ in range(2)]
    for sender in senders:
        sender.start()
    for sender in senders:
        sender.join(300)
    assert failures == []
    assert len(receipts) == 2 * LENGTH and all(len(r) == 2 and r[0] == r[1] for r in receipts.values())
    engine = create_engine(module_postgres_url)
    with engine.connect() as connection:
        for kiosk in kiosks:
            held = connection.execute(select(envelopes.c.bytes).where(envelopes.c.kiosk_id == kiosk.kiosk_id)
                                      .order_by(envelopes.c.seq)).scalars().all()
            assert verify_chain(held, keys=fixed_keys.keys(), kiosk_id=kiosk.kiosk_id).length == LENGTH
            assert held == chains[kiosk.kiosk_id]
    engine.dispose()


def test_no_database_is_503(upstream, module_postgres_url, postgres_server_url, tmp_path):
    kiosk = register(upstream, "zuil-nodb-01", fixed_keys.signing_key(), tmp_path / "k")
    name = make_url(module_postgres_url).database
    admin = create_engine(postgres_server_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:  # the module's database is gone (the fixture's DROP ... IF EXISTS is a no-op)
        connection.execute(text(f'DROP DATABASE "{name}" WITH (FORCE)'))
    admin.dispose()
    with kiosk.client() as client:
        answer = client.post(f"{upstream.service}/v1/envelopes", content=envelope_of("zuil-nodb-01", 1).encoded)
    assert answer.status_code == 503 and answer.json()["reason"] == "unavailable"
