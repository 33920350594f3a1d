"""A command for another module address gets status 20 from the module's own address, so a client fails at
once instead of waiting out its timeout; SetAdder moves the module, and its answer already comes from there."""

from __future__ import annotations

import pytest

from drivers.errors import ProtocolError
from drivers.zfm import parameters as p
from drivers.zfm.driver import ZfmScanner
from drivers.zfm.protocol import decode_packet, encode_packet


def test_the_driver_at_a_wrong_address_fails_naming_both_addresses(sim):
    # the driver resynchronises past packets for another address within its deadline (noise can hit the
    # address bytes, which the checksum does not cover), then names the address the module answered from
    with pytest.raises(ProtocolError, match=r"wrong address at byte \d+: got 0xffffffff expected 0x12345678"):
        ZfmScanner(str(sim.link_path), address=0x12345678).open()


def test_wrong_address_answer_and_set_adder_on_the_wire(sim):
    import serial

    with serial.Serial(str(sim.link_path), 57600, timeout=5) as raw:
        raw.write(encode_packet(p.PID_COMMAND, bytes([p.CMD_TEMPLATE_NUM]), 0x0000ABCD))
        answer = decode_packet(raw.read(12), p.DEFAULT_ADDRESS)
        assert (answer.pid, answer.payload) == (p.PID_ACK, bytes([p.ST_WRONG_ADDRESS]))
        raw.write(encode_packet(p.PID_COMMAND, bytes([p.CMD_SET_ADDER]) + (0x0000ABCD).to_bytes(4, "big")))
        assert decode_packet(raw.read(12), 0x0000ABCD).payload == bytes([p.ST_OK])
        raw.write(encode_packet(p.PID_DATA, b"not for this module"))  # data for another address: ignored
        raw.write(encode_packet(p.PID_COMMAND, bytes([p.CMD_TEMPLATE_NUM]), 0x0000ABCD))
        assert decode_packet(raw.read(14), 0x0000ABCD).payload == bytes([p.ST_OK, 0, 0])
    with ZfmScanner(str(sim.link_path), address=0x0000ABCD) as scanner:
        assert scanner.params.address == 0x0000ABCD
