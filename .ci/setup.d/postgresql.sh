#!/usr/bin/env bash
# The PostgreSQL session-store contract test starts a throw-away server from Debian's postgresql
# package (initdb/pg_ctl under /usr/lib/postgresql/*/bin). Idempotent: installs only when absent.
set -euo pipefail
if compgen -G "/usr/lib/postgresql/*/bin/initdb" > /dev/null; then
  echo "postgresql already installed: $(ls -d /usr/lib/postgresql/*/bin | head -1)"
  exit 0
fi
bash "$(dirname "$0")/../apt-install.sh" postgresql
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  SUDO="sudo"
fi
# The package may start a cluster service; the tests start their own on a free port, so stop it.
if command -v pg_ctlcluster > /dev/null; then
  $SUDO service postgresql stop > /dev/null 2>&1 || true
fi
