#!/usr/bin/env bash
# The retrieval-elasticsearch tests start real Elasticsearch nodes (the integ-test zip from Maven
# Central, unpacked by the build). Elasticsearch refuses to run as root and CI runs as root, so the
# tests start the nodes as this unprivileged user (runuser). Idempotent: creates the user only when absent.
set -euo pipefail
USER_NAME="egretta-es"
if id -u "$USER_NAME" > /dev/null 2>&1; then
  echo "user $USER_NAME already exists"
  exit 0
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  SUDO="sudo"
fi
# A system user without a home or a login shell: it only runs the test nodes.
$SUDO useradd --system --no-create-home --shell /usr/sbin/nologin "$USER_NAME"
echo "created user $USER_NAME"
