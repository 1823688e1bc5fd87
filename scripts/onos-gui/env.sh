# Settings of scripts/onos-gui (each can be overridden from the environment), on top of onos-runtime's env.sh
# (ONOS_HOME, ONOS_VERSION, KARAF_DIR, BUILD_JAVA_HOME, MIRRORS and mirror()).
ONOS_RUNTIME=${ONOS_RUNTIME:-$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)/shared/onos-runtime}
[ -f "$ONOS_RUNTIME/env.sh" ] || { echo "no $ONOS_RUNTIME/env.sh: set ONOS_RUNTIME to ../shared/onos-runtime" >&2; exit 1; }
. "$ONOS_RUNTIME/env.sh"
GUI_SRC=${GUI_SRC:-/opt/onos-gui-src/onos}     # build dir: web/gui + tools/gui of ONOS 2.7.0, npm output, Maven target
GUI_DL=${GUI_DL:-/opt/onos-gui-src/dl}         # npm pack cache of the bower libraries
GUI_JAR=$GUI_SRC/web/gui/target/onos-web-gui-$ONOS_VERSION.jar
export ONOS_RUNTIME GUI_SRC GUI_DL
