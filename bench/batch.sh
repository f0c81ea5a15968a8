#!/bin/sh
# The JSONL batch at scale, each figure as a ratio to the bare-Drools floor measured in the same
# run, on two inputs of LINES lines (default 1,000,000) from the load generator (JsonlLoad):
#   - repeated: drawn from DISTINCT different lines (default 5,000), hot ones more often;
#   - mixed: every line drawn afresh (seed 1): random situations, a tenth of them with a note
#     no other line has, a tenth contradictions the contract refuses.
# The floor (BareDroolsBatch, in target/benchmarks.jar): one thread, Jackson into the Situation,
# a new session per line, the verdict written. Against it: advise --jsonl with plain java -jar
# and through bin/connect-advisor, the cache on (the default) and off. ROUNDS rounds (default 1)
# of every command in turn (bench/interleaved.sh); with more than one, the medians. Wall time,
# lines/s, CPU and peak RSS from /usr/bin/time; answers go to
# /dev/null, except one run per input whose answers' SHA-256 is printed (to compare builds).
# The generated files are not kept.
#   bench/batch.sh [LINES] [DISTINCT] [ROUNDS]   (after mvn -B -Pbench -DskipTests verify)
set -eu
cd "$(dirname "$0")/.."
lines=${1:-1000000}
distinct=${2:-5000}
rounds=${3:-1}
[ -f target/benchmarks.jar ] && [ -f target/connect-advisor.jar ] || { echo "build first: mvn -B -Pbench -DskipTests verify" >&2; exit 2; }
. bench/interleaved.sh
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
java -cp target/benchmarks.jar dev.connectadvisor.bench.JsonlLoad "$lines" "$distinct" > "$work/repeated.jsonl" 2> "$work/repeated.txt"
java -cp target/benchmarks.jar dev.connectadvisor.bench.JsonlLoad --mixed "$lines" 1 > "$work/mixed.jsonl" 2> "$work/mixed.txt"
set -- \
    "floor (bare Drools, 1 thread)|java -cp target/benchmarks.jar dev.connectadvisor.bench.BareDroolsBatch" \
    "java -jar, cache on|java -jar target/connect-advisor.jar advise --jsonl" \
    "java -jar, cache off|java -jar target/connect-advisor.jar advise --jsonl --no-cache" \
    "bin/connect-advisor, cache on|bin/connect-advisor advise --jsonl" \
    "bin/connect-advisor, cache off|bin/connect-advisor advise --jsonl --no-cache"
echo "bench/batch.sh: $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) at the start, $(java -version 2>&1 | head -1), $rounds round(s)"
for input in repeated mixed; do
    echo "$input: $(cat "$work/$input.txt"); input SHA-256 $(sha256sum < "$work/$input.jsonl" | cut -c1-16)"
    interleave "$rounds" "$work" "$work/$input.jsonl" "$lines" "$@"
    bin/connect-advisor advise --jsonl < "$work/$input.jsonl" > "$work/answers.jsonl" || true
    echo "  answers: $(wc -l < "$work/answers.jsonl") lines, SHA-256 $(sha256sum < "$work/answers.jsonl" | cut -c1-16)"
done
echo "load average $(cut -d' ' -f1-3 /proc/loadavg) at the end"
