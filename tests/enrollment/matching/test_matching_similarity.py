"""The local-similarity kernel agrees exactly with a plain-Python form of the bit-based MCC similarity.

Reference: Cappelli, Ferrara, Maltoni, "Minutia Cylinder-Code" (IEEE TPAMI 32(12), 2010), the local similarity
of two bit-based cylinders. Cylinders are taken apart into Python integers (one bit per cell) and compared by
the definition, with none of the kernel's shortcuts (the branch-free near-column list, the unmasked counts when
one mask lies inside the other). The last step is the same float expression, so the comparison is exact.
"""

from __future__ import annotations

import math

import numpy as np
import pytest

from enrollment.matching import match, similarity
from enrollment.matching import parameters as p
from enrollment.matching._bits import constants_record
from enrollment.matching.prepared import prepare
from enrollment.matching.similarity import _local


def _as_int(words: np.ndarray) -> int:
    """A cylinder's uint64 words as one Python integer (bit b of word w is bit 64 w + b)."""
    return sum(int(w) << (64 * k) for k, w in enumerate(words))


def reference_local(theta_a, bits_a, masks_a, theta_b, bits_b, masks_b, max_turn, min_matchable_bits):
    """gamma[i * nb + j]: 0 when the minutiae turn more than delta_theta apart (d_phi folded into [-pi, pi)),
    or when fewer than minME bits are valid in both cylinders; else with m those common valid bits (the spatial
    masks' intersection, repeated for every direction cell), c_a = a & m and c_b = b & m,
    ``1 - |c_a xor c_b| / (|c_a| + |c_b|)`` with |.| the Euclidean norm of a bit vector (the square root of its
    bit count), 0 when both c_a and c_b are empty."""
    nd = bits_a.shape[1] // masks_a.shape[1]
    spatial = 64 * masks_a.shape[1]
    gamma = []
    for i in range(len(theta_a)):
        for j in range(len(theta_b)):
            turn = theta_a[i] - theta_b[j]
            turn = turn + 2 * math.pi if turn < -math.pi else turn - 2 * math.pi if turn >= math.pi else turn
            spatial_mask = _as_int(masks_a[i]) & _as_int(masks_b[j])
            m = sum(spatial_mask << (spatial * d) for d in range(nd))
            ca, cb = _as_int(bits_a[i]) & m, _as_int(bits_b[j]) & m
            na, nb = ca.bit_count(), cb.bit_count()
            if abs(turn) > max_turn or m.bit_count() < min_matchable_bits or na + nb == 0:
                gamma.append(0.0)
            else:
                gamma.append(1.0 - math.sqrt((ca ^ cb).bit_count()) / (math.sqrt(na) + math.sqrt(nb)))
    return gamma


def _cylinders(g: np.random.Generator, n: int, mask_words: int, nd: int, masks_from: np.ndarray | None = None):
    """Random cylinders whose bits lie inside their masks (as the cylinder kernel makes them): masks are dense
    random cells, or made from ``masks_from``: equal to one, inside one (narrowed) or around one (widened)."""
    masks = np.zeros((n, mask_words), dtype=np.uint64)
    for i in range(n):
        cells = g.random(64 * mask_words) < g.uniform(0.6, 1.0)
        if masks_from is not None and i % 4 < 3:
            base = np.unpackbits(masks_from[i % len(masks_from)].view(np.uint8), bitorder="little").astype(bool)
            extra = g.random(64 * mask_words) < 0.1
            cells = [base, base & ~extra, base | extra][i % 4]
        masks[i] = np.packbits(cells, bitorder="little").view(np.uint64)
    bits = np.zeros((n, mask_words * nd), dtype=np.uint64)
    density = g.uniform(0.0, 0.5, n)
    density[::5] = 0.0  # some empty cylinders
    for i in range(n):
        for d in range(nd):
            word = np.packbits(g.random(64 * mask_words) < density[i], bitorder="little").view(np.uint64)
            bits[i, d * mask_words:(d + 1) * mask_words] = word & masks[i]
    return g.uniform(0, 2 * math.pi, n), bits, masks


@pytest.mark.parametrize("mask_words, nd", [(1, 2), (1, 3), (4, 6)], ids=["8x8x2", "8x8x3", "16x16x6"])
@pytest.mark.parametrize("seed", range(4))
def test_local_similarity_equals_the_reference(seed, mask_words, nd):
    g = np.random.default_rng(seed)
    na, nb = int(g.integers(1, 9)), int(g.integers(1, 9))
    theta_a, bits_a, masks_a = _cylinders(g, na, mask_words, nd)
    theta_b, bits_b, masks_b = _cylinders(g, nb, mask_words, nd, masks_from=masks_a)
    for min_bits in (0, 0.6 * 64 * mask_words * nd, 0.8 * 64 * mask_words * nd):
        args = (theta_a, bits_a, masks_a, theta_b, bits_b, masks_b, p.MAX_DIRECTION_DIFFERENCE)
        assert _local(*args, min_bits).tolist() == reference_local(*args, min_bits)


def test_the_local_cases_cover_every_branch():
    """The inputs above reach every outcome: turned too far, too few common cells, equal masks, either mask
    inside the other, overlapping masks, and empty cylinders."""
    seen = set()
    for seed in range(4):
        g = np.random.default_rng(seed)
        na, nb = int(g.integers(1, 9)), int(g.integers(1, 9))
        theta_a, bits_a, masks_a = _cylinders(g, na, 4, 6)
        theta_b, _bits_b, masks_b = _cylinders(g, nb, 4, 6, masks_from=masks_a)
        for i in range(na):
            for j in range(nb):
                turn = abs((theta_a[i] - theta_b[j] + math.pi) % (2 * math.pi) - math.pi)
                ma, mb = _as_int(masks_a[i]), _as_int(masks_b[j])
                seen.add("turned" if turn > p.MAX_DIRECTION_DIFFERENCE else
                         "equal" if ma == mb else
                         "a inside b" if ma & mb == ma else
                         "b inside a" if ma & mb == mb else "overlapping")
                if (ma & mb).bit_count() < 0.8 * 256:
                    seen.add("few common cells")
                if _as_int(bits_a[i]) == 0:
                    seen.add("empty")
    assert seen == {"turned", "equal", "a inside b", "b inside a", "overlapping", "few common cells", "empty"}


def test_score_reads_its_constants_by_name(make_finger, impression):
    """CONSTANTS holds the parameters under their names, and the kernels read each field as named: changing one
    field of the record (and nothing else) moves the score."""
    named = {name: similarity.CONSTANTS[0][name].item() for name in similarity.CONSTANTS.dtype.names}
    assert named["max_turn"] == p.MAX_DIRECTION_DIFFERENCE and named["relaxation_weight"] == p.RELAXATION_WEIGHT
    assert named["min_pairs"] == p.MIN_PAIRS and named["radial_tau"] == p.RADIAL_TAU
    g = np.random.default_rng(8)
    finger = make_finger(g)
    a, b = prepare(finger), prepare(impression(finger, g))
    arrays = (a.x, a.y, a.theta, a.bits, a.masks, b.x, b.y, b.theta, b.bits, b.masks)
    base = similarity.score(*arrays, similarity.CONSTANTS)
    assert base == match(a, b) > 0.1
    changes = {"max_turn": 0.2, "min_matchable_bits": 1200, "max_pairs": 20, "relaxation_iterations": 2,
               "relaxation_weight": 0.9, "distance_mu": 10.0, "direction_tau": -10.0, "radial_mu": 0.1}
    for name, value in changes.items():
        assert similarity.score(*arrays, constants_record(**{**named, name: value})) != base, name
