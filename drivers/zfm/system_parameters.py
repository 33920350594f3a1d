"""The module's system parameters (the ReadSysPara answer), decoded."""

from __future__ import annotations

from dataclasses import dataclass

from drivers.errors import ProtocolError
from drivers.zfm import parameters as p


@dataclass(frozen=True)
class SystemParameters:
    status_register: int
    system_id: int
    library_size: int
    security_level: int
    address: int
    packet_size: int  # bytes per data packet
    baudrate: int

    @classmethod
    def decode(cls, data: bytes) -> SystemParameters:
        if len(data) < 16:
            raise ProtocolError(f"ReadSysPara answer has {len(data)} parameter bytes, expected 16")
        words = [int.from_bytes(data[i:i + 2], "big") for i in (0, 2, 4, 6, 12, 14)]
        code = words[4]
        if code >= len(p.PACKET_SIZES):
            raise ProtocolError(f"ReadSysPara: packet size code {code} is not 0..3")
        return cls(words[0], words[1], words[2], words[3], int.from_bytes(data[8:12], "big"),
                   p.PACKET_SIZES[code], words[5] * p.BAUD_UNIT)
