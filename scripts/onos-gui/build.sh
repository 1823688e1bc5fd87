#!/bin/bash
# Build ONOS 2.7.0's GUI1 (web/gui: the org.onosproject.gui app, context /onos/ui) from ONOS's sources
# without Bazel: npm runs ONOS's own gulp tasks (tools/gui) for dist/onos.{js,css}, the bower libraries come
# from the npm registry at bower.json's versions, Maven builds the web-application bundle (poms/web/gui).
# Then add-to-home.sh puts it into an assembled ONOS_HOME (../shared/onos-runtime/assemble.sh).
# Usage: build.sh [MIRRORS_DIR]      (or MIRRORS=DIR build.sh); needs onos-runtime's build.sh run first
# (its parent pom org.onosproject:onos-local-parent:2.7.0 in ~/.m2). Output: $GUI_SRC/web/gui/target/onos-web-gui-2.7.0.jar
set -euo pipefail
R=$(cd "$(dirname "$0")" && pwd)
if [ $# -gt 0 ]; then MIRRORS=$1; shift; fi
. "$R/env.sh"
step() { echo "== $*"; }
fail() { echo "build.sh: $*" >&2; exit 1; }
[ -f ~/.m2/repository/org/onosproject/onos-local-parent/$ONOS_VERSION/onos-local-parent-$ONOS_VERSION.pom ] ||
  fail "no org.onosproject:onos-local-parent:$ONOS_VERSION in ~/.m2: run $ONOS_RUNTIME/build.sh first"
command -v npm >/dev/null || fail "npm not found (Debian: apt-get install nodejs npm; tested with node 20, npm 9-11)"

# 1. ONOS sources at tag 2.7.0: only what the GUI needs (git archive of the bare mirror)
if [ ! -f "$GUI_SRC/.extracted-$ONOS_VERSION" ]; then
  step "extracting web/gui and tools/gui $ONOS_VERSION into $GUI_SRC"
  G=$(mirror opennetworkinglab+onos)
  rm -rf "$GUI_SRC"; mkdir -p "$GUI_SRC"
  git --git-dir="$G" archive "$ONOS_VERSION" web/gui tools/gui | tar -x -C "$GUI_SRC"
  touch "$GUI_SRC/.extracted-$ONOS_VERSION"
fi
W=$GUI_SRC/web/gui/src/main/webapp

# 2. dist/onos.js + dist/onos.css with ONOS's gulp tasks (what `npm run build` runs, minus its 'bower' task).
#    Two npm overrides, both needed on this node (20) and ONOS's lock file:
#    - graceful-fs 4: gulp 3.9.1's vinyl-fs pulls graceful-fs 3, which fails on node >= 12 ("primordials is not defined");
#    - uglify-js 3.17.4: the locked 3.6.4 parses ES5 only; since ONOS 2.6.0 app/view/topo/topoOverlay.js has a `const`,
#      gulp-uglify fails on it, gulp still exits 0, and dist/onos.js is never written (checked here with the lock as is).
#    --ignore-scripts: phantomjs-prebuilt (karma tests only) downloads its binary from GitHub in a script.
step "npm: ONOS's gulp tasks bundle-css bundle-js (tools/gui)"
cd "$GUI_SRC/tools/gui"
[ -f package.json.orig ] || cp package.json package.json.orig
node -e 'const f=require("fs"),p=JSON.parse(f.readFileSync("package.json.orig"));
  p.overrides={"graceful-fs":"^4.2.11","uglify-js":"3.17.4"}; const t=JSON.stringify(p,null,2);
  if (!f.existsSync("package.json") || f.readFileSync("package.json","utf8") !== t) f.writeFileSync("package.json",t)'
[ -x node_modules/gulp/bin/gulp.js ] && [ node_modules/.package-lock.json -nt package.json ] ||
  npm install --ignore-scripts --no-audit --no-fund --loglevel=error
rm -rf "$W/dist"
node_modules/gulp/bin/gulp.js bundle-css bundle-js
[ -s "$W/dist/onos.js" ] && [ -s "$W/dist/onos.css" ] || fail "gulp did not write $W/dist/onos.js and onos.css"

# 3. vendor/: bower.json's libraries (bower fetches them from GitHub: not reachable here) from the npm registry,
#    same versions, laid out as bower does (package root = vendor/<bower name>; lodash = one file, index.js).
step "vendor/: bower.json's libraries from the npm registry"
mkdir -p "$GUI_DL"; rm -rf "$W/vendor"; mkdir -p "$W/vendor"
while read -r dir pkg; do
  t=$GUI_DL/${pkg%@*}-${pkg##*@}.tgz          # npm pack's file name
  [ -s "$t" ] || (cd "$GUI_DL" && npm pack --silent "$pkg" >/dev/null)
  [ -s "$t" ] || fail "npm pack $pkg did not give $t"
  mkdir -p "$W/vendor/$dir"; tar -xzf "$t" -C "$W/vendor/$dir" --strip-components=1
done <<'EOF'
angular angular@1.3.5
angular-route angular-route@1.3.5
angular-cookies angular-cookies@1.3.5
angular-chart.js angular-chart.js@1.0.0
Chart.js chart.js@2.6.0
d3 d3@3.5.16
topojson topojson@1.6.18
lodash-npm lodash@4.17.4
EOF
# what the browser never loads (bower's packages are the built files only): tests, samples, docs, sources, node tools
find "$W/vendor" -mindepth 2 -maxdepth 2 -type d -regex '.*/\(test\|tests\|samples\|docs\|examples\|src\|bin\|lib\|tmp\)' \
  -exec rm -rf {} +
mkdir -p "$W/vendor/lodash"; mv "$W/vendor/lodash-npm/lodash.min.js" "$W/vendor/lodash/index.js"; rm -rf "$W/vendor/lodash-npm"
for f in angular/angular.min.js angular-route/angular-route.min.js angular-cookies/angular-cookies.min.js d3/d3.min.js \
         topojson/topojson.js Chart.js/dist/Chart.min.js angular-chart.js/dist/angular-chart.min.js lodash/index.js; do
  [ -s "$W/vendor/$f" ] || fail "vendor/$f missing (index.html loads it)"
done

# 4. The web root as //web/gui:onos-web-gui lays it out (root level: the npm output, data, docs, app/fw and
#    app/*.{css,js,txt}; WEB-INF/classes: the pages and app/view, see the pom's Include-Resource).
step "staging the web root in web/gui/build/wab"
B=$GUI_SRC/web/gui/build/wab
rm -rf "$B"; mkdir -p "$B/app" "$B/WEB-INF"
(cd "$W" && cp -r dist vendor data README.md _doc _dev bower.json bs-config.js dev_server.js package.json "$B/" &&
  cp -r app/fw "$B/app/" && cp app/*.css app/*.js app/*.txt "$B/app/" && cp WEB-INF/web.xml "$B/WEB-INF/")
rm -rf "$B/dist/source-map"       # the genrule keeps them; 1 MB the browser never asks for without dev tools

# 5. Maven: the bundle (javac 17 --release 11, as onos-runtime)
step "mvn: onos-web-gui bundle"
cp "$R/poms/web/gui/pom.xml" "$GUI_SRC/web/gui/pom.xml"
cd "$GUI_SRC/web/gui"
[ -d "$BUILD_JAVA_HOME" ] && export JAVA_HOME=$BUILD_JAVA_HOME
nice -n 10 mvn -B -q package
J=$GUI_SRC/web/gui/target/onos-web-gui-$ONOS_VERSION.jar
[ -s "$J" ] || fail "no $J"
echo "built $J"
