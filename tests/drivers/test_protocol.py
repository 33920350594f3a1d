"""ZFM packet encoding, decoding and the streaming reader, including fuzzing: only typed errors, never a hang."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from drivers.errors import DeviceTimeoutError, ProtocolError
from drivers.zfm import parameters as p
from drivers.zfm.protocol import Packet, PacketReader, bytes_reader, checksum, decode_packet, encode_packet

# VfyPwd with password 0 as the datasheet spells it out: EF01 FFFFFFFF 01 0007 13 00000000 001B
VFY_PWD = bytes.fromhex("ef01ffffffff010007130000000000 1b".replace(" ", ""))


def test_known_vector_encodes_byte_for_byte():
    assert encode_packet(p.PID_COMMAND, b"\x13\x00\x00\x00\x00") == VFY_PWD
    assert decode_packet(VFY_PWD) == Packet(p.PID_COMMAND, b"\x13\x00\x00\x00\x00")


def test_checksum_wraps_at_16_bits():
    payload = b"\xff" * 280
    assert checksum(p.PID_DATA, 282, payload) == (2 + 1 + 26 + 255 * 280) % 65536
    assert decode_packet(encode_packet(p.PID_DATA, payload)).payload == payload


@pytest.mark.parametrize(("mutate", "message"), [
    (lambda b: b"\xef\x02" + b[2:], "bad header at byte 0"),
    (lambda b: b[:2] + b"\x00\x00\x00\x01" + b[6:], "wrong address at byte 2"),
    (lambda b: b[:6] + b"\x05" + b[7:], "unknown packet id 0x05 at byte 6"),
    (lambda b: b[:7] + b"\x00\x01" + b[9:], "bad length 1 at byte 7"),
    (lambda b: b[:7] + b"\x40\x00" + b[9:], "bad length 16384"),
    (lambda b: b[:-1] + bytes([b[-1] ^ 1]), "bad checksum at byte 14"),
    (lambda b: b[:-3], "truncated"),
])
def test_each_defect_is_named_with_its_place(mutate, message):
    with pytest.raises(ProtocolError, match=message):
        decode_packet(mutate(VFY_PWD))
    with pytest.raises(ProtocolError, match=message.split(" at ")[0] if "truncated" not in message else "truncated"):
        PacketReader(bytes_reader(mutate(VFY_PWD))).read_packet(1.0)


def test_reader_reads_consecutive_packets_and_checks_the_expected_kind():
    stream = encode_packet(p.PID_ACK, b"\x00") + encode_packet(p.PID_DATA, b"abc") + encode_packet(p.PID_END, b"")
    reader = PacketReader(bytes_reader(stream))
    assert reader.read_packet(1.0, (p.PID_ACK,)).payload == b"\x00"
    assert reader.read_packet(1.0).payload == b"abc"
    with pytest.raises(ProtocolError, match=r"unexpected end-of-data packet at byte 26, expected ack"):
        reader.read_packet(1.0, (p.PID_ACK,))


def test_silence_is_a_timeout_and_a_cut_packet_is_truncated():
    with pytest.raises(DeviceTimeoutError):
        PacketReader(bytes_reader(b"")).read_packet(0.05)
    with pytest.raises(ProtocolError, match="truncated packet at byte 5"):
        PacketReader(bytes_reader(VFY_PWD[:5])).read_packet(0.05)


def test_encoder_refuses_what_the_wire_cannot_carry():
    for bad in (lambda: encode_packet(0x03, b""), lambda: encode_packet(p.PID_DATA, b"x" * (p.MAX_PAYLOAD + 1)),
                lambda: encode_packet(p.PID_DATA, b"", 1 << 32)):
        with pytest.raises(ValueError):
            bad()


def _drip(data: bytes):
    """A device that sends one byte per read: the reader must still assemble packets."""
    inner = bytes_reader(data)
    return lambda n, timeout: inner(1, timeout)


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=400))
def test_fuzz_random_bytes_give_only_typed_errors(data):
    for read in (bytes_reader(data), _drip(data)):
        reader = PacketReader(read)
        for _ in range(5):  # every call consumes bytes or fails: bounded
            try:
                packet = reader.read_packet(0.01)
            except (ProtocolError, DeviceTimeoutError):
                break
            assert packet.pid in p.PACKET_IDS
    try:
        assert decode_packet(data).pid in p.PACKET_IDS
    except ProtocolError as exc:
        assert str(exc)


_packets = st.builds(lambda pid, payload, addr: encode_packet(pid, payload, addr),
                     st.sampled_from(p.PACKET_IDS), st.binary(max_size=p.MAX_PAYLOAD),
                     st.sampled_from([p.DEFAULT_ADDRESS, 0, 0x12345678]))


@settings(max_examples=300, deadline=None)
@given(_packets, st.data())
def test_fuzz_any_bit_flip_is_detected(packet, data):
    bit = data.draw(st.integers(0, len(packet) * 8 - 1))
    flipped = bytearray(packet)
    flipped[bit // 8] ^= 1 << (bit % 8)
    address = int.from_bytes(packet[2:6], "big")
    with pytest.raises((ProtocolError, DeviceTimeoutError)):
        decoded = decode_packet(bytes(flipped), address)
        # a flip in both checksum-covered and checksum bytes cannot both happen with one bit: never accepted
        raise AssertionError(f"accepted a corrupted packet: {decoded}")
    with pytest.raises((ProtocolError, DeviceTimeoutError)):
        PacketReader(bytes_reader(bytes(flipped)), address).read_packet(0.01)


@settings(max_examples=200, deadline=None)
@given(_packets, st.data())
def test_fuzz_truncations_are_refused(packet, data):
    cut = data.draw(st.integers(0, len(packet) - 1))
    address = int.from_bytes(packet[2:6], "big")
    with pytest.raises(ProtocolError):
        decode_packet(packet[:cut], address)
    with pytest.raises((ProtocolError, DeviceTimeoutError)):
        PacketReader(bytes_reader(packet[:cut]), address).read_packet(0.01)


@settings(max_examples=100, deadline=None)
@given(st.lists(st.builds(encode_packet, st.sampled_from(p.PACKET_IDS), st.binary(max_size=p.MAX_PAYLOAD)),
                min_size=1, max_size=4))
def test_fuzz_valid_streams_round_trip(packets):
    reader = PacketReader(bytes_reader(b"".join(packets)))
    for packet in packets:
        assert reader.read_packet(0.01).encode() == packet
