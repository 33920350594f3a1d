"""A one-paragraph description of the machine a benchmark ran on (figures mean little without it)."""

from __future__ import annotations

import os
import platform
import resource
import sys
from pathlib import Path

import numpy as np


def cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text(encoding="utf-8", errors="replace").splitlines():
            if line.lower().startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine() or "unknown CPU"


def describe() -> list[str]:
    """Lines naming the CPU, cores (present and usable), load, OS and the Python and numpy versions."""
    usable = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    try:
        load = ", ".join(f"{x:.2f}" for x in os.getloadavg())
    except OSError:
        load = "unknown"
    return [
        f"CPU: {cpu_model()}; {os.cpu_count()} logical cores, {usable} usable by this process",
        f"load average (1/5/15 min) at start: {load}  (a shared machine makes timings noisy)",
        f"OS: {platform.system()} {platform.release()} {platform.machine()}",
        f"Python {sys.version.split()[0]} ({platform.python_implementation()}), numpy {np.__version__}",
    ]


def peak_rss_mib() -> float:
    """The peak resident set size of this process so far (Linux reports KiB), in MiB."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def current_rss_mib() -> float | None:
    """The resident set size of this process now, in MiB (Linux ``/proc/self/statm``), or None elsewhere."""
    try:
        resident_pages = int(Path("/proc/self/statm").read_text().split()[1])
    except (OSError, IndexError, ValueError):
        return None
    return resident_pages * os.sysconf("SC_PAGE_SIZE") / 2**20
