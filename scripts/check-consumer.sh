#!/usr/bin/env bash
# Builds examples/consumer, an application outside the reactor that depends on integrations-java
# only the way the README says (BOM import + dependencies), against the artifacts in the local
# Maven repository. Run ./mvnw install -DskipTests first (CI's build installs them).
#
#   scripts/check-consumer.sh            # expects the artifacts installed
#   scripts/check-consumer.sh --install  # installs them first (./mvnw -q install -DskipTests)
set -euo pipefail
cd "$(dirname "$0")/.."

if [ "${1:-}" = "--install" ]; then
  ./mvnw -B -q install -DskipTests
fi
echo "== examples/consumer, built standalone against the installed artifacts"
./mvnw -B -q -f examples/consumer/pom.xml clean verify
echo "examples/consumer: OK"
