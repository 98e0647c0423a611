#!/usr/bin/env bash
# Builds the bench module and runs the whole benchmark in one process tree:
#   bench/run.sh            full run (~10 minutes on 2 cores), results in bench/results/
#   bench/run.sh --quick    ~5 minutes
#   bench/run.sh --with-1m  adds the 1M-chunk synthetic corpus (26 minutes in all on 2 cores; up to an hour on a busy machine)
# Other options: --out DIR, --shared DIR, --work DIR, --cache DIR, --skip ingest,coldstart,scifact,synthetic,jmh
set -euo pipefail
cd "$(dirname "$0")/.."

source bench/jdk25.sh

mvn -B -ntp -q -DskipTests package -pl bench -am

# The orchestrating JVM is light (a fixed 512 MB heap); every measured side runs in its own child JVM
# with its own fixed heap (see ChildJvm and BenchRunner.HEAP).
exec nice -n 5 "$JAVA_HOME_25/bin/java" -Xms512m -Xmx512m --add-modules jdk.incubator.vector \
  --enable-native-access=ALL-UNNAMED -Djava.awt.headless=true \
  -jar bench/target/egretta-bench.jar "$@"
