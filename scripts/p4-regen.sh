#!/usr/bin/env bash
# Recompiles pipeline.p4 into the pipeconf's artifacts and regenerates the Java constants from the
# P4Info. Run from anywhere; commit the results (the pipeconf build fails when they drift).
#   pipeconf/src/main/resources/lwaftr.json, lwaftr.p4info.txt, lwaftr.cpu_port.txt
#   pipeconf/src/main/java/org/lwaftr/pipeconf/gen/*.java
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib.sh
help_if_asked "$@"

P4C=${P4C:-p4c-bm2-ss}
RES=pipeconf/src/main/resources
command -v "$P4C" >/dev/null || { echo "error: $P4C not found on PATH" >&2; exit 1; }

# Relative input path from the repository root: the JSON names its source file as given.
"$P4C" --arch v1model -o "$RES/lwaftr.json" --p4runtime-files "$RES/lwaftr.p4info.txt" pipeline.p4 \
    2> >(grep -v 'txt format is being deprecated' >&2)

# The generator lives in the pipeconf's test sources and needs only the P4Info protobuf classes;
# it is compiled on its own so that it runs even when the main code no longer fits the new P4Info.
GEN=pipeconf/src/test/java/org/lwaftr/pipeconf/codegen
OUT=pipeconf/target/regen
mkdir -p "$OUT/classes"
mvn_step -B -q ${MVN_OFFLINE--o} -pl pipeconf dependency:build-classpath -Dmdep.includeScope=test \
    -Dmdep.outputFile="$PWD/$OUT/classpath"
javac -d "$OUT/classes" -cp "$(cat "$OUT/classpath")" \
    "$GEN/P4InfoJavaGenerator.java" "$GEN/EnumWriter.java" "$GEN/ConstantGroup.java" "$GEN/JavaNames.java"
java -cp "$OUT/classes:$(cat "$OUT/classpath")" org.lwaftr.pipeconf.codegen.P4InfoJavaGenerator \
    "$RES/lwaftr.p4info.txt" pipeconf/src/main/java "$RES"
echo "regenerated; review with: git status pipeconf/ pipeline.p4"
