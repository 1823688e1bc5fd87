#!/usr/bin/env bash
# Checks that the working tree's pipeline.p4 compiles for bmv2 to what a git revision's did: the P4Info
# byte for byte, and the bmv2 JSON once source locations are left out (the "source_info" objects, and
# the names p4c makes from a file name and line, such as tbl_pipeline824 for a keyless table built
# from an apply-block statement on line 824). Use it when P4 code moves between files (p4/include/).
#   scripts/p4-equiv-check.sh [REV]     REV defaults to main
# Prints SKIPPED when p4c-bm2-ss is not on the PATH; exits 1 on any difference.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib.sh
help_if_asked "$@"

REV=${1:-main}
P4C=${P4C:-p4c-bm2-ss}
command -v "$P4C" >/dev/null || { echo "SKIPPED: $P4C not found (P4 equivalence check)"; exit 0; }

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/base" "$tmp/head"
git archive "$REV" | tar -x -C "$tmp/base"
compile() {   # $1 = source root (the input path is relative, as p4-regen.sh gives it), $2 = output
    (cd "$1" && "$P4C" --arch v1model -o "$2/out.json" --p4runtime-files "$2/out.p4info.txt" \
        pipeline.p4 > "$2/p4c.log" 2>&1) || { cat "$2/p4c.log" >&2; echo "error: $P4C failed in $1" >&2; exit 1; }
}
compile "$tmp/base" "$tmp/base"
compile "$PWD" "$tmp/head"

rc=0
if cmp -s "$tmp/base/out.p4info.txt" "$tmp/head/out.p4info.txt"; then
    echo "P4Info: identical"
else
    echo "P4Info: DIFFERS"; diff "$tmp/base/out.p4info.txt" "$tmp/head/out.p4info.txt" | head -20; rc=1
fi
stems=$(find "$tmp/base" "$PWD" -name '*.p4' -not -path '*/target/*' -printf '%f\n' \
        | sed 's/\.p4$//' | sort -u | paste -sd'|')
if python3 - "$tmp/base/out.json" "$tmp/head/out.json" "$stems" <<'PY'
import json, re, sys
# Names p4c derives from a source position: [tbl_]<file stem><line>[_<n>].
located = re.compile(r'^(tbl_)?(%s)\d+(_\d+)?$' % sys.argv[3])
def canon(path):
    seen = {}
    def name(v):
        m = located.match(v)
        if not m:
            return v
        key = v[len(m.group(1) or ''):]
        seen.setdefault(key, 'LOC%d' % len(seen))
        return (m.group(1) or '') + seen[key]
    def walk(v):    # keys too: next_tables maps action names to tables
        if isinstance(v, dict):
            return {name(k): walk(x) for k, x in v.items() if k != 'source_info'}
        if isinstance(v, list):
            return [walk(x) for x in v]
        return name(v) if isinstance(v, str) else v
    return walk(json.load(open(path))), len(seen)
a, na = canon(sys.argv[1])
b, nb = canon(sys.argv[2])
if a == b:
    print('bmv2 JSON: identical without source locations (%d located names)' % na)
    sys.exit(0)
for k in a:
    if a[k] != b.get(k):
        print('bmv2 JSON: DIFFERS in', k)
sys.exit(1)
PY
then :; else rc=1; fi
exit $rc
