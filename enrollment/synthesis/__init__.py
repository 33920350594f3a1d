"""Synthetic fingerprints that are no real person's, for tests, demos and benchmarks.

Two generators:

- images, in the spirit of SFinGe (Cappelli, Maio, Maltoni): :func:`synthesize_master` builds a master
  fingerprint from ``(seed, finger index)`` (class, silhouette, orientation field, ridge period map, ridge
  pattern grown by contextual Gabor filtering); :func:`render_impression` makes live-scan impressions of it
  (contact area, placement, plastic distortion, skin condition, sensor noise; a named ``condition`` makes
  it dry, wet, heavily distorted or partial, :mod:`.conditions`); :func:`synthesize_dataset`
  walks a whole set. ``zuil synth`` writes such a set (FVC file names plus ``manifest.json``) or a contact
  sheet.
- minutiae, for scale: :func:`synthesize_minutiae` yields :class:`~enrollment.template.model.Template`
  objects directly and :func:`perturb_template` makes a second impression of one. This is a population
  model for speed and scale tests only, never for accuracy figures.

Steps live in one module each (``orientation_model``, ``ridge_frequency``, ``ridge_pattern``,
``finger_shape``, ``contact_area``, ``distortion``, ``skin_condition``, ``conditions``, ``impression``,
``population``, ``perturbation``);
every constant is in ``parameters``.
"""

from enrollment.synthesis.generator import (
    Impression,
    MasterFinger,
    master_class,
    render_impression,
    synthesize_dataset,
    synthesize_master,
)
from enrollment.synthesis.impression import QualityKnobs
from enrollment.synthesis.perturbation import perturb_template
from enrollment.synthesis.population import synthesize_minutiae

__all__ = [
    "Impression",
    "MasterFinger",
    "QualityKnobs",
    "master_class",
    "perturb_template",
    "render_impression",
    "synthesize_dataset",
    "synthesize_master",
    "synthesize_minutiae",
]
