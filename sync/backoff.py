"""The uploader's wait after a failed attempt: exponential backoff with full jitter.

After the ``attempt``-th failure in a row (counting from 1) the wait is a random number of seconds between 0 and
``min(CAP_S, BASE_S * 2 ** attempt)`` (``sync/PROTOCOL.md``, "The kiosk's uploader"): a failing upstream is not
hammered, and kiosks that lost it together do not come back together.
"""

from __future__ import annotations

import random

BASE_S = 1.0  # the first wait is at most 2 s
CAP_S = 600.0  # never more than 10 minutes between attempts, however long the upstream was away


def ceiling(attempt: int) -> float:
    """The longest wait after the ``attempt``-th failure in a row."""
    return min(CAP_S, BASE_S * 2.0 ** min(max(attempt, 0), 64))


def backoff_delay(attempt: int, rng: random.Random) -> float:
    """A wait drawn uniformly from 0 to :func:`ceiling` of ``attempt``, in seconds."""
    return rng.uniform(0.0, ceiling(attempt))
