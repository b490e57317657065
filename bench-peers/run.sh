#!/bin/sh
# shall next to Spin and Alloy on seed 003 (issue 20); see bench-peers/README.md.
#   bench-peers/run.sh [scale] [--ns 1,2,4,8,16] [--reps 3] [--timeout 300] [--property contexts|relocation]
#   bench-peers/run.sh sweep [--depth 100] [--every 10] [--timeout 600]
# Needs: the shall jar (./mvnw -q -o package -DskipTests -pl model,dsl,checker,dist), spin and gcc
# (apt-get install spin), python3; the Alloy jar is fetched from Maven Central when absent.
set -eu
here=$(CDPATH= cd -- "$(dirname -- "$0")" && pwd)
command -v spin >/dev/null 2>&1 || { echo "run.sh: no spin; apt-get install spin" >&2; exit 3; }
command -v gcc >/dev/null 2>&1 || { echo "run.sh: no gcc" >&2; exit 3; }
[ -f "$here/../dist/target/shall.jar" ] || echo "run.sh: no dist/target/shall.jar: ./shall runs the class folders, without its class cache" >&2
exec python3 "$here/peers.py" "$@"
