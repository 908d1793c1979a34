#!/usr/bin/env bash
# Runs the billing-estimate job. With no arguments: the demo on the embedded warehouse.
# Builds the jar on first use and whenever the sources changed. See ./run-job.sh help.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
export BILLING_CALLER_DIR="$PWD"
cd "$here"
jar=target/billing-estimate.jar
if [ ! -f "$jar" ] || [ -n "$(find src pom.xml -newer "$jar" -print -quit 2>/dev/null)" ]; then
  echo "building $jar (first run, or the sources changed) ..." >&2
  if ! mvn -B -q -DskipTests package >&2; then
    echo "error: the build failed (see above)" >&2
    exit 1
  fi
fi
opts="${JAVA_OPTS:-}"
# The benchmark holds the job to the heap a tenant gets in production.
if [ "${1:-}" = bench ] && [[ " $opts" != *" -Xmx"* ]]; then
  opts="$opts -Xmx256m"
fi
exec java $opts -jar "$jar" "$@"
