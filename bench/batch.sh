#!/bin/sh
# The JSONL batch at scale, each figure as a ratio to the bare-Drools floor measured in the same
# run, on two inputs of LINES lines (default 1,000,000) from the load generator (JsonlLoad):
#   - repeated: drawn from DISTINCT different lines (default 5,000), hot ones more often;
#   - mixed: every line drawn afresh (seed 1): random situations, a tenth of them with a note
#     no other line has, a tenth contradictions the contract refuses.
# The floor (BareDroolsBatch, in target/benchmarks.jar): one thread, Jackson into the Situation,
# a new session per line, the verdict written. Against it: advise --jsonl with plain java -jar
# and through bin/connect-advisor, the cache on (the default) and off. ROUNDS rounds (default 1)
# run every command once in turn, so that load from elsewhere falls on all alike; with more than
# one, the medians. Wall time, lines/s, CPU and peak RSS from /usr/bin/time; answers go to
# /dev/null, except one run per input whose answers' SHA-256 is printed (to compare builds).
# The generated files are not kept.
#   bench/batch.sh [LINES] [DISTINCT] [ROUNDS]   (after mvn -B -Pbench -DskipTests verify)
set -eu
cd "$(dirname "$0")/.."
lines=${1:-1000000}
distinct=${2:-5000}
rounds=${3:-1}
[ -f target/benchmarks.jar ] && [ -f target/connect-advisor.jar ] || { echo "build first: mvn -B -Pbench -DskipTests verify" >&2; exit 2; }
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
    r=0
    while [ "$r" -lt "$rounds" ]; do
        k=0
        for entry in "$@"; do
            # shellcheck disable=SC2086 # the command is words
            /usr/bin/time -f "%e %U %S %M" -a -o "$work/$input.$k" ${entry#*|} < "$work/$input.jsonl" > /dev/null 2>> "$work/stderr" || true
            k=$((k + 1))
        done
        r=$((r + 1))
    done
    k=0
    for entry in "$@"; do
        printf '%s\n' "${entry%%|*}" > "$work/label$k"
        k=$((k + 1))
    done
    awk -v n="$k" -v dir="$work" -v input="$input" -v lines="$lines" 'BEGIN {
        for (k = 0; k < n; k++) {
            getline label < (dir "/label" k)
            m = 0; rss = 0
            while ((getline line < (dir "/" input "." k)) > 0) {
                split(line, f, " "); if (f[1] !~ /^[0-9.]+$/) continue
                m++; wall[m] = f[1]; cpu[m] = f[2] + f[3]; if (f[4] > rss) rss = f[4]
            }
            sort(wall, m); sort(cpu, m)
            w = (m % 2) ? wall[(m + 1) / 2] : (wall[m / 2] + wall[m / 2 + 1]) / 2
            c = (m % 2) ? cpu[(m + 1) / 2] : (cpu[m / 2] + cpu[m / 2 + 1]) / 2
            if (k == 0) floor = lines / w
            printf "  %-32s %7.2f s  %9.0f lines/s  CPU %6.1f s  peak RSS %4.0f MiB  %5.2fx the floor\n",
                label, w, lines / w, c, rss / 1024, lines / w / floor
        }
    }
    function sort(a, n,   i, j, t) { for (i = 2; i <= n; i++) { t = a[i]; for (j = i - 1; j > 0 && a[j] > t; j--) a[j + 1] = a[j]; a[j + 1] = t } }'
    bin/connect-advisor advise --jsonl < "$work/$input.jsonl" > "$work/answers.jsonl" || true
    echo "  answers: $(wc -l < "$work/answers.jsonl") lines, SHA-256 $(sha256sum < "$work/answers.jsonl" | cut -c1-16)"
done
echo "load average $(cut -d' ' -f1-3 /proc/loadavg) at the end"
