#!/usr/bin/env bash
# One-off `egretta ask` runs on an existing index, fresh process each (issue #18, "egretta ask cold <= 0.8 s"):
# a reference launcher+jar against this checkout's bin/egretta with and without its AOT cache, in rotating
# order, each variant asking the same questions of bench's questions.txt. Prints a Markdown table: wall time
# from launch to exit and CPU time (user+sys) per run, medians, and ratios against the reference.
#   bench/cold-ask.sh --index DIR [--reference DIR] [--rounds 5] [--out FILE] [--svg FILE]
# --reference: a folder with bin/egretta and cli/target/egretta.jar of the build to compare with (e.g. a
# worktree of main); without it the table has only this checkout's two variants. --svg writes a bar chart
# of the medians (wall and CPU per variant).
# The index must have been built from ../shared/corpus (the questions ask its domains, category us).
# Needs GNU time (/usr/bin/time). The AOT variant uses EGRETTA_CACHE_DIR (default: a folder under
# bench/target), building the cache first if it is missing; the reference keeps its own caches in a
# folder "reference" inside it (launchers of different versions may remember the JDK in different forms,
# and two of them sharing one folder would each find the other's note stale and look for a JDK again).
set -euo pipefail
cd "$(dirname "$0")/.."
index="" reference="" rounds=5 out="" svg=""
while [ $# -gt 0 ]; do
  case "$1" in
    --index) index="$2"; shift 2 ;;
    --reference) reference="$2"; shift 2 ;;
    --rounds) rounds="$2"; shift 2 ;;
    --out) out="$2"; shift 2 ;;
    --svg) svg="$2"; shift 2 ;;
    *) echo "cold-ask.sh: unknown option $1" >&2; exit 2 ;;
  esac
done
[ -n "$index" ] && [ -d "$index" ] || { echo "cold-ask.sh: --index DIR (an index of ../shared/corpus) is required" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "cold-ask.sh: needs GNU time at /usr/bin/time" >&2; exit 2; }
index="$(cd "$index" && pwd)"
export EGRETTA_NO_BUILD=1
export EGRETTA_CACHE_DIR="${EGRETTA_CACHE_DIR:-$PWD/bench/target/cold-ask-cache}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

mapfile -t questions < <(grep -v '^#' bench/src/main/resources/dev/egretta/bench/questions.txt | grep '|')
variants=(aot no-aot)
[ -n "$reference" ] && variants=(reference "${variants[@]}")

launcher() {
  case "$1" in
    reference) echo "$reference/bin/egretta" ;;
    *) echo "$PWD/bin/egretta" ;;
  esac
}
cache_of() {
  case "$1" in
    reference) echo "$EGRETTA_CACHE_DIR/reference" ;;
    *) echo "$EGRETTA_CACHE_DIR" ;;
  esac
}

