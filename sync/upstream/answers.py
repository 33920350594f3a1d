"""The JSON answers of ``sync/PROTOCOL.md`` for the upstream's typed errors, and reading a request body within
its size limit; shared by the registration and the service app."""

from __future__ import annotations

from sqlalchemy.exc import DBAPIError, IntegrityError
from starlette.requests import Request
from starlette.responses import JSONResponse

from sync.errors import EnvelopeInvalid
from sync.upstream.errors import ChainFault, KioskRefused, RequestInvalid, TokenRefused, Unavailable


class TooLarge(Exception):
    def __init__(self, limit: int) -> None:
        self.limit = limit
        super().__init__(f"over {limit} bytes")


async def limited_body(request: Request, limit: int) -> bytes:
    """The request's body, or :class:`TooLarge` as soon as it passes ``limit`` bytes (nothing more is read)."""
    received = bytearray()
    async for chunk in request.stream():
        received += chunk
        if len(received) > limit:
            raise TooLarge(limit)
    return bytes(received)


def refusal(exc: Exception) -> JSONResponse:
    """The answer to one typed error (or a database error: 503); anything else is not ours to answer."""
    if isinstance(exc, EnvelopeInvalid | ChainFault):
        status, fields = envelope_refusal(exc)
        return JSONResponse(fields, status)
    if isinstance(exc, RequestInvalid):
        return JSONResponse({"reason": "request", "detail": str(exc)}, 400)
    if isinstance(exc, TokenRefused):
        return JSONResponse({"reason": "token", "detail": str(exc)}, 403)
    if isinstance(exc, KioskRefused):
        return JSONResponse({"reason": "kiosk", "detail": str(exc)}, 403)
    if isinstance(exc, TooLarge):
        return JSONResponse({"reason": "size", "detail": str(exc)}, 413)
    if isinstance(exc, Unavailable | DBAPIError) and not isinstance(exc, IntegrityError):
        return JSONResponse({"reason": "unavailable", "detail": "the upstream cannot store now; try again"}, 503)
    raise exc


def envelope_refusal(exc: EnvelopeInvalid | ChainFault) -> tuple[int, dict[str, object]]:
    """The status and JSON fields refusing one envelope: 400 invalid, 409 out of chain."""
    if isinstance(exc, EnvelopeInvalid):
        return 400, {"reason": "invalid", "field": exc.field, "detail": exc.reason}
    return 409, {"reason": exc.reason, "expected": exc.expected, "detail": exc.detail}


ANSWERED = (EnvelopeInvalid, RequestInvalid, TokenRefused, KioskRefused, ChainFault, TooLarge, Unavailable,
            DBAPIError)
