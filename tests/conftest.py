from __future__ import annotations

from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parent.parent.parent / "shared"


@pytest.fixture(scope="session")
def shared() -> Path:
    if not SHARED.is_dir():
        pytest.skip("../shared is not present")
    return SHARED


# Hypothesis: a fixed, derandomized profile for CI; bench/properties_long.py selects "long".
try:
    import os

    from hypothesis import settings

    settings.register_profile("ci", max_examples=60, deadline=None, derandomize=True, print_blob=True)
    settings.register_profile("long", max_examples=2000, deadline=None, derandomize=False, print_blob=True)
    settings.load_profile(os.environ.get("CHRONOS_HYPOTHESIS_PROFILE", "ci"))
except ImportError:  # pragma: no cover - hypothesis is a test extra
    pass
