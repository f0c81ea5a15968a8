#!/bin/sh
# Cold-start figures of one-shot advice: median wall time and peak RSS over N fresh JVMs,
# with plain java -jar and with bin/connect-advisor. Needs /usr/bin/time (GNU time).
#   bench/startup.sh [N]        (after mvn -B package -DskipTests)
set -eu
cd "$(dirname "$0")/.."
runs=${1:-11}
measure() {
    label=$1; shift
    file=$(mktemp)
    i=0
    while [ $i -lt "$runs" ]; do
        /usr/bin/time -f "%e %M" -a -o "$file" "$@" > /dev/null
        i=$((i + 1))
    done
    sort -n "$file" | awk -v label="$label" -v n="$runs" '
        { wall[NR] = $1; if ($2 > rss) rss = $2 }
        END { printf "%-34s median %.2f s (min %.2f, max %.2f), peak RSS %.0f MiB, %d runs\n",
              label, wall[int((n + 1) / 2)], wall[1], wall[n], rss / 1024, n }'
    rm -f "$file"
}
measure "java -jar" java -jar target/connect-advisor.jar advise --days-until-interview 10
measure "bin/connect-advisor" bin/connect-advisor advise --days-until-interview 10
measure "java -jar --rules rules (DRL)" java -jar target/connect-advisor.jar advise --rules rules --days-until-interview 10
