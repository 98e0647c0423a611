#!/usr/bin/env bash
# The full reliability suites of issue #15, one command each (`mvn -B -ntp verify` runs small versions of all):
#   bench/reliability.sh isolation        20 organisations, 16 clients, 20,000 requests   (server IsolationMatrixTest)
#   bench/reliability.sh crash            200 kill -9 of `egretta index`                  (cli IndexCrashLoopIT)
#   bench/reliability.sh sessions         8 writers at once, then 200 kill -9 of writers  (cli SessionStoreCrashTest)
#   bench/reliability.sh fuzz [SECONDS]   each Jazzer target for SECONDS (default 600)
#   bench/reliability.sh load [ARGS]      bench/load.sh: 1, 8 and 32 clients for 60 s
#   bench/reliability.sh all              all of the above, in this order
# The scales come from the `reliability` Maven profile (root pom.xml); seeds are printed and can be
# replayed with -Degretta.isolation.seed=, -Degretta.crash.seed=, -Degretta.sessions.seed= in MAVEN_ARGS.
set -euo pipefail
cd "$(dirname "$0")/.."
MVN=(mvn -B -ntp -Preliability ${MAVEN_ARGS:-})
ONE=(-Dsurefire.failIfNoSpecifiedTests=false -Dfailsafe.failIfNoSpecifiedTests=false)

isolation() { "${MVN[@]}" -pl server -am verify -Dtest=IsolationMatrixTest "${ONE[@]}" -DskipITs; }
crash() { "${MVN[@]}" -pl cli -am verify -Dtest=none -Dit.test=IndexCrashLoopIT "${ONE[@]}"; }
sessions() { "${MVN[@]}" -pl cli -am verify -Dtest=SessionStoreCrashTest "${ONE[@]}" -DskipITs; }
fuzz() {
  local seconds="${1:-600}" hostile="${EGRETTA_SHARED:-../shared}/hostile-pdfs"
  # The PDF target starts from the hostile PDFs: Jazzer reads its generated corpus folder as seeds.
  local pdf_corpus=retrieval-lucene/.cifuzz-corpus/dev.egretta.lucene.PdfExtractionFuzzTest/anyBytesGiveTextOrARejection
  if [ -d "$hostile" ]; then
    mkdir -p "$pdf_corpus"
    find "$hostile" -type f -size -2M ! -name '*.tsv' -exec cp {} "$pdf_corpus/" \;
  fi
  for target in server:RequestFuzzTest server:KeysFileFuzzTest server:SseFramingFuzzTest \
      retrieval-lucene:PdfExtractionFuzzTest; do
    JAZZER_FUZZ=1 JAZZER_INSTRUMENTATION_INCLUDES='dev.egretta.**' "${MVN[@]}" -pl "${target%%:*}" -am verify -Dtest="${target#*:}" "${ONE[@]}" -DskipITs \
      -Djazzer.internal.arg.0=fuzz -Djazzer.internal.arg.1=-max_total_time="$seconds"
  done
}
load() { bench/load.sh "$@"; }

case "${1:-}" in
  isolation|crash|sessions) "$1" ;;
  fuzz) shift; fuzz "$@" ;;
  load) shift; load "$@" ;;
  all) isolation; crash; sessions; fuzz; load ;;
  *) sed -n '2,9p' "$0" >&2; exit 2 ;;
esac
