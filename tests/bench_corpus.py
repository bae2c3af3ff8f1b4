"""The benchmark's plan generator (``benchmarks/generate.py``), loaded for tests that need a
corpus of generated plans of the seed's genre."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parent.parent


def generator() -> ModuleType:
    """``benchmarks/generate.py`` as a module (``generate(n, folder, seed=…)``)."""
    spec = importlib.util.spec_from_file_location("generate", ROOT / "benchmarks" / "generate.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["generate"] = module
    spec.loader.exec_module(module)
    return module
