"""Synthetic fingerprints (SFinGe-style images and a minutia-level population model) for tests and demos."""
