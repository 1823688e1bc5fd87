#!/bin/sh
# Control-plane benchmark: softwires/s through the ONOS app to a recording FlowRuleService, and the
# latency of single updates (p50/p99). Prints figures; not a test. Usage:
#   scripts/bench-control.sh [softwires=100000] [updates=5000] [rate/s=1000]
set -e
cd "$(dirname "$0")/.."
mvn -o -q -B -Dstyle.color=never -pl app -am test-compile dependency:build-classpath \
    -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.cp >/dev/null
CP="app/target/classes:app/target/test-classes:$(cat app/target/bench.cp)"
exec java -Xms2g -Xmx4g -cp "$CP" org.lwaftr.app.ControlBenchmark "$@"
