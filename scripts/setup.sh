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
# The build draws a static picture of every chart with Chromium (nk_course.site.pictures):
# Debian's chromium, or the browser that $NK_CHROMIUM names.
if [ -z "${NK_CHROMIUM:-}" ] && ! command -v chromium >/dev/null 2>&1 \
    && ! command -v chromium-browser >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ]; then
    echo "Installing Debian's chromium (the build draws each chart's picture with it)..."
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else
    echo "The build needs Chromium: install it (e.g. 'sudo apt-get install chromium')" \
      "or set NK_CHROMIUM to a Chromium or Chrome binary." >&2
    exit 1
  fi
fi
[ "$kind" = test ] || exit 0
# Test tools outside PyPI: Debian's Chromium (browser tests), Java and npm (the Nu Html
# Checker, vnu-jar, pinned in package.json and package-lock.json).
missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v java >/dev/null 2>&1 || missing+=(default-jre-headless)
command -v npm >/dev/null 2>&1 || missing+=(npm)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    echo "Installing Debian's ${missing[*]} for the tests..."
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  else
    echo "The tests need ${missing[*]}: install them (e.g. 'sudo apt-get install ${missing[*]}')." >&2
    exit 1
  fi
fi
npm_stamp=node_modules/.nk-$(cat package.json package-lock.json | sha256sum | cut -c1-16)
if [ ! -f "$npm_stamp" ]; then
  npm ci --no-audit --no-fund --ignore-scripts --loglevel=error
  touch "$npm_stamp"
fi
