"""`zuil bench sync --ingest` runs a real upstream, registers its kiosks and prints machine, method and figure."""

from __future__ import annotations

from tests.sync.upstream.harness import zuil


def test_the_ingest_bench_prints_machine_method_and_figure(tmp_path):
    output = zuil("bench", "sync", "--ingest", "--database", f"sqlite:///{tmp_path / 'bench.sqlite3'}",
                  "--envelopes", "6", "--kiosks", "2", "--workers", "1")
    lines = dict(line.split(None, 1) for line in output.splitlines())
    assert set(lines) == {"machine", "method", "figure"}
    assert "2 kiosks x 3 envelopes" in lines["method"] and "sqlite" in lines["method"]
    assert "(6 in " in lines["figure"]
