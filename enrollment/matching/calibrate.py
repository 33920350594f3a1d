"""Command that (re)derives the calibration block of ``parameters.py``; :mod:`calibration` states the protocol.

    python -m enrollment.matching.calibrate /work/data/fvc2002 [--write]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from enrollment.matching import calibration as cal


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=cal.__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("root", type=Path, help="folder of folders of <finger>_<impression> templates or images")
    parser.add_argument("--write", action="store_true", help="rewrite the calibration block of parameters.py")
    args = parser.parse_args(argv)
    folders = sorted(d for d in args.root.iterdir() if d.is_dir())
    labelled = [item for folder in folders for item in cal.load_folder(folder)]
    genuine, impostor = cal.pair_scores(labelled)
    for folder in folders:
        g, i = cal.pair_scores([(label, t) for label, t in labelled if label.startswith(folder.name + "/")])
        print(f"{folder.name}: {len(g)} genuine, {len(i)} impostor, EER {100 * cal.equal_error_rate(g, i):.2f} %")
    fitted = cal.fit(impostor)
    for half in (1, 0):
        part = [(label, t) for label, t in labelled if int(label.split("/")[1]) % 2 == half]
        rest = [(label, t) for label, t in labelled if int(label.split("/")[1]) % 2 != half]
        half_fit = cal.fit(cal.pair_scores(part)[1])
        held = cal.pair_scores(rest)[1]
        counts = ", ".join(f"{name}: {int((held >= half_fit.threshold(f)).sum())} of {len(held)} (expected "
                           f"{f * len(held):.2f})" for name, f in cal.FMR_NAMES.items())
        print(f"fit on {'odd' if half else 'even'} fingers, held-out impostors at or above: {counts}")
    fnmr = ", ".join(f"{name} {100 * float((genuine < fitted.threshold(f)).mean()):.2f} %"
                     for name, f in cal.FMR_NAMES.items())
    print(f"all: {len(genuine)} genuine, {len(impostor)} impostor; FNMR at {fnmr}")
    protocol = (f"{len(impostor)} impostor pairs (all different-finger pairs) of {len(labelled)} templates in "
                f"{', '.join(f.name for f in folders)}; knots to {cal.KNOT_MIN_SAMPLES} samples, tail fit over "
                f"the top {100 * cal.TAIL_FRACTION:g} %")
    snippet = cal.format_parameters(fitted, protocol)
    print(snippet)
    if args.write:
        cal.write_parameters(snippet)
    return 0


if __name__ == "__main__":
    sys.exit(main())
