"""Read the project's YAML files (quizzes, answer notes, chapter dates) with one error style."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml


def load_yaml(path: Path, error: type[Exception], what: str = "file") -> Any:
    """Parse `path`; a missing or malformed file raises `error` with the file's name in it."""
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise error(f"{path}: {what} not found") from None
    except yaml.YAMLError as exc:
        raise error(f"{path.name}: not valid YAML ({exc})") from None
