#!/usr/bin/env bash
# apt-get install for the .ci/setup.d scripts: as root, or through sudo; refreshes the package lists first.
# Usage: bash .ci/apt-install.sh PACKAGE...
set -euo pipefail
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  SUDO="sudo"
fi
export DEBIAN_FRONTEND=noninteractive
# Another apt user (an unattended upgrade, another script) may hold the dpkg lock; wait for it rather than fail.
$SUDO apt-get -o DPkg::Lock::Timeout=600 update
$SUDO apt-get -o DPkg::Lock::Timeout=600 install -y --no-install-recommends "$@"
