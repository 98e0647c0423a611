#!/usr/bin/env bash
# The load run of issue #15: 1, 8 and 32 concurrent clients for 60 s each against a real
# `egretta serve --rate-limit 0` over ../shared/corpus; writes bench/results/LOAD.md.
#   bench/load.sh                         the full run (~4 minutes plus indexing)
#   bench/load.sh --clients 1,8 --seconds 20   a shorter one
# Other options: --corpus DIR, --work DIR (keeps the index between runs), --out DIR.
set -euo pipefail
cd "$(dirname "$0")/.."

source bench/jdk25.sh

if [ "${EGRETTA_NO_BUILD:-0}" != 1 ]; then
  mvn -B -ntp -q -DskipTests package -pl cli,bench -am
fi
exec "$JAVA_HOME_25/bin/java" -Xmx256m -cp bench/target/egretta-bench.jar dev.egretta.bench.load.LoadHarness \
  --egretta bin/egretta --work bench/target/load-work "$@"
