"""The README's first screen tells a fork that the launch buttons need its address, and how."""

from __future__ import annotations

from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]


def test_first_screen_names_the_placeholder_and_the_command_that_sets_it():
    first_screen = "\n".join((ROOT / "README.md").read_text(encoding="utf-8").splitlines()[:25])
    url = yaml.safe_load((ROOT / "_config.yml").read_text())["repository"]["url"]
    assert "python scripts/set_repository.py https://github.com/" in first_screen
    assert (ROOT / "scripts" / "set_repository.py").exists()
    if "/OWNER/" in url:  # still the placeholder: the README must say so
        assert url.removeprefix("https://") in first_screen
