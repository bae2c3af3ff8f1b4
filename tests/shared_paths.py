"""Where the development set lives: ``../shared`` beside the repository, or beside the folder
of git worktrees (a worktree sits one folder deeper).  The tests that read it skip, saying
why, where it is missing."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = next(
    (p / "shared" for p in ROOT.parents[:2] if (p / "shared" / "real-plans").is_dir()),
    ROOT.parent / "shared",
)
REAL_PLANS = SHARED / "real-plans"  # the real plans: PDF and text of each
GOLD = ROOT / "tests" / "realplans" / "gold"  # our own gold, read by hand from them
