"""The property tests of tests/test_properties.py at length: the "long" hypothesis profile
(2000 examples a test, randomized, see tests/conftest.py) instead of CI's fixed 60.

    .venv/bin/python bench/properties_long.py                 # every property, ~2000 examples each
    .venv/bin/python bench/properties_long.py -k timeline -x  # extra arguments go to pytest

Hypothesis keeps any failing example in .hypothesis/ and replays it first on the next run.
"""
from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

if __name__ == "__main__":
    os.environ["CHRONOS_HYPOTHESIS_PROFILE"] = "long"
    os.chdir(ROOT)
    sys.exit(pytest.main([str(ROOT / "tests" / "test_properties.py"), "-q", "-p", "no:cacheprovider", *sys.argv[1:]]))
