"""`zuil upstream init`: the folder is private, its private keys 0600, the server certificate names every host,
and a second init of the same folder is refused in one line."""

from __future__ import annotations

import ipaddress
import stat
import subprocess

import pytest
from cryptography import x509

from tests.sync.upstream.harness import ZUIL, zuil


def test_init_makes_a_private_folder_and_refuses_a_second_time(tmp_path, lax_umask):
    folder = tmp_path / "up"
    zuil("upstream", "init", "--dir", str(folder), "--id", "avim", "--host", "127.0.0.1", "--host", "localhost")
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    for name in ("ca-key.pem", "server-key.pem", "receipt-key-1.pem", "sealing-key.pem", "upstream.sqlite3"):
        assert stat.S_IMODE((folder / name).stat().st_mode) == 0o600, name
    server = x509.load_pem_x509_certificate((folder / "server.pem").read_bytes())
    names = server.extensions.get_extension_for_class(x509.SubjectAlternativeName).value
    assert names.get_values_for_type(x509.IPAddress) == [ipaddress.ip_address("127.0.0.1")]
    assert names.get_values_for_type(x509.DNSName) == ["localhost"]
    ca = x509.load_pem_x509_certificate((folder / "ca.pem").read_bytes())
    crl = x509.load_pem_x509_crl((folder / "crl.pem").read_bytes())
    assert crl.is_signature_valid(ca.public_key())
    # OpenSSL refuses every client once the CRL's next update has passed: it must not pass before the CA's end
    assert crl.next_update_utc == ca.not_valid_after_utc
    again = subprocess.run([ZUIL, "upstream", "init", "--dir", str(folder), "--id", "avim", "--host", "127.0.0.1"],
                           capture_output=True, text=True, timeout=120)
    assert again.returncode == 2 and again.stderr.count("\n") == 1 and "holds an upstream already" in again.stderr
    assert zuil("upstream", "kiosks", "--dir", str(folder)) == ""  # the database is at the current schema


def test_serve_stops_both_listeners_on_sigint(tmp_path):
    import signal
    import socket

    from tests.sync.upstream.conftest import started

    upstream = started(tmp_path / "up", None)
    upstream.process.send_signal(signal.SIGINT)
    assert upstream.process.wait(60) == 0
    for port in (upstream.service_port, upstream.registration_port):
        with socket.socket() as probe:
            assert probe.connect_ex(("127.0.0.1", port)) != 0, f"port {port} still listening"


@pytest.mark.parametrize("host", ["", "a" * 65, "host name", "ü.example"])
def test_a_host_that_cannot_be_in_the_certificate_is_refused_in_one_line(tmp_path, host):
    from sync.upstream.errors import UpstreamError
    from sync.upstream.init import init_upstream

    with pytest.raises(UpstreamError, match="--host"):
        init_upstream(tmp_path / "up", "avim", (host,), None)
    assert not (tmp_path / "up").exists()
