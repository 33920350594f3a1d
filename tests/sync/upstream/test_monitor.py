"""The national monitor (``zuil upstream monitor``) over a real upstream folder and database (SQLite file, and
PostgreSQL), with envelopes from three registered kiosks at two locations ingested as the service ingests them
(sealed parts sealed to the upstream's key): every count checked against hand-computed figures, the reference
date's cut, the small-cell rule, no personal data in any output byte, a real PNG, and the CLI end to end."""

from __future__ import annotations

import calendar
import datetime
import hashlib
import json
import subprocess
import uuid

import pytest
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

from sync import canonical
from sync.envelope import GENESIS, seal_aad, sign_envelope
from sync.kinds import EnvelopeKind
from sync.sealing import seal
from sync.upstream import database
from sync.upstream.ingest import ReceiptSigner, ingest
from sync.upstream.init import init_upstream
from sync.upstream.monitor import monitor, shown, write_monitor
from sync.upstream.registration import issue_token, register
from tests.sync import fixed_keys
from tests.sync.upstream.harness import ZUIL, csr_for

TA1, TA2, BU1 = "zuil-ta-01", "zuil-ta-02", "zuil-bu-01"
PERSONS = {name: str(uuid.UUID(int=0xABC0 + n, version=4)) for n, name in enumerate(("P1", "P2", "P3", "PX"))}
V_NUMBERS = {"P1": "1234567890", "P2": "2345678901", "P3": "3456789012"}
INTAKES = {name: str(uuid.UUID(int=0xD00D0 + n, version=4))
           for n, name in enumerate(("A1", "A2", "A3", "B1", "B2", "B3"))}


def at(year: int, month: int, day: int) -> int:
    return calendar.timegm((year, month, day, 12, 0, 0))


class Chain:
    def __init__(self, engine, signer, key, kiosk_id: str) -> None:
        self.engine, self.signer, self.key, self.kiosk_id = engine, signer, key, kiosk_id
        self.seq, self.previous = 0, GENESIS

    def send(self, kind: EnvelopeKind, payload: dict, secret: dict | None = None) -> None:
        self.seq += 1
        envelope_id = str(uuid.UUID(hashlib.sha256(f"{self.kiosk_id}/{self.seq}".encode()).hexdigest()[:32], version=4))
        if secret is not None:
            payload = {**payload, "sealed": seal(self.key.public_key(), canonical.encode(secret),
                                                 seal_aad(envelope_id, self.kiosk_id, self.seq, str(kind)))}
        envelope = sign_envelope(fixed_keys.signing_key(), key_version=1, envelope_id=envelope_id,
                                 kiosk_id=self.kiosk_id, sequence=self.seq, previous_hash=self.previous, kind=kind,
                                 created=payload.get("started", 1_800_000_000), payload=payload)
        ingest(self.engine, self.signer, self.kiosk_id, envelope.encoded)
        self.previous = envelope.hash

    def intake(self, name: str, location: str, started: int, person: str) -> None:
        self.send(EnvelopeKind.INTAKE,
                  {"intake": INTAKES[name], "location": location, "status": "completed", "biometrics": True,
                   "has_v_number": True, "started": started, "finished": started + 600, "captures": []},
                  {"v_number": V_NUMBERS.get(person), "person": PERSONS[person], "templates": []})

    def identification(self, name: str, decision: str, created: int, candidates: list | None = None) -> None:
        self.send(EnvelopeKind.IDENTIFICATION,
                  {"result": str(uuid.uuid4()), "intake": INTAKES[name], "decision": decision,
                   "threshold": "operational", "gallery_size": 7, "created": created},
                  {"candidates": json.dumps(candidates or [], sort_keys=True)})

    def decision(self, name: str, outcome: str, decided: int) -> None:
        self.send(EnvelopeKind.DECISION,
                  {"decision": str(uuid.uuid4()), "intake": INTAKES[name], "outcome": outcome, "officer": "officer-1",
                   "decided": decided, "needs_second_officer": False},
                  {"reason": None, "contra_indications": []})


def candidate(person: str, *locations: str) -> dict:
    return {"person_id": PERSONS[person], "locations": list(locations), "score": 12.5}


def new_upstream(path, kiosk_ids: tuple[str, ...], database_url: str | None = None):
    made = init_upstream(path, "avim", ("127.0.0.1",), database_url)
    engine = database.make_engine(made.database)
    now = datetime.datetime.now(datetime.UTC)
    signer = ReceiptSigner(made.upstream_id, 1, made.receipt_keys()[1])
    chains = {}
    for kiosk_id in kiosk_ids:
        register(engine, made, {"token": issue_token(engine, kiosk_id, now), "kiosk": kiosk_id,
                                "csr": csr_for(kiosk_id, ec.generate_private_key(ec.SECP256R1())),
                                "signing_keys": {"1": fixed_keys.signing_key().public_key().public_bytes_raw().hex()}},
                 service_url="https://127.0.0.1:1", now=now)
        chains[kiosk_id] = Chain(engine, signer, made.sealing_key(), kiosk_id)
    return made, engine, chains


