#!/usr/bin/env bash
# Control-plane benchmark: softwires/s through the ONOS app to a recording FlowRuleService, and the
# latency of single updates (p50/p99). Prints figures; not a test. Usage:
#   scripts/bench-control.sh [softwires=100000] [updates=5000] [rate/s=1000]
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib.sh
help_if_asked "$@"
mvn_step -o -q -B -Dstyle.color=never -pl app -am test-compile dependency:build-classpath \
    -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.cp
CP="app/target/classes:app/target/test-classes:$(cat app/target/bench.cp)"
exec java -Xms2g -Xmx4g -cp "$CP" org.lwaftr.app.ControlBenchmark "$@"
