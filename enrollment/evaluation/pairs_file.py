"""The pairs CSV read by ``zuil score-pairs`` (columns ``a,b``) and the scores CSV it writes (``a,b,score``).

Paths in the pairs file are relative to the file's own folder (absolute paths are taken as they are). The
scores file is written atomically (temporary file in the same folder, fsync, rename): a crash leaves either
the old file or the new one, never half of it. A pair whose image yielded no template gets an empty score.
"""

from __future__ import annotations

import csv
import io
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from enrollment.atomic_files import write_text_atomically
from enrollment.bounded_read import InputFileError, read_bounded
from enrollment.errors import EnrollmentError
from enrollment.evaluation import parameters
from enrollment.evaluation.engines.base import TwoStageEngine
from enrollment.evaluation.scoring import PreparedImages, prepare_images, score_pairs

REQUIRED_COLUMNS = ("a", "b")


class PairsFileError(EnrollmentError, ValueError):
    """The pairs CSV is unreadable or malformed; the message names the file, the row and the problem."""


@dataclass(frozen=True)
class PairRow:
    a: str  # as written in the file
    b: str
    a_path: Path
    b_path: Path


def read_pairs(csv_path: str | Path, *, check_files: bool = True) -> list[PairRow]:
    """The pairs of ``csv_path`` in file order; raises :class:`PairsFileError` for any malformed row."""
    path = Path(csv_path)
    folder = path.parent
    try:
        text = read_bounded(path, parameters.MAX_PAIRS_FILE_BYTES, what="pairs file").decode("utf-8")
        with io.StringIO(text, newline="") as handle:
            reader = csv.DictReader(handle)
            columns = [c.strip() for c in (reader.fieldnames or [])]
            missing = [c for c in REQUIRED_COLUMNS if c not in columns]
            if missing:
                raise PairsFileError(
                    f"{path}: header {columns or '(empty file)'} lacks column(s) {', '.join(missing)}; "
                    f"expected a header line 'a,b'"
                )
            reader.fieldnames = columns
            rows = []
            for row in reader:
                line = reader.line_num
                a, b = (row.get(c) for c in REQUIRED_COLUMNS)
                if a is None or b is None or not a.strip() or not b.strip():
                    raise PairsFileError(f"{path}, row {line}: column a or b is empty")
                a, b = a.strip(), b.strip()
                pair = PairRow(a, b, folder / a, folder / b)
                if check_files:
                    for name, p in (("a", pair.a_path), ("b", pair.b_path)):
                        if not p.is_file():
                            raise PairsFileError(f"{path}, row {line}: image {p} (column {name}) does not exist")
                rows.append(pair)
    except InputFileError as exc:
        raise PairsFileError(str(exc)) from exc
    except (UnicodeDecodeError, csv.Error) as exc:
        raise PairsFileError(f"{path}: not a readable UTF-8 CSV file ({exc})") from exc
    if not rows:
        raise PairsFileError(f"{path}: no pairs after the header")
    return rows


def format_score(score: float) -> str:
    return "" if not math.isfinite(score) else f"{score:.10g}"


def write_atomically(path: str | Path, lines: Iterable[Sequence[str]]) -> None:
    """Write CSV rows to ``path`` atomically (see :mod:`enrollment.atomic_files`)."""
    buffer = io.StringIO(newline="")
    csv.writer(buffer).writerows(lines)
    write_text_atomically(path, buffer.getvalue())


def write_scores(path: str | Path, rows: Sequence[PairRow], scores: Sequence[float]) -> None:
    body = ((r.a, r.b, format_score(s)) for r, s in zip(rows, scores, strict=True))
    write_atomically(path, [("a", "b", "score"), *body])


@dataclass(frozen=True)
class ScoredFile:
    rows: list[PairRow]
    scores: list[float]
    images: list[Path]  # the distinct images, in first-use order
    prepared: PreparedImages


def score_file(
    pairs_csv: str | Path,
    out: str | Path,
    engine: TwoStageEngine,
    *,
    workers: int = parameters.WORKERS,
    progress: bool = True,
) -> ScoredFile:
    """Read ``pairs_csv``, extract each distinct image once, score every row, write ``out`` atomically."""
    rows = read_pairs(pairs_csv)
    distinct: dict[Path, int] = {}
    for row in rows:
        for path in (row.a_path, row.b_path):
            distinct.setdefault(path.resolve(), len(distinct))
    images = list(distinct)
    prepared = prepare_images(engine, images, workers=workers, progress=progress)
    index_pairs = [(distinct[r.a_path.resolve()], distinct[r.b_path.resolve()]) for r in rows]
    scores = score_pairs(engine, prepared.items, index_pairs, workers=workers, progress=progress)
    write_scores(out, rows, scores)
    return ScoredFile(rows, scores, images, prepared)
