#!/bin/sh
# Cold-start figures of one-shot advice, each as a ratio to the bare-Drools floor measured in the
# same run: N rounds (default 11), each round running every command once in turn (floor, plain
# java -jar, bin/connect-advisor, --rules rules), so that load from elsewhere on the machine falls
# on all of them alike. Per command: median wall time, median CPU time (user + system, all
# threads), peak RSS, and the median wall time over the floor's.
# The floor (BareDroolsCold, in target/benchmarks.jar): the same precompiled rules through
# KieBaseBuilder, one session, the situation inserted, the rules fired, the verdict printed.
# Needs /usr/bin/time (GNU time).
#   bench/startup.sh [N]        (after mvn -B -Pbench -DskipTests verify)
set -eu
cd "$(dirname "$0")/.."
runs=${1:-11}
[ -f target/benchmarks.jar ] && [ -f target/connect-advisor.jar ] || { echo "build first: mvn -B -Pbench -DskipTests verify" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
set -- \
    "floor|java -cp target/benchmarks.jar dev.connectadvisor.bench.BareDroolsCold 5" \
    "java -jar|java -jar target/connect-advisor.jar advise --days-until-interview 5 --json" \
    "bin/connect-advisor|bin/connect-advisor advise --days-until-interview 5 --json" \
    "java -jar --rules rules (DRL)|java -jar target/connect-advisor.jar advise --rules rules --days-until-interview 5 --json"
echo "bench/startup.sh: $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) at the start, $(java -version 2>&1 | head -1), $runs rounds"
i=0
while [ "$i" -lt "$runs" ]; do
    k=0
    for entry in "$@"; do
        # shellcheck disable=SC2086 # the command is words
        /usr/bin/time -f "%e %U %S %M" -a -o "$work/$k" ${entry#*|} > /dev/null 2>> "$work/stderr"
        k=$((k + 1))
    done
    i=$((i + 1))
done
k=0
for entry in "$@"; do
    printf '%s\n' "${entry%%|*}" > "$work/label$k"
    k=$((k + 1))
done
awk -v n="$k" -v dir="$work" 'BEGIN {
    for (k = 0; k < n; k++) {
        getline label < (dir "/label" k)
        m = 0; rss = 0
        while ((getline line < (dir "/" k)) > 0) {
            split(line, f, " "); if (f[1] !~ /^[0-9.]+$/) continue
            m++; wall[m] = f[1]; cpu[m] = f[2] + f[3]; if (f[4] > rss) rss = f[4]
        }
        sort(wall, m); sort(cpu, m)
        w = (m % 2) ? wall[(m + 1) / 2] : (wall[m / 2] + wall[m / 2 + 1]) / 2
        c = (m % 2) ? cpu[(m + 1) / 2] : (cpu[m / 2] + cpu[m / 2 + 1]) / 2
        if (k == 0) { floorw = w; floorc = c }
        printf "%-30s median %5.2f s (min %5.2f, max %5.2f)  CPU %5.2f s  peak RSS %4.0f MiB  %5.2fx the floor (CPU %4.2fx)\n",
            label, w, wall[1], wall[m], c, rss / 1024, w / floorw, c / floorc
    }
}
function sort(a, n,   i, j, t) { for (i = 2; i <= n; i++) { t = a[i]; for (j = i - 1; j > 0 && a[j] > t; j--) a[j + 1] = a[j]; a[j + 1] = t } }'
echo "load average $(cut -d' ' -f1-3 /proc/loadavg) at the end"
