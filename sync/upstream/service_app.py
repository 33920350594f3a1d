"""The service listener's app (mutual TLS): ``POST /v1/envelopes``, ``POST /v1/envelopes:batch``, ``GET /v1/chain``
and ``GET /v1/feed``.

The kiosk is the one the client certificate names (its CN). uvicorn does not put the client certificate in the
ASGI scope; :mod:`sync.upstream.tls_protocol` does, as the ASGI TLS extension's ``client_cert_chain`` (PEM).
"""

from __future__ import annotations

import os

from cryptography import x509
from cryptography.x509.oid import NameOID
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from sync.batch import MAX_BATCH_BYTES, decode_request, encode_answer
from sync.envelope import MAX_ENVELOPE_BYTES
from sync.upstream import database
from sync.upstream.answers import ANSWERED, envelope_refusal, limited_body, refusal
from sync.upstream.deltas import MAX_LIMIT, delta_for
from sync.upstream.errors import KioskRefused, RequestInvalid
from sync.upstream.folder import ENVIRONMENT, UpstreamFolder, open_folder
from sync.upstream.ingest import ReceiptSigner, held_chain, ingest, ingest_batch


def client_kiosk(request: Request) -> str:
    """The kiosk id of the request's client certificate (CN); :class:`KioskRefused` when there is none (the
    listener requires one, so this only happens behind another server)."""
    chain = request.scope.get("extensions", {}).get("tls", {}).get("client_cert_chain") or []
    if not chain:
        raise KioskRefused("no client certificate")
    names = x509.load_pem_x509_certificate(chain[0].encode("ascii")).subject.get_attributes_for_oid(
        NameOID.COMMON_NAME)
    if len(names) != 1:
        raise KioskRefused("the client certificate names no kiosk")
    return str(names[0].value)


def create_service_app(folder: UpstreamFolder | None = None) -> Starlette:
    """The app for ``folder`` (default: the folder named by the ``ZUIL_UPSTREAM_DIR`` environment variable, as
    ``zuil upstream serve`` starts its workers: ``factory=True``)."""
    folder = folder or open_folder(os.environ[ENVIRONMENT])
    engine = database.make_engine(folder.database)
    version, key = max(folder.receipt_keys().items())
    signer = ReceiptSigner(folder.upstream_id, version, key)
    sealing_key = folder.sealing_key()

    async def envelopes(request: Request) -> Response:
        try:
            kiosk_id = client_kiosk(request)
            data = await limited_body(request, MAX_ENVELOPE_BYTES)
            receipt = await run_in_threadpool(ingest, engine, signer, kiosk_id, data, sealing_key=sealing_key)
        except ANSWERED as exc:
            return refusal(exc)
        return Response(receipt, media_type="application/cbor")

    async def batch(request: Request) -> Response:
        try:
            kiosk_id = client_kiosk(request)
            try:
                datas = decode_request(await limited_body(request, MAX_BATCH_BYTES))
            except ValueError as exc:
                raise RequestInvalid(f"batch: {exc}") from None
            taken = await run_in_threadpool(ingest_batch, engine, signer, kiosk_id, datas, sealing_key=sealing_key)
        except ANSWERED as exc:
            return refusal(exc)
        refused = None
        if taken.refusal is not None:
            status, fields = envelope_refusal(taken.refusal)
            refused = {"index": len(taken.receipts), "status": status, **fields}
        return Response(encode_answer(taken.receipts, refused), media_type="application/cbor")

    async def chain(request: Request) -> Response:
        try:
            kiosk_id = client_kiosk(request)
            held, head = await run_in_threadpool(held_chain, engine, kiosk_id)
        except ANSWERED as exc:
            return refusal(exc)
        return JSONResponse({"kiosk": kiosk_id, "held": held, "head": head.hex()})

    async def feed(request: Request) -> Response:
        try:
            kiosk_id = client_kiosk(request)
            after, limit = _whole(request, "after", 0, 2**63 - 1, 0), _whole(request, "limit", 1, MAX_LIMIT, 1000)
            delta = await run_in_threadpool(delta_for, engine, signer, sealing_key, kiosk_id, after, limit)
        except ANSWERED as exc:
            return refusal(exc)
        return Response(delta, media_type="application/cbor")

    return Starlette(routes=[Route("/v1/envelopes", envelopes, methods=["POST"]),
                             Route("/v1/envelopes:batch", batch, methods=["POST"]),
                             Route("/v1/chain", chain, methods=["GET"]),
                             Route("/v1/feed", feed, methods=["GET"])],
                     lifespan=database.disposing(engine))


def _whole(request: Request, name: str, lowest: int, highest: int, default: int) -> int:
    """A whole-number query parameter within [lowest, highest]; :class:`RequestInvalid` (400) otherwise."""
    text = request.query_params.get(name)
    if text is None:
        return default
    if not text.isdigit() or len(text) > 19 or not lowest <= int(text) <= highest:
        raise RequestInvalid(f"{name}: must be a whole number from {lowest} to {highest}")
    return int(text)
