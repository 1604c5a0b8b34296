"""What every benchmark report says about its run: the commit measured and where the
shared data lives. One place for the three scripts that need it."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def git_commit() -> str:
    """The repository's short HEAD commit (marked if src/ has uncommitted changes)."""
    try:
        done = subprocess.run(
            ["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"],
            capture_output=True,
            text=True,
            check=True,
        )
    except (OSError, subprocess.CalledProcessError):
        return "unknown"
    commit = done.stdout.strip() or "unknown"
    status = subprocess.run(
        ["git", "-C", str(ROOT), "status", "--porcelain", "--untracked-files=no", "--", "src"],
        capture_output=True,
        text=True,
        check=False,
    )
    return commit + " + uncommitted changes in src/" if status.stdout.strip() else commit


def shared_dir() -> Path:
    """``$FRAGMERGE_SHARED`` or ``../shared`` next to the repository."""
    env = os.environ.get("FRAGMERGE_SHARED")
    return Path(env) if env else ROOT.parent / "shared"


def write_report(out: Path, name: str, text: str) -> Path:
    """Write ``text`` to ``out/<name>-YYYY-MM-DD.md`` (today's date) and say so on stderr."""
    out.mkdir(parents=True, exist_ok=True)
    target = out / f"{name}-{date.today().isoformat()}.md"
    target.write_text(text, encoding="utf-8")
    print(f"wrote {target}", file=sys.stderr)
    return target
