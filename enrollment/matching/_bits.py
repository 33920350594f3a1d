"""Numba helpers shared by the kernels: hardware popcount, angle arithmetic, the logistic curve and named
constants records."""

from __future__ import annotations

import math

import numpy as np
from numba import njit, types
from numba.extending import intrinsic

from enrollment.kernel_options import KERNEL

TWO_PI = 2.0 * math.pi


@intrinsic
def popcount64(typingctx, x):
    """The number of set bits of a uint64, as LLVM's ctpop (one POPCNT instruction on x86-64)."""
    sig = types.uint64(types.uint64)

    def codegen(context, builder, signature, args):
        return builder.ctpop(args[0])

    return sig, codegen


@njit(**KERNEL, inline="always")
def angle_difference(a: float, b: float) -> float:
    """a - b folded into [-pi, pi)."""
    d = a - b
    while d < -math.pi:
        d += TWO_PI
    while d >= math.pi:
        d -= TWO_PI
    return d


@njit(**KERNEL, inline="always")
def sigmoid(v: float, mu: float, tau: float) -> float:
    """The logistic curve of MCC's weights: 1 / (1 + exp(-tau * (v - mu)))."""
    return 1.0 / (1.0 + math.exp(-tau * (v - mu)))


def constants_record(**values: float) -> np.ndarray:
    """A kernel's constants as a read-only one-element numpy record array with one field per keyword, in order.

    Integer values get int64 fields, the others float64. A kernel reads them by name (``constants[0].name``).
    Passed as an argument rather than read as globals, they can't go stale in numba's disk cache; a record array
    is as cheap to pass to a numba kernel as a plain array (a namedtuple argument costs about a microsecond more
    per call).
    """
    dtype = np.dtype([(name, np.int64 if isinstance(value, int | np.integer) else np.float64)
                      for name, value in values.items()])
    record = np.array([tuple(values.values())], dtype=dtype)
    record.setflags(write=False)
    return record
