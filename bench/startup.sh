#!/bin/sh
# Cold-start figures of one-shot advice, each as a ratio to the bare-Drools floor measured in the
# same run: N rounds (default 11) of every command in turn (floor, plain java -jar,
# bin/connect-advisor, --rules rules; bench/interleaved.sh). Per command: median wall time,
# median CPU time (user + system, all threads), peak RSS, and both over the floor's.
# The floor (BareDroolsCold, in target/benchmarks.jar): the same precompiled rules through
# KieBaseBuilder, one session, the situation inserted, the rules fired, the verdict printed.
# Needs /usr/bin/time (GNU time).
#   bench/startup.sh [N]        (after mvn -B -Pbench -DskipTests verify)
set -eu
cd "$(dirname "$0")/.."
runs=${1:-11}
[ -f target/benchmarks.jar ] && [ -f target/connect-advisor.jar ] || { echo "build first: mvn -B -Pbench -DskipTests verify" >&2; exit 2; }
. bench/interleaved.sh
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
set -- \
    "floor|java -cp target/benchmarks.jar dev.connectadvisor.bench.BareDroolsCold 5" \
    "java -jar|java -jar target/connect-advisor.jar advise --days-until-interview 5 --json" \
    "bin/connect-advisor|bin/connect-advisor advise --days-until-interview 5 --json" \
    "java -jar --rules rules (DRL)|java -jar target/connect-advisor.jar advise --rules rules --days-until-interview 5 --json"
echo "bench/startup.sh: $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) at the start, $(java -version 2>&1 | head -1), $runs rounds"
interleave "$runs" "$work" /dev/null 0 "$@"
echo "load average $(cut -d' ' -f1-3 /proc/loadavg) at the end"
