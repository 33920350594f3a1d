"""A keyed record store (``store``) and an audit log (``log``) in the test's folder, as the access tests have them."""

from tests.enrollment.access.conftest import log, store  # noqa: F401 - fixtures, registered here by import
