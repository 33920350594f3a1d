"""Numba helpers shared by the kernels: hardware popcount and angle arithmetic."""

from __future__ import annotations

import math

from numba import njit, types
from numba.extending import intrinsic

TWO_PI = 2.0 * math.pi


@intrinsic
def popcount64(typingctx, x):
    """The number of set bits of a uint64, as LLVM's ctpop (one POPCNT instruction on x86-64)."""
    sig = types.uint64(types.uint64)

    def codegen(context, builder, signature, args):
        return builder.ctpop(args[0])

    return sig, codegen


@njit(cache=True, inline="always")
def angle_difference(a: float, b: float) -> float:
    """a - b folded into [-pi, pi)."""
    d = a - b
    while d < -math.pi:
        d += TWO_PI
    while d >= math.pi:
        d -= TWO_PI
    return d
