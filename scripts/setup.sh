#!/usr/bin/env bash
# Create or update .venv with the pinned requirements; for tests, also make sure Chromium is there.
# Usage: scripts/setup.sh runtime|test
set -euo pipefail
cd "$(dirname "$0")/.."
kind=${1:-runtime}
req=requirements.txt
[ "$kind" = test ] && req=requirements-test.txt
python=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  "$python" -m venv .venv
fi
stamp=.venv/.nk-$kind-$(cat requirements.txt "$req" pyproject.toml | sha256sum | cut -c1-16)
if [ ! -f "$stamp" ]; then
  .venv/bin/python -m pip install --quiet -r "$req"
  touch "$stamp"
fi
if [ "$kind" = test ] && ! command -v chromium >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ]; then
    echo "Installing Debian's chromium for the browser tests..."
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else
    echo "The browser tests need Chromium: install it (e.g. 'sudo apt-get install chromium')." >&2
    exit 1
  fi
fi
