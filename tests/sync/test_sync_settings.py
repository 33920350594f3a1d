"""The ``[sync]`` settings section, the upstream key file it names, the demo upstream key, and ``zuil sync status``
on a record that is not at the schema."""

from __future__ import annotations

import stat

import pytest
from click.testing import CliRunner
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

from enrollment.errors import SettingsError
from kiosk.cli import main
from kiosk.settings import kiosk_settings_from_mapping
from sync.demo_upstream import PRIVATE_FILE, PUBLIC_FILE, demo_upstream_key, demo_upstream_private_key
from sync.errors import UpstreamKeyError
from sync.upstream_key import load_upstream_key


def test_the_sync_section_names_the_upstream_key_file(tmp_path):
    settings = kiosk_settings_from_mapping({"sync": {"upstream_public_key": "up.pem"}}, "zuil.toml")
    assert settings.sync.upstream_key_path(tmp_path) == tmp_path / "up.pem"
    assert kiosk_settings_from_mapping({}).sync.upstream_key_path(tmp_path) is None
    absolute = kiosk_settings_from_mapping({"sync": {"upstream_public_key": "/etc/up.pem"}}).sync
    assert str(absolute.upstream_key_path(tmp_path)) == "/etc/up.pem"
    with pytest.raises(SettingsError) as caught:
        kiosk_settings_from_mapping({"sync": {"upstream_url": "x"}}, "zuil.toml")
    assert caught.value.key == "sync.upstream_url" and "upstream_public_key" in str(caught.value)
    with pytest.raises(SettingsError, match=r"sync\.upstream_public_key"):
        kiosk_settings_from_mapping({"sync": {"upstream_public_key": 7}}, "zuil.toml")


def test_only_an_x25519_public_key_file_is_taken(tmp_path):
    with pytest.raises(UpstreamKeyError, match=r"absent\.pem"):
        load_upstream_key(tmp_path / "absent.pem")
    (tmp_path / "junk.pem").write_bytes(b"-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n")
    with pytest.raises(UpstreamKeyError, match="not a PEM public key"):
        load_upstream_key(tmp_path / "junk.pem")
    ed = Ed25519PrivateKey.generate().public_key().public_bytes(Encoding.PEM, PublicFormat.SubjectPublicKeyInfo)
    (tmp_path / "ed.pem").write_bytes(ed)
    with pytest.raises(UpstreamKeyError, match="not X25519"):
        load_upstream_key(tmp_path / "ed.pem")


def test_the_demo_upstream_key_is_made_once_and_its_private_half_is_private(tmp_path):
    folder = tmp_path / "demo"
    public = demo_upstream_key(folder)
    assert demo_upstream_key(folder).public_bytes_raw() == public.public_bytes_raw()
    assert demo_upstream_private_key(folder).public_key().public_bytes_raw() == public.public_bytes_raw()
    assert stat.S_IMODE((folder / PRIVATE_FILE).stat().st_mode) == 0o600
    assert load_upstream_key(folder / PUBLIC_FILE).public_bytes_raw() == public.public_bytes_raw()


def test_sync_status_on_a_record_without_the_schema_is_one_line_and_exit_2(tmp_path, monkeypatch):
    monkeypatch.delenv("ZUIL_CONFIG", raising=False)
    result = CliRunner().invoke(main, ["--data-dir", str(tmp_path / "data"), "sync", "status"])
    assert result.exit_code == 2 and "zuil db upgrade" in result.output
    assert len(result.output.strip().splitlines()) == 1 and "Traceback" not in result.output
