"""What uvicorn needs for the service listener's mutual TLS.

- :func:`service_ssl_context`, uvicorn's ``ssl_context_factory``: uvicorn's own context (server certificate,
  ``CERT_REQUIRED``, the upstream's CA) plus the CRL, checked for the client's certificate
  (``VERIFY_CRL_CHECK_LEAF``). The CRL is read when the listener starts: a revocation reaches the TLS layer at
  the next start (the app refuses a revoked kiosk at once from the database).
- :class:`ClientCertH11Protocol`, uvicorn's ``http`` protocol class: its H11 protocol, which does not put the
  client certificate in the ASGI scope; this subclass does, per connection, as the ASGI TLS extension's
  ``scope["extensions"]["tls"]["client_cert_chain"]`` (a list holding the peer certificate's PEM; the rest of
  the chain is not available from Python's ``ssl``).
"""

from __future__ import annotations

import ssl
from collections.abc import Callable
from pathlib import Path
from typing import Any

from uvicorn.config import Config
from uvicorn.protocols.http.h11_impl import H11Protocol

from sync.upstream.folder import CRL


def service_ssl_context(config: Config, default: Callable[[], ssl.SSLContext]) -> ssl.SSLContext:
    """uvicorn's context with the CRL next to the CA file (``ssl_ca_certs``) loaded and checked."""
    context = default()
    context.load_verify_locations(cafile=str(Path(str(config.ssl_ca_certs)).with_name(CRL)))
    context.verify_flags |= ssl.VERIFY_CRL_CHECK_LEAF
    return context


class ClientCertH11Protocol(H11Protocol):
    def connection_made(self, transport: Any) -> None:  # type: ignore[override]
        super().connection_made(transport)
        ssl_object = transport.get_extra_info("ssl_object")
        der = ssl_object.getpeercert(binary_form=True) if ssl_object is not None else None
        if der is None:
            return
        tls = {"client_cert_chain": [ssl.DER_cert_to_PEM_cert(der)], "tls_version": None, "cipher_suite": None}
        app = self.app

        async def with_client_certificate(scope, receive, send):  # type: ignore[no-untyped-def]
            scope.setdefault("extensions", {})["tls"] = tls
            await app(scope, receive, send)

        self.app = with_client_certificate
