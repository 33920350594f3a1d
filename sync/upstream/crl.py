"""Writing the upstream's CRL (``crl.pem``) from the revoked kiosks' certificate serials."""

from __future__ import annotations

import datetime
from collections.abc import Iterable

from cryptography.hazmat.primitives import serialization

from enrollment.atomic_files import SHARED, write_bytes_atomically
from sync.upstream import authority
from sync.upstream.folder import CRL, UpstreamFolder


def write_crl(folder: UpstreamFolder, revoked: Iterable[tuple[int, datetime.datetime]]) -> None:
    crl = authority.make_crl(folder.ca_certificate(), folder.ca_key(), revoked, datetime.datetime.now(datetime.UTC))
    write_bytes_atomically(folder.file(CRL), crl.public_bytes(serialization.Encoding.PEM), mode=SHARED)
