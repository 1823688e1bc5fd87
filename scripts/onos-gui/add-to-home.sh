#!/bin/bash
# Add the GUI built by build.sh to an assembled ONOS 2.7.0 ($ONOS_HOME, made by ../shared/onos-runtime/assemble.sh):
#  - $ONOS_HOME/oars/org.onosproject.gui.oar: the app as onos_app() makes it for //web/gui (feature onos-web-gui,
#    bundle mvn:org.onosproject/onos-web-gui/2.7.0);
#  - pre-installed as ONOS's packaging does for the apps it ships (apps/org.onosproject.gui, its m2/ in system/):
#    ONOS lists it INSTALLED at boot. Activate it as any shipped app: ONOS_APPS="org.onosproject.drivers
#    org.onosproject.gui" start.sh, or curl -u onos:rocks -X POST $ONOS_URL/onos/v1/applications/org.onosproject.gui/active,
#    or `app activate org.onosproject.gui` in ONOS's shell. (POSTing the .oar again does not activate an
#    app ONOS already has: install-apps.sh / install-oar.sh wait for ACTIVE in vain.)
#  - ONOS_GUI_APP / ONOS_GUI_OAR appended to $ONOS_HOME/.onos-ready (what tests look for).
# Usage: ONOS_HOME=/opt/onos-gui add-to-home.sh       (ONOS must not be running from it)
set -euo pipefail
R=$(cd "$(dirname "$0")" && pwd)
. "$R/env.sh"
D=$ONOS_HOME; K=$KARAF_DIR; APP=org.onosproject.gui; NAME=onos-web-gui
fail() { echo "add-to-home.sh: $*" >&2; exit 1; }
[ -f "$D/.onos-ready" ] || fail "no $D/.onos-ready: assemble ONOS_HOME=$D with $ONOS_RUNTIME/assemble.sh first"
[ -s "$GUI_JAR" ] || fail "no $GUI_JAR: run build.sh first"
if [ -f "$D/onos.pid" ] && kill -0 "$(cat "$D/onos.pid")" 2>/dev/null; then
  fail "ONOS is running from $D (pid $(cat "$D/onos.pid")): stop.sh first"; fi
mkdir -p "$D/oars"
python3 - "$GUI_JAR" "$D/oars/$APP.oar" "$APP" "$NAME" "$ONOS_VERSION" <<'PY'
import sys, zipfile
jar, oar, app, name, v = sys.argv[1:]
title = "ONOS Legacy GUI"
desc = "ONOS GUI - the original ONOS GUI based on the latest AngularJS - new development should be on GUI2"
url = f"mvn:org.onosproject/{name}/{v}"
app_xml = (f'<?xml version="1.0" encoding="UTF-8"?>\n'
           f'<app name="{app}" origin="ONOS Community" version="{v}"\n'
           f'        title="{title}" category="Graphical User Interface" url="http://onosproject.org"\n'
           f'        featuresRepo="{url}/xml/features"\n        features="{name}" apps="">\n'
           f'    <description>{desc}</description>\n    <artifact>{url}</artifact>\n</app>\n')
feat = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<features xmlns="http://karaf.apache.org/xmlns/features/v1.2.0" name="{name}-{v}">\n'
        f'    <feature name="{name}" version="{v}" description="{title}">\n'
        f'        <feature>onos-api</feature>\n        <bundle>{url}</bundle>\n    </feature>\n</features>\n')
with zipfile.ZipFile(oar, 'w') as z:
    z.writestr('app.xml', app_xml)
    z.writestr(f'm2/org/onosproject/{name}/{v}/{name}-{v}-features.xml', feat)
    z.write(jar, f'm2/org/onosproject/{name}/{v}/{name}-{v}.jar')
PY
rm -rf "$D/apps/$APP"; mkdir -p "$D/apps/$APP"
(cd "$D/apps/$APP" && unzip -q -o "$D/oars/$APP.oar" && cp "$D/oars/$APP.oar" .)
cp -r "$D/apps/$APP/m2/." "$K/system/"
sed -i '/^ONOS_GUI_/d' "$D/.onos-ready"
cat >> "$D/.onos-ready" <<MARK
ONOS_GUI_APP=$APP
ONOS_GUI_OAR=$D/oars/$APP.oar
ONOS_GUI_ADDED=$(date -u +%Y-%m-%dT%H:%M:%SZ)
MARK
echo "added $APP to $D (pre-installed; oar $D/oars/$APP.oar); activate: POST \$ONOS_URL/onos/v1/applications/$APP/active"
