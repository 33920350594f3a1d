"""The upstream service's typed errors (all :class:`sync.errors.SyncError`); each maps to one JSON answer of
``sync/PROTOCOL.md``."""

from __future__ import annotations

from sync.errors import SyncError


class UpstreamError(SyncError):
    """Base of the upstream service's errors: a folder, a setting or a database that is not as it must be."""


class RequestInvalid(UpstreamError):
    """A registration request that is not well formed (answered 400, reason ``request``)."""


class TokenRefused(UpstreamError):
    """An enrollment token that is unknown, used, expired or issued for another kiosk (403, reason ``token``)."""


class KioskRefused(UpstreamError):
    """An envelope of another kiosk than the client certificate's, or from a revoked or unknown kiosk (403,
    reason ``kiosk``)."""


class ChainFault(UpstreamError):
    """An envelope out of its kiosk's chain (409): ``reason`` is ``gap``, ``fork`` or ``replay``; ``expected`` the
    sequence number the upstream expects next."""

    def __init__(self, reason: str, expected: int, detail: str) -> None:
        self.reason = reason
        self.expected = expected
        self.detail = detail
        super().__init__(f"{reason}: {detail} (expected sequence {expected})")


class Unavailable(UpstreamError):
    """The upstream's database cannot be reached now (503, reason ``unavailable``)."""
