#!/usr/bin/env bash
# Runs the billing-estimate job. With no arguments: the demo on the embedded warehouse.
# Builds the jar on first use and whenever the sources changed, then a class-data-sharing archive
# of it (README, "Command start"). See ./run-job.sh help.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
export BILLING_CALLER_DIR="$PWD"
cd "$here"
jar=target/billing-estimate.jar
# The benchmark is no part of the jar: its classes (src/bench) are built beside it.
bench=target/bench-classes
# The jar extracted (the JVM shares classes from plain jars only) and the classes a start loads,
# archived by a training run that starts a command's application on an in-memory warehouse and exits.
cds=target/cds
if [ ! -f "$jar" ] || [ -n "$(find src pom.xml -newer "$jar" -print -quit 2>/dev/null)" ] \
  || { [ "${1:-}" = bench ] && [ ! -d "$bench" ]; }; then
  echo "building $jar (first run, or the sources changed) ..." >&2
  if ! mvn -B -q -DskipTests package >&2; then
    echo "error: the build failed (see above)" >&2
    exit 1
  fi
fi
if [ ! -d "$cds" ] || [ "$jar" -nt "$cds" ]; then
  rm -rf "$cds"
  if java -Djarmode=tools -jar "$jar" extract --destination "$cds" >/dev/null 2>&1 \
    && java -XX:ArchiveClassesAtExit="$cds/app.jsa" -Dspring.context.exit=onRefresh -jar "$cds/billing-estimate.jar" \
      sources --spring.datasource.url='jdbc:h2:mem:cds-training;MODE=MySQL;DATABASE_TO_LOWER=TRUE' \
      --billing.directory.url= --logging.level.root=OFF >/dev/null 2>&1 \
    && [ -s "$cds/app.jsa" ]; then
    :
  else
    echo "note: could not make the class-data archive; running the plain jar" >&2
    rm -rf "$cds"
    mkdir -p "$cds" # not tried again until the jar is rebuilt
  fi
fi
opts="${JAVA_OPTS:-}"
if [ "${1:-}" = bench ]; then
  # The benchmark holds the job to the heap a tenant gets in production. It runs the jar's
  # application with its own classes added (Spring Boot's PropertiesLauncher, loader.path).
  if [[ " $opts" != *" -Xmx"* ]]; then
    opts="$opts -Xmx256m"
  fi
  exec java $opts -Dloader.path="$bench" -Dloader.main=com.contactcenter.billing.bench.BenchCommand \
    -cp "$jar" org.springframework.boot.loader.launch.PropertiesLauncher "$@"
fi
if [ -s "$cds/app.jsa" ]; then
  exec java -XX:SharedArchiveFile="$cds/app.jsa" $opts -jar "$cds/billing-estimate.jar" "$@"
fi
exec java $opts -jar "$jar" "$@"
