"""Link folders that killed simulator runs left in the temporary folder are cleared at the next start; live,
empty and foreign ones are left alone."""

from __future__ import annotations

import os
import tempfile

from drivers.simulator import PtySimulator, SimulatedZfm
from drivers.simulator.stale_links import remove_stale_link_folders
from tests.drivers.ridge_source import RidgePatternSource


def _folder(root, name, *links):
    folder = root / f"zuil-sim-{name}"
    folder.mkdir()
    for link_name, target in links:
        (folder / link_name).symlink_to(target)
    return folder


def test_only_folders_of_dead_links_are_removed(tmp_path):
    master, slave = os.openpty()
    try:
        dead = _folder(tmp_path, "dead", ("ttyZFM-sim", "/dev/pts/999999"), ("ttyZFM-sim.new", "/dev/pts/999998"))
        live = _folder(tmp_path, "live", ("ttyZFM-sim", os.ttyname(slave)))
        empty = _folder(tmp_path, "empty")
        mixed = _folder(tmp_path, "mixed", ("ttyZFM-sim", "/dev/pts/999999"))
        (mixed / "notes.txt").write_text("not a link")
        other = tmp_path / "other-dead"
        other.mkdir()
        (other / "ttyZFM-sim").symlink_to("/dev/pts/999999")
        assert remove_stale_link_folders(tmp_path) == [dead]
        assert not dead.exists() and live.exists() and empty.exists() and mixed.exists() and other.exists()
    finally:
        os.close(master)
        os.close(slave)


def test_a_simulator_start_clears_what_a_killed_run_left(tmp_path, monkeypatch):
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))  # the temporary folder of this test
    left = _folder(tmp_path, "killed", ("ttyZFM-sim", "/dev/pts/999999"))
    sim = PtySimulator(SimulatedZfm(RidgePatternSource(seed=1)), tmp_path / "zuil-sim-now" / "ttyZFM").start()
    try:
        assert not left.exists() and sim.link_path.is_symlink()
    finally:
        sim.stop()
