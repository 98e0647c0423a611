#!/usr/bin/env bash
# apt-get install for the .ci/setup.d scripts: as root, or through sudo; refreshes the package lists first.
# Usage: bash .ci/apt-install.sh PACKAGE...
set -euo pipefail
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  SUDO="sudo"
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update
$SUDO apt-get install -y --no-install-recommends "$@"
