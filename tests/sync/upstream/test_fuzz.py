"""The two apps' request bodies fuzzed in-process (httpx's ASGI transport, which raises any exception the app does
not answer): whatever arrives, the answer is one of PROTOCOL.md's, never a 500. The client certificate the service
listener would put in the scope (sync.upstream.tls_protocol) is put there by a wrapper."""

from __future__ import annotations

import asyncio
import datetime

import httpx
import pytest
from cryptography.hazmat.primitives.asymmetric import ec
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sync.upstream import authority
from sync.upstream.init import init_upstream
from sync.upstream.registration import issue_token, register
from sync.upstream.registration_app import create_registration_app
from sync.upstream.service_app import create_service_app
from tests.sync import fixed_keys
from tests.sync.upstream.harness import chain_of, csr_for

KIOSK = "zuil-fuzz-01"
FUZZ = settings(derandomize=True, max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    made = init_upstream(tmp_path_factory.mktemp("fuzz") / "up", "avim", ("127.0.0.1",), None)
    from sync.upstream import database

    engine = database.make_engine(made.database)
    now = datetime.datetime.now(datetime.UTC)
    key = ec.generate_private_key(ec.SECP256R1())
    answer = register(engine, made, {"token": issue_token(engine, KIOSK, now), "kiosk": KIOSK,
                                     "csr": csr_for(KIOSK, key),
                                     "signing_keys": {"1": fixed_keys.signing_key().public_key().public_bytes_raw()
                                                      .hex()}}, service_url="https://127.0.0.1:1", now=now)
    engine.dispose()
    return made, answer["certificate"]


class Caller:
    """Requests to an ASGI app, each in an event loop of its own."""

    def __init__(self, app) -> None:
        self.app = app

    def post(self, path: str, **kwargs) -> httpx.Response:
        async def call() -> httpx.Response:
            async with httpx.AsyncClient(transport=httpx.ASGITransport(self.app), base_url="https://upstream") as c:
                return await c.post(path, **kwargs)
        return asyncio.run(call())


def with_client_certificate(app, pem: str):
    async def wrapped(scope, receive, send):
        if scope["type"] == "http":
            scope.setdefault("extensions", {})["tls"] = {"client_cert_chain": [pem]}
        await app(scope, receive, send)
    return wrapped


@pytest.fixture(scope="module")
def service(folder):
    made, certificate = folder
    return Caller(with_client_certificate(create_service_app(made), certificate))


@pytest.fixture(scope="module")
def registration(folder):
    return Caller(create_registration_app(folder[0], "https://127.0.0.1:1"))


VALID = chain_of(KIOSK, 2)


@FUZZ
@given(st.one_of(st.binary(max_size=600),
                 st.tuples(st.sampled_from([e.encoded for e in VALID]), st.integers(0, 10**6), st.integers(0, 255))
                 .map(lambda t: t[0][:t[1] % len(t[0])] + bytes([t[2]]) + t[0][t[1] % len(t[0]) + 1:])))
def test_any_envelope_body_gets_one_of_the_protocols_answers(service, body):
    answer = service.post("/v1/envelopes", content=body, headers={"content-type": "application/cbor"})
    assert answer.status_code in (200, 400, 403, 409), answer.text
    if answer.status_code == 400:
        assert answer.json()["reason"] == "invalid" and answer.json()["field"]


JSON = st.recursive(st.none() | st.booleans() | st.integers() | st.text(max_size=20),
                    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=12), inner,
                                                                                 max_size=4), max_leaves=12)


@FUZZ
@given(st.one_of(JSON, st.fixed_dictionaries({"token": JSON, "kiosk": JSON, "csr": JSON, "signing_keys": JSON}),
                 st.fixed_dictionaries({"token": st.text(max_size=50), "kiosk": st.sampled_from([KIOSK, "zuil-x-01"]),
                                        "csr": st.text(max_size=100),
                                        "signing_keys": st.dictionaries(st.text(max_size=3), st.text(max_size=70),
                                                                        max_size=2)})))
def test_any_registration_body_is_refused_with_a_reason(registration, body):
    answer = registration.post("/v1/register", json=body)
    assert answer.status_code in (400, 403), answer.text
    assert answer.json()["reason"] in ("request", "token")


def test_a_body_that_is_not_json_is_400(registration):
    answer = registration.post("/v1/register", content=b"\xff{")
    assert answer.status_code == 400 and answer.json()["reason"] == "request"


def test_hits_list_identifications_with_a_hit_only(folder, service):
    folder = folder[0]
    from sync.kinds import EnvelopeKind
    from sync.upstream import admin, database
    from tests.sync.upstream.harness import envelope_of

    engine = database.make_engine(folder.database)
    held = admin.chain_list(engine)[0]["held"]
    previous = bytes.fromhex(admin.chain_list(engine)[0]["head"])
    for decision in ("no_hit", "hit"):
        held += 1
        envelope = envelope_of(KIOSK, held, previous, kind=EnvelopeKind.IDENTIFICATION,
                               payload={"result": "r", "intake": f"intake-{decision}", "decision": decision,
                                        "threshold": "t", "gallery_size": 5, "created": 1_800_000_000})
        assert service.post("/v1/envelopes", content=envelope.encoded).status_code == 200
        previous = envelope.hash
    assert admin.hits(engine) == [{"kiosk": KIOSK, "seq": held, "intake": "intake-hit", "created": 1_800_000_000}]
    engine.dispose()
    assert authority.fingerprint(folder.ca_certificate())
