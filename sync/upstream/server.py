"""``zuil upstream serve``: the two listeners on uvicorn. The service listener (mutual TLS, CRL checked) runs with
N worker processes, each building its app from ``create_service_app`` (``factory=True``) with the folder in
``ZUIL_UPSTREAM_DIR``; the registration listener (server certificate only) runs in a process of its own. SIGTERM
or SIGINT stops both: uvicorn's supervisor stops the service workers, then the registration process is stopped.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import ssl

import uvicorn

from sync.upstream import database
from sync.upstream.folder import CA_CERT, ENVIRONMENT, SERVER_CERT, SERVER_KEY, UpstreamFolder
from sync.upstream.registration_app import SERVICE_URL
from sync.upstream.tls_protocol import ClientCertH11Protocol, service_ssl_context


def _tls(folder: UpstreamFolder) -> dict:
    return {"ssl_certfile": str(folder.file(SERVER_CERT)), "ssl_keyfile": str(folder.file(SERVER_KEY))}


def run_registration(folder: UpstreamFolder, bind: str, port: int) -> None:
    """The registration listener, in the foreground (the target of its own process)."""
    uvicorn.run("sync.upstream.registration_app:create_registration_app", factory=True, host=bind, port=port,
                http="h11", log_level="warning", **_tls(folder))


def run_service(folder: UpstreamFolder, bind: str, port: int, workers: int) -> None:
    """The service listener with ``workers`` processes, in the foreground."""
    uvicorn.run("sync.upstream.service_app:create_service_app", factory=True, host=bind, port=port, workers=workers,
                http=ClientCertH11Protocol, ssl_cert_reqs=ssl.CERT_REQUIRED, ssl_ca_certs=str(folder.file(CA_CERT)),
                ssl_context_factory=service_ssl_context, log_level="warning", **_tls(folder))


def serve(folder: UpstreamFolder, *, bind: str, service_port: int, registration_port: int, workers: int) -> None:
    """Both listeners until SIGTERM or SIGINT. The database must be at this program's schema."""
    engine = database.make_engine(folder.database)
    try:
        database.require_current(engine)
    finally:
        engine.dispose()
    os.environ[ENVIRONMENT] = str(folder.path.resolve())
    os.environ[SERVICE_URL] = f"https://{folder.hosts[0]}:{service_port}"
    registration = multiprocessing.get_context("spawn").Process(
        target=run_registration, args=(folder, bind, registration_port), name="upstream-registration")
    registration.start()
    signal.signal(signal.SIGTERM, _stop)  # uvicorn hands a SIGTERM on when it has stopped: end here too
    try:
        run_service(folder, bind, service_port, workers)
    finally:
        registration.terminate()
        registration.join(30)


def _stop(_signal: int, _frame: object) -> None:
    raise SystemExit(0)
