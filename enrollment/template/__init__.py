"""Fingerprint templates: the immutable minutiae model and its persisted forms (native binary, ISO 19794-2)."""

from enrollment.template.iso19794_2 import from_iso, to_iso
from enrollment.template.model import FINGER_POSITIONS, KIND_BIFURCATION, KIND_ENDING, Template
from enrollment.template.native import deserialize, serialize
from enrollment.template.read import detect_format, read_template_file, read_templates

__all__ = [
    "FINGER_POSITIONS",
    "KIND_BIFURCATION",
    "KIND_ENDING",
    "Template",
    "deserialize",
    "detect_format",
    "from_iso",
    "read_template_file",
    "read_templates",
    "serialize",
    "to_iso",
]
