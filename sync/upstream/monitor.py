"""The national monitor (``zuil upstream monitor``): counts at an aggregated level, from the envelopes the upstream
holds, as of a fixed reference date, each table with the definitions it uses written next to it.

:func:`monitor` opens the intakes' sealed parts (the pseudonymous person id) and the hits' candidates (their
locations) with the upstream's sealing key and hands back counts only: no person id, V-number, intake id or kiosk
id leaves it. :func:`write_monitor` writes one CSV per table, ``definitions.md`` and a PNG chart, with every count
from 1 to ``min_cell`` - 1 written as ``<min_cell>`` and every total that covers such a cell withheld.
"""

from __future__ import annotations

import csv
import datetime
import io
import json
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
from sqlalchemy import Engine, select

from enrollment.atomic_files import write_text_atomically
from sync import canonical
from sync.envelope import seal_aad
from sync.errors import SealInvalid
from sync.sealing import open_sealed
from sync.upstream.errors import UpstreamError
from sync.upstream.models import envelopes

ALL = "all"
WITHHELD = "withheld"

DEFINITIONS: dict[str, str] = {
    "reference date": "Everything is counted as the upstream holds it now, limited to what happened on or before the "
                      "reference date (until 24:00 UTC that day): intakes by their `started`, identifications by "
                      "their `created`, officers' decisions by their `decided`. Envelopes a kiosk has not yet "
                      "delivered are not counted.",
    "intake": "An intake envelope whose `started` is on or before the reference date, whatever its `status` (open, "
              "completed, aborted). An intake id held in more than one envelope is counted once (the last one "
              "held).",
    "location": "The intake's `location` field, as the kiosk reported it (the LVV).",
    "quarter": "The calendar quarter (UTC) of the intake's `started`, written YYYY-Qn.",
    "person": "A distinct pseudonymous person id, from the intake's sealed part. Persons are only as distinct as the "
              "kiosks' person ids: the same human enrolled at two LVVs without a 1:N hit has two ids and counts as "
              "two persons. In a total row a person with intakes in several cells is counted once, so a persons "
              "total is not the sum of its cells.",
    "re-entry": "An intake of a person who had an earlier intake (by `started`, at any location) on or before the "
                "reference date: the intakes of a person other than the first. Re-entries = intakes - persons "
                "over the whole country.",
    "cross-LVV duplicate": "An intake with at least one identification envelope whose decision is `hit` and whose "
                           "sealed candidates name a location (a candidate's `locations`) other than the intake's "
                           "own location. Counted once per intake, in the intake's location and quarter.",
    "identification outcome": "Per intake, the `decision` of its last identification envelope (by `created`): hit, "
                              "no_hit, vnumber_confirmed, vnumber_mismatch or not_performed; `none` when the upstream "
                              "holds no identification for the intake. Each intake counts in exactly one category.",
    "officer decision": "Per intake, the `outcome` of its last officer's decision envelope (by `decided`): proceed, "
                        "refer_to_lso, same_person, different_person or correct_vnumber, whether or not an override "
                        "was confirmed by a second officer; `none` when no decision is held. Each intake counts in "
                        "exactly one category.",
    "small cells": "Minimum cell {min_cell}: a count from 1 to {last} is written as `<{min_cell}`; 0 is written as "
                   "0. A total (a row or column `all`) is written as `withheld` when it is itself such a count or "
                   "when any cell it covers is suppressed, so that no suppressed cell can be recomputed from the "
                   "totals. The chart draws no bar for a suppressed cell.",
}

IDENTIFICATION_OUTCOMES = ("hit", "no_hit", "vnumber_confirmed", "vnumber_mismatch", "not_performed", "none")
OFFICER_OUTCOMES = ("proceed", "refer_to_lso", "same_person", "different_person", "correct_vnumber", "none")


@dataclass(frozen=True)
class Cell:
    """A count; a total also carries the counts of the cells it covers (for the small-cell rule)."""
    value: int
    covers: tuple[int, ...] | None = None


@dataclass
class Table:
    name: str  # the CSV file's stem
    title: str
    definitions: tuple[str, ...]
    header: list[str]
    rows: list[list[str | Cell]] = field(default_factory=list)


@dataclass
class Monitor:
    """Counts only: the tables, and intakes per (location, quarter) for the chart."""
    reference_date: datetime.date
    tables: list[Table]
    intakes: dict[tuple[str, str], int]


@dataclass
class _Intake:  # personal: never leaves this module
    intake_id: str
    location: str
    quarter: str
    started: int
    person: str
    outcome: tuple[int, str] = (0, "none")
    officer: tuple[int, str] = (0, "none")
    cross_lvv: bool = False


def quarter_of(seconds: int) -> str:
    moment = datetime.datetime.fromtimestamp(seconds, datetime.UTC)
    return f"{moment.year}-Q{(moment.month - 1) // 3 + 1}"


