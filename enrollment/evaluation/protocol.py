"""The dataset and the all-pairs protocol: which images exist, which pairs are genuine, which impostor.

A dataset is a folder of FVC-style images named ``<finger>_<impression>.<ext>`` (e.g. ``101_3.tif``), with or
without a synthetic ``manifest.json`` next to them (read only for a resolution it may state). The protocol:

- **genuine** pairs: every pair of impressions i < j of the same finger (10 fingers x 8 impressions: 280);
- **impostor** pairs: every pair of images of different fingers (10 x 8: 80*79/2 - 280 = 2,880).

This is the full cross-finger protocol, larger than the FVC competition's (which compares only the first
impressions of different fingers, 45 pairs per set); it gives FMR a resolution of 1/2,880 on a B set.
Images are ordered by (finger, impression) so that pairs come out in one deterministic order.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from itertools import combinations
from pathlib import Path

from enrollment.bounded_read import InputFileError, read_bounded
from enrollment.errors import EnrollmentError
from enrollment.evaluation import parameters

_NAME = re.compile(r"^(?P<finger>[A-Za-z0-9-]+)_(?P<impression>\d+)$")


class DatasetError(EnrollmentError, ValueError):
    """A dataset folder is missing, empty or has no usable ``<finger>_<impression>`` images."""


@dataclass(frozen=True)
class Sample:
    path: Path
    finger: str
    impression: int


@dataclass(frozen=True)
class Pair:
    a: int  # index into Dataset.samples
    b: int
    genuine: bool


@dataclass(frozen=True)
class Dataset:
    root: Path
    samples: tuple[Sample, ...]
    dpi: int | None  # from the manifest, if it states one; else each image's own resolution is used
    synthetic: bool

    @property
    def finger_count(self) -> int:
        return len({s.finger for s in self.samples})


def _finger_key(finger: str) -> tuple[int, int | str]:
    return (0, int(finger)) if finger.isdigit() else (1, finger)


def load_dataset(root: str | Path) -> Dataset:
    """Find the images of a dataset folder; raises :class:`DatasetError` when there are none."""
    folder = Path(root)
    if not folder.is_dir():
        raise DatasetError(f"dataset folder {folder} does not exist or is not a folder")
    samples = []
    for path in folder.iterdir():
        if path.suffix.lower() not in parameters.IMAGE_EXTENSIONS or not path.is_file():
            continue
        match = _NAME.match(path.stem)
        if match:
            samples.append(Sample(path, match["finger"], int(match["impression"])))
    if not samples:
        raise DatasetError(
            f"no images named <finger>_<impression>.<ext> in {folder} "
            f"(extensions: {', '.join(parameters.IMAGE_EXTENSIONS)})"
        )
    samples.sort(key=lambda s: (_finger_key(s.finger), s.impression, s.path.suffix))
    seen: set[tuple[str, int]] = set()
    for s in samples:
        if (s.finger, s.impression) in seen:
            raise DatasetError(f"{folder}: finger {s.finger} impression {s.impression} exists in two formats")
        seen.add((s.finger, s.impression))
    manifest = folder / parameters.MANIFEST_NAME
    return Dataset(folder, tuple(samples), _manifest_dpi(manifest), manifest.exists())


def _manifest_dpi(manifest: Path) -> int | None:
    if not manifest.exists():
        return None
    try:
        data = json.loads(read_bounded(manifest, parameters.MAX_MANIFEST_BYTES, what="manifest").decode("utf-8"))
    except (InputFileError, UnicodeDecodeError, json.JSONDecodeError, RecursionError) as exc:
        raise DatasetError(f"{manifest} is not readable JSON: {exc}") from exc
    if not isinstance(data, dict):
        return None
    for key in ("dpi", "resolution_dpi", "resolution"):
        value = data.get(key)
        if isinstance(value, int | float) and not isinstance(value, bool) and 100 <= value <= 2000:
            return int(value)
    return None


def all_pairs(dataset: Dataset, limit: int | None = None) -> list[Pair]:
    """Every genuine and impostor pair (see the module docstring), genuine first, each in index order.

    ``limit`` keeps only the first ``limit`` fingers (a quick run on part of a set).
    """
    samples = dataset.samples
    indices = range(len(samples))
    if limit is not None:
        keep = sorted({s.finger for s in samples}, key=_finger_key)[:limit]
        indices = [i for i in indices if samples[i].finger in keep]
    genuine, impostor = [], []
    for i, j in combinations(indices, 2):
        same = samples[i].finger == samples[j].finger
        (genuine if same else impostor).append(Pair(i, j, same))
    return genuine + impostor