# Builds the AOT caches in the foreground: the first run starts its training, which ends by renaming the
# cache into place; wait for that.
for v in "${variants[@]}"; do
  [ "$v" = no-aot ] && continue
  cache="$(cache_of "$v")"
  EGRETTA_CACHE_DIR="$cache" "$(launcher "$v")" --version >/dev/null 2>&1
  for _ in $(seq 1 600); do
    ls "$cache"/aot/*.lock >/dev/null 2>&1 || break
    sleep 1
  done
  ls "$cache"/aot/*.aot >/dev/null 2>&1 || echo "cold-ask.sh: warning: no AOT cache was built for $v" >&2
done

n=0
for round in $(seq 1 "$rounds"); do
  # Rotate the order so that no variant always runs first.
  for k in "${!variants[@]}"; do
    v="${variants[$(( (k + round) % ${#variants[@]} ))]}"
    line="${questions[$(( n % ${#questions[@]} ))]}"
    domain="${line%% |*}" question="${line#*| }"
    aot=1; [ "$v" = no-aot ] && aot=0
    run="$(launcher "$v")" cache="$(cache_of "$v")"
    start=$(date +%s%N)
    EGRETTA_AOT=$aot EGRETTA_CACHE_DIR="$cache" /usr/bin/time -f '%U %S' -o "$work/time" "$run" ask --index "$index" \
      --domain "$domain" --category us --mode compliance --json "$question" >"$work/out" 2>"$work/err" \
      || { echo "cold-ask.sh: $v failed: $(head -3 "$work/err")" >&2; exit 1; }
    end=$(date +%s%N)
    grep -q '"response"' "$work/out" || { echo "cold-ask.sh: $v printed no answer" >&2; exit 1; }
    read -r user sys < <(tail -1 "$work/time")
    echo "$v $(( (end - start) / 1000000 )) $(awk -v u="$user" -v s="$sys" 'BEGIN {printf "%d", (u + s) * 1000}')" >> "$work/samples"
  done
  n=$((n + 1))
done

load="$(cut -d' ' -f1-3 /proc/loadavg)"
{
  echo "| variant | runs | wall p50 (s) | CPU p50 (s) | wall ratio | CPU ratio |"
  echo "|---|---|---|---|---|---|"
  ref="${variants[0]}"
  median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
  rw=$(awk -v v="$ref" '$1==v {print $2}' "$work/samples" | median)
  rc=$(awk -v v="$ref" '$1==v {print $3}' "$work/samples" | median)
  for v in "${variants[@]}"; do
    w=$(awk -v v="$v" '$1==v {print $2}' "$work/samples" | median)
    c=$(awk -v v="$v" '$1==v {print $3}' "$work/samples" | median)
    echo "$v $w $c" >> "$work/medians"
    awk -v v="$v" -v r="$rounds" -v w="$w" -v c="$c" -v rw="$rw" -v rc="$rc" \
      'BEGIN {printf "| %s | %d | %.2f | %.2f | %.2f | %.2f |\n", v, r, w/1000, c/1000, w/rw, c/rc}'
  done
  echo
  echo "Load average (1, 5, 15 min) at the end: $load; $(nproc) cores."
} > "$work/table"
cat "$work/table"
[ -z "$out" ] || cp "$work/table" "$out"
# Two bars per variant (wall, CPU), seconds, with the 0.8 s target as a dashed line.
[ -z "$svg" ] || awk -v load="$load" '
  { name[NR] = $1; wall[NR] = $2 / 1000; cpu[NR] = $3 / 1000; if ($2 / 1000 > max) max = $2 / 1000; if ($3 / 1000 > max) max = $3 / 1000 }
  END {
    if (max < 1) max = 1; n = NR; left = 90; width = 440; bar = 16; top = 40; row = 2 * bar + 18
    height = top + n * row + 40
    printf "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" font-family=\"sans-serif\" font-size=\"12\">\n", left + width + 80, height
    printf "<text x=\"10\" y=\"20\" font-size=\"14\">egretta ask, fresh process: medians (s); load average %s</text>\n", load
    for (i = 1; i <= n; i++) {
      y = top + (i - 1) * row
      printf "<text x=\"10\" y=\"%d\">%s</text>\n", y + bar + 4, name[i]
      printf "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"#4477aa\"/>\n", left, y, width * wall[i] / max, bar
      printf "<text x=\"%.1f\" y=\"%d\">wall %.2f</text>\n", left + width * wall[i] / max + 4, y + 12, wall[i]
      printf "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"#ee7733\"/>\n", left, y + bar, width * cpu[i] / max, bar
      printf "<text x=\"%.1f\" y=\"%d\">CPU %.2f</text>\n", left + width * cpu[i] / max + 4, y + bar + 12, cpu[i]
    }
    x = left + width * 0.8 / max
    printf "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#444\" stroke-dasharray=\"4 3\"/>\n", x, top - 6, x, top + n * row
    printf "<text x=\"%.1f\" y=\"%d\">0.8 s target</text>\n", x - 30, top + n * row + 16
    print "</svg>"
  }' "$work/medians" > "$svg"
