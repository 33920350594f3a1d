"""Template files are read with a bound that no template reaches, and their errors name the file."""

from __future__ import annotations

import dataclasses

import pytest

from enrollment.bounded_read import InputTooLargeError, NotRegularFileError
from enrollment.errors import TemplateFormatError
from enrollment.template import Template, iso19794_2, native, read_template_file, serialize, to_iso
from enrollment.template.model import MAX_MINUTIAE
from enrollment.template.read import MAX_TEMPLATE_BYTES


def _template() -> Template:
    return Template.create(width=300, height=400, positions=[[10, 20], [200, 300]], directions=[0.5, 4.0])


def test_the_bound_is_above_the_largest_template_of_either_form():
    largest_iso = 24 + 255 * (4 + MAX_MINUTIAE * 6 + 2 + 0xFFFF)
    assert largest_iso == 17_103_129 and largest_iso < MAX_TEMPLATE_BYTES
    extras = {f"k{i:02d}".ljust(native.MAX_EXTRA_KEY, "x"): bytes(native.MAX_EXTRA_VALUE)
              for i in range(native.MAX_EXTRAS)}
    positions = [[i % 300, i % 400] for i in range(MAX_MINUTIAE)]
    full = Template.create(width=300, height=400, positions=positions, directions=[0.0] * MAX_MINUTIAE)
    largest_native = len(serialize(dataclasses.replace(full, extras=extras)))
    assert largest_native == 16_780_381 and largest_native < MAX_TEMPLATE_BYTES


@pytest.mark.parametrize("encode", [serialize, to_iso])
def test_a_template_file_is_read(tmp_path, encode):
    path = tmp_path / "t.bin"
    path.write_bytes(encode(_template()))
    (read,) = read_template_file(path)
    assert read.width == 300 and len(read) == 2


def test_refusals_name_the_file(tmp_path):
    junk = tmp_path / "junk.iso"
    junk.write_bytes(iso19794_2.MAGIC + b"junk")
    with pytest.raises(TemplateFormatError, match=rf"^{junk}: ISO record of 8 bytes is shorter"):
        read_template_file(junk)
    with pytest.raises(NotRegularFileError, match=rf"^{tmp_path}: a directory"):
        read_template_file(tmp_path)
    big = tmp_path / "big.tpl"
    with big.open("wb") as handle:
        handle.truncate(MAX_TEMPLATE_BYTES + 1)
    with pytest.raises(InputTooLargeError, match=rf"^{big}: template file of {MAX_TEMPLATE_BYTES + 1} bytes"):
        read_template_file(big)
