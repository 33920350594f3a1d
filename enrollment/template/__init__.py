"""Fingerprint templates: the immutable minutiae model and its persisted forms."""

from enrollment.template.model import FINGER_POSITIONS, KIND_BIFURCATION, KIND_ENDING, Template

__all__ = ["FINGER_POSITIONS", "KIND_BIFURCATION", "KIND_ENDING", "Template"]
