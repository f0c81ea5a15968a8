#!/bin/sh
# The JSONL batch at scale: LINES lines (default 1,000,000) of DISTINCT situations (default 5,000)
# from the load generator, answered with the cache on and off, plain java -jar and bin/connect-advisor.
# Wall time, lines/s, CPU and peak RSS from /usr/bin/time; answers go to /dev/null, and once to
# a file. The generated files are not kept.
#   bench/batch.sh [LINES] [DISTINCT]   (after mvn -B -Pbench -DskipTests verify)
set -eu
cd "$(dirname "$0")/.."
lines=${1:-1000000}
distinct=${2:-5000}
input=$(mktemp --suffix=.jsonl)
trap 'rm -f "$input"' EXIT
java -cp target/benchmarks.jar dev.connectadvisor.bench.JsonlLoad "$lines" "$distinct" > "$input"
run() {
    label=$1; shift
    stats=$(mktemp)
    out=${OUT:-/dev/null}
    /usr/bin/time -f "%e %U %S %M" -o "$stats" "$@" --input "$input" > "$out" || true
    tail -n 1 "$stats" | awk -v label="$label" -v lines="$lines" '{ printf "%-40s %6.2f s  %9.0f lines/s  CPU %5.1f s  peak RSS %4.0f MiB\n",
        label, $1, lines / $1, $2 + $3, $4 / 1024 }'
    rm -f "$stats"
}
run "java -jar, cache on" java -jar target/connect-advisor.jar advise --jsonl
run "java -jar, cache off" java -jar target/connect-advisor.jar advise --jsonl --no-cache
run "bin/connect-advisor, cache on" bin/connect-advisor advise --jsonl
run "bin/connect-advisor, cache off" bin/connect-advisor advise --jsonl --no-cache
answers=$(mktemp --suffix=.jsonl)
OUT=$answers run "bin/connect-advisor, cache on, to a file" bin/connect-advisor advise --jsonl
echo "answers: $(wc -l < "$answers") lines, $(du -m "$answers" | cut -f1) MB"
rm -f "$answers"
