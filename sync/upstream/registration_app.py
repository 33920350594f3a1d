"""The registration listener's app (server certificate only): ``GET /v1/ca.pem`` and ``POST /v1/register``."""

from __future__ import annotations

import datetime
import json
import os

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from sync.upstream import authority, database
from sync.upstream.answers import ANSWERED, limited_body, refusal
from sync.upstream.errors import RequestInvalid
from sync.upstream.folder import ENVIRONMENT, UpstreamFolder, open_folder
from sync.upstream.registration import register

MAX_REQUEST_BYTES = 64 * 1024
SERVICE_URL = "ZUIL_UPSTREAM_SERVICE_URL"  # what the answer names as the service listener


def create_registration_app(folder: UpstreamFolder | None = None, service_url: str | None = None) -> Starlette:
    """The app for ``folder`` (default: ``ZUIL_UPSTREAM_DIR``), answering ``service_url`` (default:
    ``ZUIL_UPSTREAM_SERVICE_URL``) as the service listener's address."""
    folder = folder or open_folder(os.environ[ENVIRONMENT])
    service_url = service_url or os.environ[SERVICE_URL]
    engine = database.make_engine(folder.database)
    ca_pem = authority.pem(folder.ca_certificate())

    async def ca(_request: Request) -> Response:
        return Response(ca_pem, media_type="application/x-pem-file")

    async def register_kiosk(request: Request) -> Response:
        try:
            data = await limited_body(request, MAX_REQUEST_BYTES)
            try:
                body = json.loads(data)
            except (ValueError, RecursionError):
                raise RequestInvalid("the body is not JSON") from None
            answer = await run_in_threadpool(register, engine, folder, body, service_url=service_url,
                                             now=datetime.datetime.now(datetime.UTC))
        except ANSWERED as exc:
            return refusal(exc)
        return JSONResponse(answer)

    return Starlette(routes=[Route("/v1/ca.pem", ca, methods=["GET"]),
                             Route("/v1/register", register_kiosk, methods=["POST"])],
                     lifespan=database.disposing(engine))
