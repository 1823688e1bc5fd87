#!/usr/bin/env bash
# Start-up of the standalone controller: time from launching lab/target/lwaftr-controller to its REST
# API answering, with application class-data sharing (the launcher's default: the first run writes
# the archive) and without it (LWAFTR_CDS=0), alternating, same machine, same run. Prints figures;
# not a test. Needs `mvn -B -DskipTests install` first (no Maven here) and curl.
# Usage: scripts/bench-start.sh [runs=5]   (target: REST up in under 2 s)
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib.sh
help_if_asked "$@"
runs=${1:-5}
bin=lab/target/lwaftr-controller/bin/lwaftr-controller
[ -x "$bin" ] || { echo "bench-start: $bin not built (mvn -B -DskipTests install)" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
printf 'bench:%s\n' "$(od -An -tx4 -N8 /dev/urandom | tr -d ' ')" > "$work/users"
chmod 600 "$work/users"
cred=$(cat "$work/users")
port=$((20000 + RANDOM % 20000))
export LWAFTR_CDS_DIR="$work/cds"

# One start: ms until GET /softwires answers (a target that never answers: start-up only).
once() {
    local s e pid n=0
    s=$(date +%s%N)
    "$bin" --target 127.0.0.1:1 --snabb-config lab/src/test/resources/lwaftr-sample.conf --lwb4-port 1 \
        --internet-port 2 --rest "127.0.0.1:$port" --rest-users "$work/users" > "$work/log" 2>&1 < /dev/zero &
    pid=$!
    until curl -sf -u "$cred" "http://127.0.0.1:$port/onos/lwaftr/softwires" > /dev/null 2>&1; do
        n=$((n + 1))
        if [ $n -gt 600 ] || ! kill -0 "$pid" 2>/dev/null; then
            echo "bench-start: the controller did not answer; its log:" >&2; cat "$work/log" >&2; exit 1
        fi
        sleep 0.02
    done
    e=$(date +%s%N)
    kill "$pid"; wait "$pid" 2>/dev/null || true
    echo $(( (e - s) / 1000000 ))
}

echo "first run (writes the class-data archive): $(once) ms"
with=(); without=()
for _ in $(seq "$runs"); do
    with+=("$(once)")
    without+=("$(LWAFTR_CDS=0 once)")
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
echo "with class-data sharing:    ${with[*]} ms (median $(median "${with[@]}") ms)"
echo "without (LWAFTR_CDS=0):     ${without[*]} ms (median $(median "${without[@]}") ms)"
echo "target: REST up in under 2000 ms; load now: $(cut -d' ' -f1-3 /proc/loadavg)"
