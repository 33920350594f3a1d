"""Fixtures of the key tests: a cheaper Argon2id for the in-process tests (the file states what it was sealed
with, so these files open like any other), and a passphrase."""

from __future__ import annotations

import pytest

from enrollment.keys import parameters

PASSPHRASE = "correct horse battery staple"


@pytest.fixture(autouse=True)
def cheap_argon2(monkeypatch):
    """8 MiB and one pass instead of 64 MiB and three: the smallest cost a key file may state."""
    monkeypatch.setattr(parameters, "ARGON2_MEMORY_KIB", 8 * 1024)
    monkeypatch.setattr(parameters, "ARGON2_TIME_COST", 1)