@pytest.fixture(scope="module", params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def upstream(request, tmp_path_factory):
    url = request.getfixturevalue("module_postgres_url") if request.param == "postgres" else None
    made, engine, chains = new_upstream(tmp_path_factory.mktemp("monitor") / "up", (TA1, TA2, BU1), url)
    ta1, ta2, bu1 = chains[TA1], chains[TA2], chains[BU1]
    # ter-apel, 2026-Q1: A1 (P1, no hit), A2 (P2, a hit at its own location only; officer: same person)
    ta1.intake("A1", "ter-apel", at(2026, 1, 15), "P1")
    ta1.identification("A1", "no_hit", at(2026, 1, 15))
    ta2.intake("A2", "ter-apel", at(2026, 2, 10), "P2")
    ta2.identification("A2", "hit", at(2026, 2, 10), [candidate("PX", "ter-apel")])
    ta2.decision("A2", "same_person", at(2026, 2, 11))
    # ter-apel, 2026-Q2: A3, P1 again (a re-entry), a hit on a person enrolled at budel (cross-LVV)
    ta1.intake("A3", "ter-apel", at(2026, 4, 20), "P1")
    ta1.identification("A3", "hit", at(2026, 4, 20), [candidate("PX", "ter-apel"), candidate("P3", "budel")])
    # budel, 2026-Q2: B1 (P3; a no hit, then a V-number mismatch, the last one counts), B2 (P3 again; officer)
    bu1.intake("B1", "budel", at(2026, 5, 5), "P3")
    bu1.identification("B1", "no_hit", at(2026, 5, 5))
    bu1.identification("B1", "vnumber_mismatch", at(2026, 5, 6))
    bu1.intake("B2", "budel", at(2026, 5, 6), "P3")
    bu1.decision("B2", "refer_to_lso", at(2026, 5, 7))
    # after 2026-06-30: B3 (a third person's intake at budel), a late cross-LVV hit on A1, an officer on B1
    bu1.intake("B3", "budel", at(2026, 7, 2), "P2")
    ta1.identification("A1", "hit", at(2026, 7, 3), [candidate("P3", "budel")])
    bu1.decision("B1", "proceed", at(2026, 7, 3))
    yield made, engine
    engine.dispose()


def values(result, min_cell: int = 1) -> dict[str, list[list[str]]]:
    return {t.name: [[shown(c, min_cell) for c in row] for row in t.rows] for t in result.tables}


def test_the_counts_are_the_hand_computed_ones(upstream):
    made, engine = upstream
    tables = values(monitor(engine, made.sealing_key(), datetime.date(2026, 6, 30)))
    assert tables["location_quarter"] == [
        ["budel", "2026-Q1", "0", "0", "0", "0"],
        ["budel", "2026-Q2", "2", "1", "1", "0"],
        ["budel", "all", "2", "1", "1", "0"],
        ["ter-apel", "2026-Q1", "2", "2", "0", "0"],
        ["ter-apel", "2026-Q2", "1", "1", "1", "1"],
        ["ter-apel", "all", "3", "2", "1", "1"],
        ["all", "2026-Q1", "2", "2", "0", "0"],
        ["all", "2026-Q2", "3", "2", "2", "1"],
        ["all", "all", "5", "3", "2", "1"]]
    assert tables["identification_outcomes"] == [  # hit, no_hit, confirmed, mismatch, not performed, none, all
        ["budel", "0", "0", "0", "1", "0", "1", "2"],
        ["ter-apel", "2", "1", "0", "0", "0", "0", "3"],
        ["all", "2", "1", "0", "1", "0", "1", "5"]]
    assert tables["officer_decisions"] == [  # proceed, refer, same, different, correct, none, all
        ["budel", "0", "1", "0", "0", "0", "1", "2"],
        ["ter-apel", "0", "0", "1", "0", "0", "2", "3"],
        ["all", "0", "1", "1", "0", "0", "3", "5"]]


def test_the_reference_date_cuts_what_happened_later(upstream):
    made, engine = upstream
    later = values(monitor(engine, made.sealing_key(), datetime.date(2026, 7, 31)))
    assert later["location_quarter"][-1] == ["all", "all", "6", "3", "3", "2"]  # B3 (P2 again), A1's late hit
    assert ["budel", "2026-Q3", "1", "1", "1", "0"] in later["location_quarter"]
    assert later["identification_outcomes"][-1] == ["all", "3", "0", "0", "1", "0", "2", "6"]
    assert later["officer_decisions"][0] == ["budel", "1", "1", "0", "0", "0", "1", "3"]
    early = values(monitor(engine, made.sealing_key(), datetime.date(2026, 1, 15)))  # the day itself counts
    assert early["location_quarter"] == [["ter-apel", "2026-Q1", "1", "1", "0", "0"],
                                         ["ter-apel", "all", "1", "1", "0", "0"],
                                         ["all", "2026-Q1", "1", "1", "0", "0"], ["all", "all", "1", "1", "0", "0"]]


def test_small_cells_are_suppressed_and_totals_that_cover_them_withheld(upstream):
    made, engine = upstream
    result = monitor(engine, made.sealing_key(), datetime.date(2026, 6, 30))
    assert values(result, 5)["location_quarter"][:3] == [
        ["budel", "2026-Q1", "0", "0", "0", "0"],
        ["budel", "2026-Q2", "<5", "<5", "<5", "0"],
        ["budel", "all", "withheld", "withheld", "withheld", "0"]]
    assert values(result, 5)["location_quarter"][-1] == ["all", "all", "withheld", "withheld", "withheld", "withheld"]
    assert values(result, 3)["identification_outcomes"][1] == ["ter-apel", "<3", "<3", "0", "0", "0", "0", "withheld"]
    assert values(result, 3)["identification_outcomes"][2][-1] == "withheld"  # 5, but it covers cells of 1 and 2


def test_the_output_holds_counts_and_definitions_only(upstream, tmp_path):
    made, engine = upstream
    result = monitor(engine, made.sealing_key(), datetime.date(2026, 6, 30))
    written = write_monitor(result, tmp_path / "out", 1)
    assert sorted(p.name for p in written) == ["definitions.md", "identification_outcomes.csv",
                                               "intakes_per_quarter.png", "location_quarter.csv",
                                               "officer_decisions.csv"]
    secrets = [*PERSONS.values(), *V_NUMBERS.values(), *INTAKES.values(), TA1, TA2, BU1]
    for path in written:
        data = path.read_bytes()
        for secret in secrets:
            assert secret.encode() not in data, (path.name, secret)
    png = (tmp_path / "out" / "intakes_per_quarter.png").read_bytes()
    assert png.startswith(b"\x89PNG\r\n\x1a\n") and len(png) > 5000
    table = (tmp_path / "out" / "location_quarter.csv").read_text()
    assert "# person: A distinct pseudonymous person id" in table and "# cross-LVV duplicate:" in table
    assert "location,quarter,intakes,persons,re_entries,cross_lvv_duplicates\nbudel,2026-Q1,0,0,0,0\n" in table
    assert "re-entry:" in (tmp_path / "out" / "definitions.md").read_text()


def test_the_command_end_to_end(upstream, tmp_path):
    made, _engine = upstream
    done = subprocess.run([ZUIL, "upstream", "monitor", "--dir", str(made.path), "--reference-date", "2026-06-30",
                           "--out", str(tmp_path / "m")], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert "intakes    withheld at 2 locations" in done.stdout
    table = (tmp_path / "m" / "location_quarter.csv").read_text()
    assert "budel,2026-Q2,<5,<5,<5,0" in table
    assert "# small cells: Minimum cell 5: a count from 1 to 4 is written as `<5`;" in table
    assert (tmp_path / "m" / "intakes_per_quarter.png").stat().st_size > 5000
    bad = subprocess.run([ZUIL, "upstream", "monitor", "--dir", str(made.path), "--reference-date", "30-06-2026"],
                         capture_output=True, text=True, timeout=300, cwd=tmp_path)
    assert bad.returncode == 2
    assert bad.stderr.strip().splitlines() == [
        "zuil: UpstreamError: --reference-date '30-06-2026' is not a date (YYYY-MM-DD)"]
    assert not list(tmp_path.glob("monitor-*"))


def test_a_sealed_part_that_does_not_open_is_one_error_naming_the_envelope(tmp_path):
    made, engine, chains = new_upstream(tmp_path / "up", (TA1,))
    chains[TA1].key = X25519PrivateKey.generate()  # the kiosk seals to a key that is not this upstream's
    chains[TA1].intake("A1", "ter-apel", at(2026, 1, 15), "P1")
    engine.dispose()
    done = subprocess.run([ZUIL, "upstream", "monitor", "--dir", str(made.path), "--reference-date", "2026-06-30",
                           "--out", str(tmp_path / "m")], capture_output=True, text=True, timeout=300)
    assert done.returncode == 2
    assert done.stderr.strip().splitlines() == [
        f"zuil: UpstreamError: the intake envelope 1 of kiosk {TA1} cannot be counted: SealInvalid sealed to another "
        "upstream key (rk does not match)"]
    assert not (tmp_path / "m").exists()


def test_an_outcome_this_program_does_not_know_is_a_column_of_its_own(tmp_path):
    made, engine, chains = new_upstream(tmp_path / "up", (BU1,))
    chains[BU1].intake("B1", "budel", at(2026, 5, 5), "P3")
    chains[BU1].decision("B1", "postpone", at(2026, 5, 6))
    table = monitor(engine, made.sealing_key(), datetime.date(2026, 6, 30)).tables[2]
    engine.dispose()
    assert table.header[-2:] == ["postpone", "all"]
    assert [shown(c, 1) for c in table.rows[0]] == ["budel", "0", "0", "0", "0", "0", "0", "1", "1"]