def _cutoff(reference_date: datetime.date) -> int:
    """The first second after the reference date (UTC)."""
    end = datetime.datetime.combine(reference_date + datetime.timedelta(days=1), datetime.time(), datetime.UTC)
    return int(end.timestamp())


def _opened(key: X25519PrivateKey, body: dict, payload: dict) -> dict:
    aad = seal_aad(body["id"], body["kiosk"], body["seq"], body["kind"])
    return canonical.decode(open_sealed(key, payload["sealed"], aad))


def _held(engine: Engine, kinds: tuple[str, ...]) -> Iterator[dict]:
    """The body of every held envelope of ``kinds``, in (kiosk, seq) order (verified when it came in), read in
    batches."""
    with engine.connect() as connection:
        rows = connection.execution_options(yield_per=500).execute(
            select(envelopes.c.bytes).where(envelopes.c.kind.in_(kinds))
            .order_by(envelopes.c.kiosk_id, envelopes.c.seq))
        for row in rows:
            yield canonical.decode(canonical.decode(row.bytes)["body"])


@contextmanager
def _reading(body: dict) -> Iterator[None]:
    """An envelope whose payload lacks a field the monitor reads, or whose sealed part does not open with this
    upstream's key, as one :class:`UpstreamError` naming the envelope (kiosk and sequence number only)."""
    try:
        yield
    except (KeyError, TypeError, ValueError, OverflowError, SealInvalid) as exc:
        raise UpstreamError(f"the {body['kind']} envelope {body['seq']} of kiosk {body['kiosk']} cannot be counted: "
                            f"{type(exc).__name__} {exc}") from None


def _other_location(candidates_json: str, own: str) -> bool:
    candidates = json.loads(candidates_json)
    return any(location != own for candidate in candidates if isinstance(candidate, dict)
               for location in candidate.get("locations") or ())


def _intakes(engine: Engine, key: X25519PrivateKey, cutoff: int) -> list[_Intake]:
    found: dict[str, _Intake] = {}
    for body in _held(engine, ("intake",)):
        with _reading(body):
            payload = body["payload"]
            if int(payload["started"]) < cutoff:
                found[payload["intake"]] = _Intake(str(payload["intake"]), str(payload["location"]),
                                                   quarter_of(payload["started"]), int(payload["started"]),
                                                   str(_opened(key, body, payload)["person"]))
    for body in _held(engine, ("identification", "decision")):
        with _reading(body):
            payload = body["payload"]
            intake = found.get(payload["intake"])
            if intake is not None and body["kind"] == "identification" and int(payload["created"]) < cutoff:
                if payload["created"] >= intake.outcome[0]:
                    intake.outcome = (payload["created"], str(payload["decision"]))
                if payload["decision"] == "hit" and _other_location(_opened(key, body, payload)["candidates"],
                                                                     intake.location):
                    intake.cross_lvv = True
            if intake is not None and body["kind"] == "decision" and intake.officer[0] <= int(payload["decided"]) \
                    < cutoff:
                intake.officer = (payload["decided"], str(payload["outcome"]))
    return sorted(found.values(), key=lambda i: (i.started, i.intake_id))


def _measures(intakes: list[_Intake], first: set[str]) -> list[int]:
    return [len(intakes), len({i.person for i in intakes}), sum(i.intake_id not in first for i in intakes),
            sum(i.cross_lvv for i in intakes)]


def _location_quarter(intakes: list[_Intake], locations: list[str], quarters: list[str]) -> Table:
    first: set[str] = set()
    seen: set[str] = set()
    for intake in intakes:  # in order of started
        if intake.person not in seen:
            seen.add(intake.person)
            first.add(intake.intake_id)
    table = Table("location_quarter", "Intakes, persons, re-entries and cross-LVV duplicates by location and quarter",
                  ("reference date", "intake", "location", "quarter", "person", "re-entry", "cross-LVV duplicate",
                   "small cells"),
                  ["location", "quarter", "intakes", "persons", "re_entries", "cross_lvv_duplicates"])
    cells = {(loc, q): _measures([i for i in intakes if (i.location, i.quarter) == (loc, q)], first)
             for loc in locations for q in quarters}

    def total(keys: list[tuple[str, str]], members: list[_Intake]) -> list[Cell]:
        return [Cell(value, tuple(cells[k][m] for k in keys)) for m, value in enumerate(_measures(members, first))]

    for loc in locations:
        for q in quarters:
            table.rows.append([loc, q, *(Cell(v) for v in cells[(loc, q)])])
        table.rows.append([loc, ALL, *total([(loc, q) for q in quarters], [i for i in intakes if i.location == loc])])
    for q in quarters:
        table.rows.append([ALL, q, *total([(loc, q) for loc in locations], [i for i in intakes if i.quarter == q])])
    table.rows.append([ALL, ALL, *total(list(cells), intakes)])
    return table


