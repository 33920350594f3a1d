"""The wrapping key derived from the technician's passphrase with Argon2id (argon2-cffi, RFC 9106)."""

from __future__ import annotations

import os
import time
from typing import Any

from argon2.low_level import Type, hash_secret_raw

from enrollment.keys import parameters as p
from enrollment.keys.errors import KeyFileCorrupt, WeakPassphrase

SEALING = "passphrase"


def derive(passphrase: str, salt: bytes, *, memory_kib: int, time_cost: int, parallelism: int) -> bytes:
    return hash_secret_raw(passphrase.encode("utf-8"), salt, time_cost=time_cost, memory_cost=memory_kib,
                           parallelism=parallelism, hash_len=p.KEY_BYTES, type=Type.ID)


class PassphraseKek:
    """Seals with the parameters of :mod:`enrollment.keys.parameters`; opens with those the file states."""

    sealing = SEALING

    def __init__(self, passphrase: str) -> None:
        self._passphrase = passphrase

    def new(self) -> tuple[bytes, dict[str, Any]]:
        if len(self._passphrase) < p.MIN_PASSPHRASE_CHARS:
            raise WeakPassphrase(f"the passphrase has {len(self._passphrase)} characters; "
                                 f"at least {p.MIN_PASSPHRASE_CHARS} are needed")
        salt = os.urandom(p.SALT_BYTES)
        params = {"kdf": "argon2id", "memory_kib": p.ARGON2_MEMORY_KIB, "time_cost": p.ARGON2_TIME_COST,
                  "parallelism": p.ARGON2_PARALLELISM, "salt": salt.hex()}
        return self._derive(params), params

    def recover(self, params: dict[str, Any], where: str) -> bytes:
        limits = {"memory_kib": (8 * 1024, p.ARGON2_MAX_MEMORY_KIB), "time_cost": (1, p.ARGON2_MAX_TIME_COST),
                  "parallelism": (1, p.ARGON2_MAX_PARALLELISM)}
        fine = set(params) == {"kdf", *limits, "salt"} and params["kdf"] == "argon2id" and all(
            type(params[name]) is int and low <= params[name] <= high for name, (low, high) in limits.items())
        try:
            fine = fine and len(bytes.fromhex(params["salt"])) == p.SALT_BYTES
        except (ValueError, TypeError):
            fine = False
        if not fine:
            raise KeyFileCorrupt(f"key file {where} is damaged or altered: Argon2id parameters out of range")
        return self._derive(params)

    def _derive(self, params: dict[str, Any]) -> bytes:
        return derive(self._passphrase, bytes.fromhex(params["salt"]), memory_kib=params["memory_kib"],
                      time_cost=params["time_cost"], parallelism=params["parallelism"])


def describe(params: dict[str, Any]) -> str:
    return (f"Argon2id, {params.get('memory_kib', 0) // 1024} MiB, time cost {params.get('time_cost')}, "
            f"parallelism {params.get('parallelism')}")


def seconds_per_derivation(runs: int = 3) -> list[float]:
    """Wall-clock seconds of ``runs`` derivations with this build's parameters (``zuil keys bench``)."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        derive("a passphrase to time", os.urandom(p.SALT_BYTES), memory_kib=p.ARGON2_MEMORY_KIB,
               time_cost=p.ARGON2_TIME_COST, parallelism=p.ARGON2_PARALLELISM)
        times.append(time.perf_counter() - start)
    return times
