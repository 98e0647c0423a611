#!/usr/bin/env bash
# The load run of issue #15: 1, 8 and 32 concurrent clients for 60 s each against a real
# `egretta serve --rate-limit 0` over ../shared/corpus; writes bench/results/LOAD.md.
#   bench/load.sh                         the full run (~4 minutes plus indexing)
#   bench/load.sh --clients 1,8 --seconds 20   a shorter one
# Other options: --corpus DIR, --work DIR (keeps the index between runs), --out DIR.
set -euo pipefail
cd "$(dirname "$0")/.."

JAVA_HOME_25="${EGRETTA_BENCH_JAVA_HOME:-}"
if [ -z "$JAVA_HOME_25" ]; then
  for candidate in /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/temurin-25-jdk /usr/lib/jvm/java-25-openjdk-amd64; do
    if [ -x "$candidate/bin/java" ]; then JAVA_HOME_25="$candidate"; break; fi
  done
fi
[ -n "$JAVA_HOME_25" ] || { echo "load.sh: no JDK 25 found under /usr/lib/jvm; set EGRETTA_BENCH_JAVA_HOME" >&2; exit 2; }

if [ "${EGRETTA_NO_BUILD:-0}" != 1 ]; then
  mvn -B -ntp -q -DskipTests package -pl cli,bench -am
fi
exec "$JAVA_HOME_25/bin/java" -Xmx256m -cp bench/target/egretta-bench.jar dev.egretta.bench.load.LoadHarness \
  --egretta bin/egretta --work bench/target/load-work "$@"
