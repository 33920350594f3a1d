"""Turns a ZFM confirmation code into the typed error the rest of the kiosk understands."""

from __future__ import annotations

from drivers import errors as e
from drivers.zfm import parameters as p

_MEANING: dict[int, tuple[type[e.DriverError], str]] = {
    p.ST_RECEIVE_ERROR: (e.ProtocolError, "the device reports a packet receive error"),
    p.ST_NO_FINGER: (e.NoFingerError, "no finger on the sensor"),
    p.ST_IMAGE_FAILED: (e.MessyImageError, "the sensor failed to take an image"),
    p.ST_MESSY: (e.MessyImageError, "the image is too messy to make a characteristic"),
    p.ST_FEW_FEATURES: (e.TooFewFeaturesError, "the image has too few feature points"),
    p.ST_NO_MATCH: (e.DeviceStatusError, "the characteristics do not match"),
    p.ST_NOT_FOUND: (e.DeviceStatusError, "no matching template in the library"),
    p.ST_MERGE_FAILED: (e.ImpressionsDifferError, "the two characteristics could not be merged"),
    p.ST_BAD_PAGE: (e.DeviceStatusError, "the library page number is out of range"),
    p.ST_READ_TEMPLATE_FAILED: (e.DeviceStatusError, "the template could not be read (empty or invalid)"),
    p.ST_UP_CHAR_FAILED: (e.DeviceStatusError, "uploading the characteristic failed"),
    p.ST_CANNOT_RECEIVE_DATA: (e.ProtocolError, "the device cannot receive the following data packets"),
    p.ST_UP_IMAGE_FAILED: (e.DeviceStatusError, "uploading the image failed"),
    p.ST_DELETE_FAILED: (e.DeviceStatusError, "deleting the template failed"),
    p.ST_EMPTY_FAILED: (e.DeviceStatusError, "emptying the library failed"),
    p.ST_WRONG_PASSWORD: (e.WrongPasswordError, "the device refused the password"),
    p.ST_INVALID_IMAGE: (e.MessyImageError, "no valid primary image to make a characteristic from"),
    p.ST_FLASH_ERROR: (e.DeviceStatusError, "the device reports a flash write error"),
    p.ST_INVALID_REGISTER: (e.DeviceStatusError, "invalid system parameter register number"),
    p.ST_WRONG_ADDRESS: (e.WrongPasswordError, "the device refused the address"),
    p.ST_PASSWORD_REQUIRED: (e.WrongPasswordError, "the device needs the password verified first"),
}


def describe(code: int) -> str:
    return _MEANING.get(code, (e.DeviceStatusError, "unknown status"))[1]


def error_for(code: int, command: str) -> e.DriverError:
    """The typed error for status ``code`` answered to ``command``."""
    cls, meaning = _MEANING.get(code, (e.DeviceStatusError, "unknown status"))
    detail = f"{command}: status 0x{code:02x}: {meaning}"
    if cls is e.DeviceStatusError:
        return e.DeviceStatusError(detail, code=code)
    return cls(detail)
