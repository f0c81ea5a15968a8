#!/bin/sh
# The HTTP service under load, in one run: wrk (Debian's wrk) against
#   - serve, with the advice cache on, then off (-Dconnectadvisor.cache=false), both with the access
#     log on (the default); and the cache on with the access log off ("nolog"), since the
#     hello-world writes no log;
#   - a Jetty hello-world with the same thread pool and connector, answering a body of the same size
#     (HelloWorldServer, under src/test: not in the product jar);
# at 1, 8, 64 and 256 connections, each POSTing the same situation. Prints requests/s, p50, p99,
# non-2xx answers, socket errors and the ratio to the hello-world at the same connections.
#   bench/http.sh [SECONDS]     (after mvn -B -q package -DskipTests; loopback only)
# With --shadow, the overhead of shadow rules instead: serve against serve --shadow rules/ (a
# candidate answering every request too), interleaved at each connection count, with the ratio
# of their p50 latencies (the target: at most 1.2x).
#   bench/http.sh --shadow [SECONDS]
set -eu
cd "$(dirname "$0")/.."
shadow=no
if [ "${1:-}" = "--shadow" ]; then shadow=yes; shift; fi
seconds=${1:-10}
conns="1 8 64 256"
base=18120
jar=target/connect-advisor.jar
command -v wrk >/dev/null || { echo "bench/http.sh needs wrk (apt-get install wrk)" >&2; exit 2; }
[ -f "$jar" ] && [ -d target/test-classes ] || { echo "build first: mvn -B -q package -DskipTests" >&2; exit 2; }
work=$(mktemp -d)
pids=""
trap 'for p in $pids; do kill "$p" 2>/dev/null || true; done; rm -rf "$work"' EXIT INT TERM
body='{"daysUntilInterview": 10}'
cat > "$work/post.lua" <<LUA
wrk.method = "POST"
wrk.body = '$body'
wrk.headers["Content-Type"] = "application/json"
LUA

wait_for() { # port
    for _ in $(seq 1 300); do
        curl -s -o /dev/null "http://127.0.0.1:$1/health/live" 2>/dev/null && return 0
        curl -s -o /dev/null "http://127.0.0.1:$1/" 2>/dev/null && return 0
        sleep 0.1
    done
    echo "nothing answers on port $1" >&2; exit 1
}

# the answer's size, to give the hello-world the same
java -jar "$jar" serve --port $base >"$work/size.log" 2>&1 & pids="$pids $!"; size_pid=$!
wait_for $base
size=$(curl -s -H 'Content-Type: application/json' -d "$body" "http://127.0.0.1:$base/v1/advice" | wc -c)
kill $size_pid; wait $size_pid 2>/dev/null || true

start() { # label port command...
    label=$1; port=$2; shift 2
    "$@" >"$work/$label.log" 2>&1 & pids="$pids $!"
    eval "pid_$label=$!"
    wait_for "$port"
    # warm-up: the JIT, the caches and the connections' first costs, not measured
    wrk -t2 -c64 -d5s -s "$work/post.lua" "http://127.0.0.1:$port/v1/advice" >/dev/null
}
measure() { # label port conns
    threads=2; [ "$3" -lt 2 ] && threads=1
    wrk -t$threads -c"$3" -d"${seconds}s" --latency -s "$work/post.lua" "http://127.0.0.1:$2/v1/advice" > "$work/$1-$3.txt"
    awk -v label="$1" -v conns="$3" '
        /Requests\/sec/ { rps = $2 }
        /^ +50%/ { p50 = $2 } /^ +99%/ { p99 = $2 }
        /Non-2xx or 3xx responses/ { non2xx = $5 }
        /Socket errors/ { gsub(",", ""); sock = $4 + $6 + $8 + $10 }
        END { printf "%s %s %s %s %s %d %d\n", label, conns, rps, p50, p99, non2xx, sock }' "$work/$1-$3.txt"
}
results="$work/results.txt"
header() {
    echo "bench/http.sh: $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg), $(java -version 2>&1 | head -1), ${seconds} s a run, answer $size bytes, $(wrk --version 2>&1 | head -1 | cut -d' ' -f1-2)"
}

if [ "$shadow" = yes ]; then
    start plain $((base + 5)) java -jar "$jar" serve --port $((base + 5))
    start shadow $((base + 6)) java -jar "$jar" serve --port $((base + 6)) --shadow rules
    for c in $conns; do
        measure plain $((base + 5)) "$c" >> "$results"
        measure shadow $((base + 6)) "$c" >> "$results"
    done
    header
    printf '%-9s %5s %11s %9s %9s %8s %8s %9s\n' server conns "requests/s" p50 p99 non-2xx "sock err" "p50 ratio"
    awk '
        function micros(t) { if (t ~ /us$/) return t + 0; if (t ~ /ms$/) return t * 1000; if (t ~ /s$/) return t * 1000000; return t }
        { label[NR] = $1; conns[NR] = $2; rps[NR] = $3; p50[NR] = $4; p99[NR] = $5; non[NR] = $6; sock[NR] = $7
          if ($1 == "plain") plain[$2] = micros($4) }
        END { for (i = 1; i <= NR; i++)
            printf "%-9s %5s %11.0f %9s %9s %8d %8d %8.2fx\n", label[i], conns[i], rps[i], p50[i], p99[i], non[i], sock[i], micros(p50[i]) / plain[conns[i]] }' "$results"
    echo "shadow: $(curl -s "http://127.0.0.1:$((base + 6))/v1/shadow" | cut -c1-200)"
    exit 0
fi

start hello $((base + 1)) java -cp "target/test-classes:$jar" dev.connectadvisor.internal.server.HelloWorldServer $((base + 1)) "$size"
start cached $((base + 2)) java -jar "$jar" serve --port $((base + 2))
start uncached $((base + 3)) java -Dconnectadvisor.cache=false -jar "$jar" serve --port $((base + 3))
start nolog $((base + 4)) java -Dorg.slf4j.simpleLogger.log.dev.connectadvisor.internal.server.access=warn \
    -jar "$jar" serve --port $((base + 4))

for c in $conns; do
    # interleaved: a burst of load from elsewhere on the machine falls on every contender alike
    measure hello $((base + 1)) "$c" >> "$results"
    measure cached $((base + 2)) "$c" >> "$results"
    measure uncached $((base + 3)) "$c" >> "$results"
    measure nolog $((base + 4)) "$c" >> "$results"
done
header
printf '%-9s %5s %11s %9s %9s %8s %8s %7s\n' server conns "requests/s" p50 p99 non-2xx "sock err" ratio
awk '
    { label[NR] = $1; conns[NR] = $2; rps[NR] = $3; p50[NR] = $4; p99[NR] = $5; non[NR] = $6; sock[NR] = $7
      if ($1 == "hello") hello[$2] = $3 }
    END { for (i = 1; i <= NR; i++)
        printf "%-9s %5s %11.0f %9s %9s %8d %8d %6.2fx\n", label[i], conns[i], rps[i], p50[i], p99[i], non[i], sock[i], rps[i] / hello[conns[i]] }' "$results"
# every request answered, 2xx or 503: the service's own access log, by status
for label in cached uncached; do
    log="$work/$label.log"
    echo "$label: answers by status in the access log: $(awk '/server.access/ { n[$(NF-4)]++ } END { for (s in n) printf "%s %d  ", s, n[s] }' "$log")"
done
