#!/usr/bin/env bash
# Builds the bench module and runs the whole benchmark in one process tree:
#   bench/run.sh            full run (~10 minutes on 2 cores), results in bench/results/
#   bench/run.sh --quick    ~5 minutes
#   bench/run.sh --with-1m  adds the 1M-chunk synthetic corpus (26 minutes in all on 2 cores; up to an hour on a busy machine)
# Other options: --out DIR, --shared DIR, --work DIR, --cache DIR, --skip ingest,coldstart,scifact,synthetic,jmh
set -euo pipefail
cd "$(dirname "$0")/.."

JAVA_HOME_25="${EGRETTA_BENCH_JAVA_HOME:-}"
if [ -z "$JAVA_HOME_25" ]; then
  for candidate in /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/temurin-25-jdk /usr/lib/jvm/java-25-openjdk-amd64; do
    if [ -x "$candidate/bin/java" ]; then JAVA_HOME_25="$candidate"; break; fi
  done
fi
if [ -z "$JAVA_HOME_25" ]; then
  echo "run.sh: no JDK 25 found under /usr/lib/jvm; set EGRETTA_BENCH_JAVA_HOME" >&2
  exit 2
fi

mvn -B -ntp -q -DskipTests package -pl bench -am

# The orchestrating JVM is light (a fixed 512 MB heap); every measured side runs in its own child JVM
# with its own fixed heap (see ChildJvm and BenchRunner.HEAP).
exec nice -n 5 "$JAVA_HOME_25/bin/java" -Xms512m -Xmx512m --add-modules jdk.incubator.vector \
  --enable-native-access=ALL-UNNAMED -Djava.awt.headless=true \
  -jar bench/target/egretta-bench.jar "$@"
