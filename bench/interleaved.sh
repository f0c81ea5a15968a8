# Shared by bench/startup.sh and bench/batch.sh (sourced, not run): every command once in turn,
# ROUNDS times, so that load from elsewhere on the machine falls on all of them alike; then per
# command the median wall time (with min and max), the median CPU time (user + system, all
# threads) and the peak RSS, from /usr/bin/time (GNU time), each against the first command's.
#   interleave ROUNDS DIR INPUT LINES "label|command words"...
# INPUT is each command's stdin; with LINES > 0 the figures are lines/s (a batch), else seconds.
# Its variables are named il_* (sh has no local variables).
interleave() {
    il_rounds=$1; il_dir=$2; il_input=$3; il_lines=$4; shift 4
    il_r=0
    while [ "$il_r" -lt "$il_rounds" ]; do
        il_k=0
        for entry in "$@"; do
            # shellcheck disable=SC2086 # the command is words
            /usr/bin/time -f "%e %U %S %M" -a -o "$il_dir/run.$il_k" ${entry#*|} < "$il_input" > /dev/null 2>> "$il_dir/stderr" || true
            il_k=$((il_k + 1))
        done
        il_r=$((il_r + 1))
    done
    il_k=0
    for entry in "$@"; do
        printf '%s\n' "${entry%%|*}" > "$il_dir/label.$il_k"
        il_k=$((il_k + 1))
    done
    awk -v n="$il_k" -v dir="$il_dir" -v lines="$il_lines" 'BEGIN {
        for (k = 0; k < n; k++) {
            getline label < (dir "/label." k)
            m = 0; rss = 0
            while ((getline line < (dir "/run." k)) > 0) {
                split(line, f, " "); if (f[1] !~ /^[0-9.]+$/) continue  # "Command exited with non-zero status"
                m++; wall[m] = f[1]; cpu[m] = f[2] + f[3]; if (f[4] > rss) rss = f[4]
            }
            sort(wall, m); sort(cpu, m)
            w = median(wall, m); c = median(cpu, m)
            if (k == 0) { floorw = w; floorc = c }
            if (lines > 0)
                printf "  %-32s %7.2f s  %9.0f lines/s  CPU %6.1f s  peak RSS %4.0f MiB  %5.2fx the floor\n",
                    label, w, lines / w, c, rss / 1024, floorw / w
            else
                printf "%-30s median %5.2f s (min %5.2f, max %5.2f)  CPU %5.2f s  peak RSS %4.0f MiB  %5.2fx the floor (CPU %4.2fx)\n",
                    label, w, wall[1], wall[m], c, rss / 1024, w / floorw, c / floorc
        }
    }
    function median(a, n) { return (n % 2) ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2 }
    function sort(a, n,   i, j, t) { for (i = 2; i <= n; i++) { t = a[i]; for (j = i - 1; j > 0 && a[j] > t; j--) a[j + 1] = a[j]; a[j + 1] = t } }'
    rm -f "$il_dir"/run.* "$il_dir"/label.*
}
