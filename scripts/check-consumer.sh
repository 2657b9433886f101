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

echo "== a PostgreSQL/MariaDB application that depends on integrations-jdbc gets neither sqlite-jdbc nor HikariCP"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
VERSION="$(sed -n 's:.*<integrations.version>\(.*\)</integrations.version>.*:\1:p' examples/consumer/pom.xml)"
cat > "$WORK/pom.xml" <<POM
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>com.example</groupId>
  <artifactId>postgres-consumer</artifactId>
  <version>1.0.0</version>
  <packaging>pom</packaging>
  <dependencyManagement>
    <dependencies>
      <dependency>
        <groupId>dev.integrations</groupId>
        <artifactId>integrations-bom</artifactId>
        <version>$VERSION</version>
        <type>pom</type>
        <scope>import</scope>
      </dependency>
    </dependencies>
  </dependencyManagement>
  <dependencies>
    <dependency>
      <groupId>dev.integrations</groupId>
      <artifactId>integrations-jdbc</artifactId>
    </dependency>
  </dependencies>
</project>
POM
./mvnw -B -q -f "$WORK/pom.xml" org.apache.maven.plugins:maven-dependency-plugin:3.8.1:list \
  -DoutputFile="$WORK/deps.txt" -DincludeScope=runtime
if grep -E "org.xerial:sqlite-jdbc|com.zaxxer:HikariCP" "$WORK/deps.txt"; then
  echo "integrations-jdbc forces the SQLite driver or the pool on every application (above); they must be optional." >&2
  exit 1
fi
grep -q "dev.integrations:integrations-jdbc" "$WORK/deps.txt"
echo "integrations-jdbc alone: no sqlite-jdbc, no HikariCP: OK"
