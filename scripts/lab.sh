#!/usr/bin/env bash
# The standalone lwAFTR controller (lab/target/lwaftr-controller/bin/lwaftr-controller): the ONOS
# app's binding table, translation and slow path against P4Runtime switches (bmv2
# simple_switch_grpc), without ONOS. See lab/README.md. Build it once: mvn -B -DskipTests install
#   scripts/lab.sh --target 127.0.0.1:50051 --device-id 1 --netcfg netcfg.json \
#       [--binding-table FILE] [--lwb4-port 1 --internet-port 2] [--stats-interval 10] [--watch FILE]
#   scripts/lab.sh --target 127.0.0.1:50051 --snabb-config lwaftr.conf --lwb4-port 1 --internet-port 2
set -euo pipefail
bin="$(cd "$(dirname "$0")/.." && pwd)/lab/target/lwaftr-controller/bin/lwaftr-controller"
if [ ! -x "$bin" ]; then
    echo "error: $bin not built; run: mvn -B -DskipTests install" >&2
    exit 2
fi
exec "$bin" "$@"
