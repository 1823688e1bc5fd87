#!/usr/bin/env bash
# One REST batch of softwires through ONOS vs the standalone controller, same bmv2, same run
# (issue 14, item 4): time from the call to the batch's softwires forwarding, and for ONOS until
# all its flow rules are ADDED; printed side by side and kept in tests/target/onos-bench/figures.txt.
#   scripts/bench-onos.sh [SOFTWIRES]        (default 10000)
# Needs what OnosIntegrationTest needs: the ONOS runtime of ../shared/onos-runtime ($ONOS_HOME or
# /opt/onos-2.7.0), simple_switch_grpc on PATH, root; else one SKIPPED line.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib.sh
help_if_asked "$@"
n=${1:-10000}
# The reactor builds the .oar the bench installs (as for the integration suite); bmv2 runs are serialized.
exec flock /tmp/lwaftr-bmv2.lock mvn -B -o -q -Dstyle.color=never -pl tests -am verify -Dtest=OnosBatchBench \
    -Dsurefire.failIfNoSpecifiedTests=false -DfailIfNoTests=false -Dlwaftr.bench.softwires="$n" \
    -DtrimStackTrace=false -Dsurefire.printSummary=true
