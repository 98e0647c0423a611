# Sourced by bench/run.sh and bench/load.sh: sets JAVA_HOME_25 to a JDK 25 (EGRETTA_BENCH_JAVA_HOME, or
# one found under /usr/lib/jvm), or exits with a message naming the calling script.
JAVA_HOME_25="${EGRETTA_BENCH_JAVA_HOME:-}"
if [ -z "$JAVA_HOME_25" ]; then
  for candidate in /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/temurin-25-jdk /usr/lib/jvm/java-25-openjdk-amd64; do
    if [ -x "$candidate/bin/java" ]; then JAVA_HOME_25="$candidate"; break; fi
  done
fi
if [ -z "$JAVA_HOME_25" ]; then
  echo "$(basename "$0"): no JDK 25 found under /usr/lib/jvm; set EGRETTA_BENCH_JAVA_HOME" >&2
  exit 2
fi
