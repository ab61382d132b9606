#!/usr/bin/env bash
# Takes the README's screenshots (docs/screenshots/*.png) from a running demo (scripts/start.sh;
# PARITRANA_URL if not http://localhost:5000) with the Playwright the browser tests build
# (tests/Paritrana.BrowserTests, built by scripts/test.sh or dotnet build) and /usr/bin/chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
PLAYWRIGHT_DIR=$(ls -d tests/Paritrana.BrowserTests/bin/*/net10.0/.playwright 2>/dev/null | head -n 1)
if [ -z "$PLAYWRIGHT_DIR" ]; then
  echo "Build the browser tests first: dotnet build tests/Paritrana.BrowserTests -c Release" >&2
  exit 1
fi
mkdir -p "${SHOTS_DIR:-docs/screenshots}"
PLAYWRIGHT_PACKAGE="$PWD/$PLAYWRIGHT_DIR/package" exec "$PLAYWRIGHT_DIR/node/linux-x64/node" scripts/screenshots.mjs
