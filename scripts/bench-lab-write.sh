#!/usr/bin/env bash
# Lab controller benchmark on bmv2 (write); see docs/benchmarks.md and lab/README.md.
#   scripts/bench-lab-write.sh [options of org.lwaftr.tests.bench.LabWriteBenchmark]
# Needs root (veth pairs) and simple_switch_grpc on PATH.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib.sh
help_if_asked "$@"
if ! command -v simple_switch_grpc >/dev/null; then
    echo "SKIPPED: simple_switch_grpc not found (lab write benchmark)"
    exit 0
fi
mvn_step -o -B -q -Dstyle.color=never -pl lab,tests -am package dependency:build-classpath \
    -DskipTests -Dmdep.outputFile=target/classpath.txt -Dmdep.includeScope=runtime
cd tests
# The JVM options of scripts/lab.sh (the controller runs in this JVM; so does the raw client).
# shellcheck disable=SC2086
exec java ${LAB_JAVA_OPTS--XX:+UseParallelGC -Xms2g -Xmn1g} -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "target/classes:$(cat target/classpath.txt)" org.lwaftr.tests.bench.LabWriteBenchmark "$@"
