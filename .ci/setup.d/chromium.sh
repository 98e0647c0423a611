#!/usr/bin/env bash
# The e2e module drives Debian's headless Chromium through chromedriver (Selenium). Idempotent:
# installs only when either is absent. Selenium is pointed at these binaries, never downloads its own.
set -euo pipefail
if command -v chromium > /dev/null && command -v chromedriver > /dev/null; then
  echo "chromium already installed: $(chromium --version 2>/dev/null || echo '?')"
  exit 0
fi
bash "$(dirname "$0")/../apt-install.sh" chromium chromium-driver fonts-dejavu-core
