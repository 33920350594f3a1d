"""The synthetic template set calibration is fitted on: impressions of synthetic fingers rendered by
:mod:`enrollment.synthesis.generator` and extracted by :mod:`enrollment.extraction`, cached per population seed
and per version of the generator's and extractor's source."""

from __future__ import annotations

from pathlib import Path

from enrollment.atomic_files import write_bytes_atomically
from enrollment.template.model import Template


def _synthetic_finger(task: tuple[int, int, int, str | None]) -> tuple[int, list[bytes | None]]:
    """Serialized templates of impressions 0..n-1 of master ``index`` of population ``seed`` (None: no
    usable foreground), read from / written to the cache folder when one is given."""
    from enrollment.errors import ExtractionError
    from enrollment.extraction import extract  # type: ignore[import-not-found]
    from enrollment.synthesis.generator import render_impression, synthesize_master
    from enrollment.template import serialize

    seed, index, impressions, cache = task
    paths = [Path(cache) / f"{index:06d}_{i}.tpl" for i in range(impressions)] if cache else []
    if paths and all(path.exists() or path.with_suffix(".none").exists() for path in paths):
        return index, [path.read_bytes() if path.exists() else None for path in paths]
    master = synthesize_master(seed, index)
    out: list[bytes | None] = []
    for i in range(impressions):
        try:
            data: bytes | None = serialize(extract(render_impression(master, seed, i).image, dpi=500))
        except ExtractionError:
            data = None
        if paths:  # atomic: an interrupted run never leaves a truncated template
            write_bytes_atomically(paths[i] if data is not None else paths[i].with_suffix(".none"), data or b"")
        out.append(data)
    return index, out


def pipeline_version() -> str:
    """A short hash of the generator's and the extractor's source: the template cache key, so templates
    cached by an earlier extractor are never reused after it changes."""
    import hashlib

    import enrollment.extraction
    import enrollment.quality
    import enrollment.synthesis

    digest = hashlib.sha256()
    for package in (enrollment.synthesis, enrollment.extraction, enrollment.quality):
        root = Path(package.__file__).parent
        for source in sorted(root.rglob("*.py")):
            digest.update(str(source.relative_to(root)).encode() + b"\0" + source.read_bytes())
    return digest.hexdigest()[:12]


def synthetic_templates(seed: int, fingers: int, impressions: int, *, cache: Path | None = None, workers: int = 1,
                        progress: bool = False) -> list[tuple[str, Template]]:
    """Templates of ``impressions`` impressions of each of ``fingers`` synthetic fingers (masters ``0..fingers-1``
    of population ``seed`` from :mod:`enrollment.synthesis.generator`), extracted by the project's extractor and
    labelled ``synthetic-<seed>/<finger>``; impressions without usable foreground are left out. With ``cache``
    the serialized templates are kept in ``cache/<seed>/<pipeline_version()>/`` and reused."""
    from enrollment.template import deserialize

    folder = None
    if cache is not None:
        folder = Path(cache) / str(seed) / pipeline_version()
        folder.mkdir(parents=True, exist_ok=True)
    tasks = [(seed, index, impressions, str(folder) if folder else None) for index in range(fingers)]
    results: dict[int, list[bytes | None]] = {}
    from tqdm import tqdm

    bar = tqdm(total=fingers, desc="synthesize + extract", unit="finger", disable=not progress)
    if workers > 1:
        import multiprocessing

        with multiprocessing.get_context("spawn").Pool(workers) as pool:
            for index, data in pool.imap_unordered(_synthetic_finger, tasks, chunksize=4):
                results[index] = data
                bar.update()
    else:
        for task in tasks:
            index, data = _synthetic_finger(task)
            results[index] = data
            bar.update()
    bar.close()
    return [(f"synthetic-{seed}/{index}", deserialize(data))
            for index in range(fingers) for data in results[index] if data is not None]
