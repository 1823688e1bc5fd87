#!/usr/bin/env bash
# The lab controller: the ONOS app's binding table, translation and slow path against P4Runtime
# switches (bmv2 simple_switch_grpc), without ONOS. See lab/README.md.
#   scripts/lab.sh --target 127.0.0.1:50051 --device-id 1 --netcfg netcfg.json \
#       [--binding-table FILE] [--lwb4-port 1 --internet-port 2] [--stats-interval 10] [--watch FILE]
#   scripts/lab.sh --target 127.0.0.1:50051 --snabb-config lwaftr.conf --lwb4-port 1 --internet-port 2
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
mvn -o -B -q -Dstyle.color=never -pl lab -am package dependency:build-classpath \
    -DskipTests -Dmdep.outputFile=target/classpath.txt -Dmdep.includeScope=runtime >/dev/null
cd "$OLDPWD"
# JVM: the controller keeps ~1.5 KB per softwire and a load of 100k allocates ~400 MB; a young
# generation that holds a whole load and the throughput collector keep GC off the load's
# critical path on a small (2-core) box. Override with LAB_JAVA_OPTS (see lab/README.md).
# shellcheck disable=SC2086
exec java ${LAB_JAVA_OPTS--XX:+UseParallelGC -Xms2g -Xmn1g} -Dorg.slf4j.simpleLogger.defaultLogLevel=info -Dorg.slf4j.simpleLogger.logFile=System.err \
    -cp "$root/lab/target/classes:$(cat "$root/lab/target/classpath.txt")" org.lwaftr.lab.LabController "$@"
