"""The all-pairs protocol and dataset discovery."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from enrollment.evaluation.protocol import DatasetError, all_pairs, load_dataset


def _touch_set(folder: Path, fingers: int, impressions: int, ext: str = ".tif") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for f in range(1, fingers + 1):
        for i in range(1, impressions + 1):
            (folder / f"{100 + f}_{i}{ext}").write_bytes(b"")
    return folder


def test_fvc_b_set_has_280_genuine_and_2880_impostor_pairs(tmp_path):
    dataset = load_dataset(_touch_set(tmp_path / "DB1_B", 10, 8))
    (tmp_path / "DB1_B" / "101_1.iso").write_bytes(b"")  # templates next to the images are ignored
    pairs = all_pairs(dataset)
    genuine = [p for p in pairs if p.genuine]
    assert len(genuine) == 280 and len(pairs) - len(genuine) == 2880 == 80 * 79 // 2 - 280
    assert all(dataset.samples[p.a].finger == dataset.samples[p.b].finger for p in genuine)
    assert all(p.a < p.b for p in pairs)
    assert len({(p.a, p.b) for p in pairs}) == len(pairs)


def test_samples_are_ordered_by_finger_then_impression_numerically(tmp_path):
    folder = _touch_set(tmp_path / "set", 2, 10, ".png")
    names = [s.path.name for s in load_dataset(folder).samples]
    assert names[:3] == ["101_1.png", "101_2.png", "101_3.png"] and names[9] == "101_10.png"


def test_limit_keeps_the_first_fingers(tmp_path):
    pairs = all_pairs(load_dataset(_touch_set(tmp_path / "set", 10, 8)), limit=3)
    assert sum(p.genuine for p in pairs) == 3 * 28 and len(pairs) == 24 * 23 // 2


def test_manifest_resolution_and_synthetic_flag(tmp_path):
    folder = _touch_set(tmp_path / "synth", 2, 2, ".png")
    (folder / "manifest.json").write_text(json.dumps({"dpi": 500, "fingers": 2}))
    dataset = load_dataset(folder)
    assert dataset.synthetic and dataset.dpi == 500
    (folder / "manifest.json").write_text("{broken")
    with pytest.raises(DatasetError, match=r"manifest\.json"):
        load_dataset(folder)


def test_dataset_errors(tmp_path):
    with pytest.raises(DatasetError, match="does not exist"):
        load_dataset(tmp_path / "nowhere")
    (tmp_path / "empty").mkdir()
    (tmp_path / "empty" / "readme.txt").write_text("x")
    with pytest.raises(DatasetError, match="no images named"):
        load_dataset(tmp_path / "empty")
    folder = _touch_set(tmp_path / "twice", 1, 2, ".png")
    (folder / "101_1.tif").write_bytes(b"")
    with pytest.raises(DatasetError, match="two formats"):
        load_dataset(folder)
