#!/usr/bin/env bash
# Data-plane benchmark on bmv2: frames/s of a pipeline vs the trivial forwarder, same run.
#   scripts/bench-bmv2.sh [--workload CLASS] [--seconds S] [--window W] [--frame-bytes B]
#   [--rounds N]
# --p4 FILE [--p4-define NAME]: the workload on another P4 program with the same names (experiments).
# CLASS implements org.lwaftr.tests.bmv2.BenchWorkload (default: the forwarder itself).
# Needs root (veth pairs) and simple_switch_grpc on PATH.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib.sh
help_if_asked "$@"
if ! command -v simple_switch_grpc >/dev/null; then
    echo "SKIPPED: simple_switch_grpc not found (bmv2 benchmark)"
    exit 0
fi
mvn_step -o -B -q -Dstyle.color=never -pl lab,tests -am package dependency:build-classpath \
    -DskipTests -Dmdep.outputFile=target/classpath.txt -Dmdep.includeScope=runtime
cd tests
exec java -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "target/classes:$(cat target/classpath.txt)" org.lwaftr.tests.bmv2.Bmv2Benchmark "$@"
