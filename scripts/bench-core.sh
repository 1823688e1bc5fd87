#!/usr/bin/env bash
# Core benchmark: 1M softwires loaded into the binding table, retained heap, (IPv4, port) lookups
# on one thread, and 1M-entry CSV / RFC 8676 JSON / Snabb imports (files written to $BENCH_DIR).
# Usage: scripts/bench-core.sh   (env: BENCH_HEAP=4g, BENCH_DIR=/tmp, BENCH_KEEP=1 keeps the files)
# Not a unit test: it prints figures and the targets (load <= 10 s, <= 300 B/softwire, >= 5 M lookups/s).
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib.sh
help_if_asked "$@"

heap="${BENCH_HEAP:-4g}"
dir="${BENCH_DIR:-/tmp}"
cpfile="engine/target/bench.classpath"
offline="-o"
[ "${BENCH_ONLINE:-0}" = 1 ] && offline=""

# Compile main + test classes of the engine (and what it depends on in the reactor) and write its test
# classpath; one Maven run, so sibling modules resolve from the reactor without `install`.
# shellcheck disable=SC2086
mvn_step -q -B $offline -pl engine -am test-compile dependency:build-classpath \
    -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath

if [ ! -s "$cpfile" ]; then
    echo "bench-core: $cpfile was not written (try BENCH_ONLINE=1 once)" >&2
    exit 1
fi
java -Xms"$heap" -Xmx"$heap" -XX:+UseParallelGC -Dbench.keep="$([ "${BENCH_KEEP:-0}" = 1 ] && echo true || echo false)" \
    -cp "engine/target/classes:engine/target/test-classes:$(cat "$cpfile")" \
    org.lwaftr.bench.CoreBenchmark "$dir"