def _by_category(name: str, title: str, definition: str, intakes: list[_Intake], locations: list[str],
                 categories: tuple[str, ...], attribute: str) -> Table:
    categories = (*categories, *sorted({getattr(i, attribute)[1] for i in intakes} - set(categories)))  # newer ones
    table = Table(name, title, ("reference date", "intake", "location", definition, "small cells"),
                  ["location", *categories, ALL])
    counts = {(loc, c): sum(1 for i in intakes if i.location == loc and getattr(i, attribute)[1] == c)
              for loc in locations for c in categories}
    for loc in locations:
        row = [counts[(loc, c)] for c in categories]
        table.rows.append([loc, *(Cell(v) for v in row), Cell(sum(row), tuple(row))])
    columns = [tuple(counts[(loc, c)] for loc in locations) for c in categories]
    table.rows.append([ALL, *(Cell(sum(col), col) for col in columns),
                       Cell(sum(counts.values()), tuple(counts.values()))])
    return table


def monitor(engine: Engine, key: X25519PrivateKey, reference_date: datetime.date) -> Monitor:
    """The monitor's tables as of ``reference_date`` from the envelopes held in ``engine``'s database (``key``: the
    upstream's sealing key). Counts only."""
    intakes = _intakes(engine, key, _cutoff(reference_date))
    locations = sorted({i.location for i in intakes})
    quarters = sorted({i.quarter for i in intakes})
    tables = [
        _location_quarter(intakes, locations, quarters),
        _by_category("identification_outcomes", "Intakes by identification outcome and location",
                     "identification outcome", intakes, locations, IDENTIFICATION_OUTCOMES, "outcome"),
        _by_category("officer_decisions", "Intakes by officer's decision and location", "officer decision",
                     intakes, locations, OFFICER_OUTCOMES, "officer"),
    ]
    per_cell = {(loc, q): sum(1 for i in intakes if (i.location, i.quarter) == (loc, q))
                for loc in locations for q in quarters}
    return Monitor(reference_date, tables, per_cell)


def shown(cell: str | Cell, min_cell: int) -> str:
    """What the output says for ``cell`` under the small-cell rule (DEFINITIONS["small cells"])."""
    if isinstance(cell, str):
        return cell
    small = 0 < cell.value < min_cell
    if cell.covers is None:
        return f"<{min_cell}" if small else str(cell.value)
    if small or any(0 < part < min_cell for part in cell.covers):
        return WITHHELD
    return str(cell.value)


def _definitions_text(names: tuple[str, ...] | list[str], min_cell: int) -> list[str]:
    small = DEFINITIONS["small cells"].format(min_cell=min_cell, last=min_cell - 1) if min_cell > 1 \
        else "Minimum cell 1: no count is suppressed and every total is written."
    return [f"{name}: {small if name == 'small cells' else DEFINITIONS[name]}" for name in names]


def table_csv(table: Table, reference_date: datetime.date, min_cell: int) -> str:
    out = io.StringIO()
    out.write(f"# {table.title}, reference date {reference_date.isoformat()}\n")
    for line in _definitions_text(table.definitions, min_cell):
        out.write(f"# {line}\n")
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(table.header)
    for row in table.rows:
        writer.writerow([shown(cell, min_cell) for cell in row])
    return out.getvalue()


def definitions_markdown(result: Monitor, min_cell: int) -> str:
    lines = [f"# National monitor, reference date {result.reference_date.isoformat()}", "",
             "Counts only, from the envelopes the upstream holds; no person id, V-number or intake id.", "",
             "## Tables", ""]
    lines += [f"- `{table.name}.csv`: {table.title}." for table in result.tables]
    lines += ["- `intakes_per_quarter.png`: intakes per quarter per location (grouped bars; a suppressed cell is "
              "drawn as no bar and labelled with its `<` mark).", "", "## Definitions", ""]
    lines += [f"- {line}" for line in _definitions_text(list(DEFINITIONS), min_cell)]
    return "\n".join(lines) + "\n"


def write_monitor(result: Monitor, out: Path, min_cell: int) -> list[Path]:
    """Write the tables (CSV), ``definitions.md`` and the chart into ``out`` (made if missing), each atomically;
    the paths written."""
    from sync.upstream.monitor_chart import write_chart

    out.mkdir(parents=True, exist_ok=True)
    written = []
    for table in result.tables:
        path = out / f"{table.name}.csv"
        write_text_atomically(path, table_csv(table, result.reference_date, min_cell))
        written.append(path)
    write_text_atomically(out / "definitions.md", definitions_markdown(result, min_cell))
    written.append(out / "definitions.md")
    chart = out / "intakes_per_quarter.png"
    write_chart(chart, result.intakes, result.reference_date, min_cell)
    written.append(chart)
    return written
