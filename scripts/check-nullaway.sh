#!/usr/bin/env bash
# Proves the null-safety check of the parent pom works: builds a tiny fixture module that inherits
# the parent pom and opts in (nullaway.skip=false), and asserts that
#   1. clean @NullMarked code, an unmarked package and a violation in test code compile;
#   2. a @NullMarked main class dereferencing a @Nullable value fails the build with NullAway's error;
#   3. the same sources compile with -Dnullaway.skip=true (the failure is the check's, and a
#      module that does not opt in builds as before).
# Extra arguments go to Maven, e.g. -o for an offline build.
#
#   scripts/check-nullaway.sh [-o]
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$(pwd)"
# Inside target/ (ignored by git), two levels below the root, so the fixture finds the parent pom.
FIXTURE="$ROOT/target/nullaway-fixture"
rm -rf "$FIXTURE"
mkdir -p "$FIXTURE/src/main/java/fixture" "$FIXTURE/src/main/java/unmarked" "$FIXTURE/src/test/java/fixture"
trap 'rm -rf "$FIXTURE"' EXIT

cat > "$FIXTURE/pom.xml" <<'POM'
<?xml version="1.0" encoding="UTF-8"?>
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <parent>
    <groupId>dev.integrations</groupId>
    <artifactId>integrations-parent</artifactId>
    <version>0.1.0-SNAPSHOT</version>
    <relativePath>../../pom.xml</relativePath>
  </parent>
  <artifactId>nullaway-fixture</artifactId>
  <properties>
    <nullaway.skip>false</nullaway.skip>
  </properties>
  <dependencies>
    <dependency>
      <groupId>org.jspecify</groupId>
      <artifactId>jspecify</artifactId>
    </dependency>
  </dependencies>
</project>
POM

cat > "$FIXTURE/src/main/java/fixture/package-info.java" <<'JAVA'
@NullMarked
package fixture;

import org.jspecify.annotations.NullMarked;
JAVA
cat > "$FIXTURE/src/main/java/fixture/Clean.java" <<'JAVA'
package fixture;

import org.jspecify.annotations.Nullable;

public final class Clean {
    public static int length(@Nullable String value) {
        return value == null ? 0 : value.length();
    }
}
JAVA
cat > "$FIXTURE/src/main/java/unmarked/Legacy.java" <<'JAVA'
package unmarked;

import org.jspecify.annotations.Nullable;

public final class Legacy {
    public static int length(@Nullable String value) {
        return value.length();
    }
}
JAVA
cat > "$FIXTURE/src/test/java/fixture/CleanCheck.java" <<'JAVA'
package fixture;

import org.jspecify.annotations.Nullable;

final class CleanCheck {
    static int length(@Nullable String value) {
        return value.length();
    }
}
JAVA

build() {
  (cd "$FIXTURE" && "$ROOT/mvnw" -B "$@" test-compile) > "$FIXTURE/build.log" 2>&1
}

echo "== 1. clean @NullMarked code, an unmarked package and test code compile"
if ! build "$@"; then
  cat "$FIXTURE/build.log"
  echo "The fixture's clean sources did not compile with the NullAway check (log above)." >&2
  exit 1
fi
grep -q -- "--- compiler:.*:compile (nullaway)" "$FIXTURE/build.log" || {
  cat "$FIXTURE/build.log"; echo "The nullaway execution did not run (log above)." >&2; exit 1; }

echo "== 2. a @NullMarked class dereferencing a @Nullable value fails the build"
cat > "$FIXTURE/src/main/java/fixture/Violation.java" <<'JAVA'
package fixture;

import org.jspecify.annotations.Nullable;

public final class Violation {
    public static int length(@Nullable String value) {
        return value.length();
    }
}
JAVA
if build "$@"; then
  cat "$FIXTURE/build.log"
  echo "The build succeeded although Violation.java dereferences a @Nullable value (log above)." >&2
  exit 1
fi
EXPECTED='Violation.java:\[7,21\] \[NullAway\] dereferenced expression value is @Nullable'
if ! grep -q "$EXPECTED" "$FIXTURE/build.log"; then
  cat "$FIXTURE/build.log"
  echo "The build failed, but not with NullAway's error on Violation.java (log above)." >&2
  exit 1
fi
if grep -q "\[NullAway\].*\(Legacy\|CleanCheck\|Clean\)\.java" "$FIXTURE/build.log"; then
  cat "$FIXTURE/build.log"
  echo "NullAway reported an unmarked package or test code (log above)." >&2
  exit 1
fi

echo "== 3. the same sources compile without the check (-Dnullaway.skip=true)"
if ! build -Dnullaway.skip=true "$@"; then
  cat "$FIXTURE/build.log"
  echo "The fixture did not compile with the check skipped (log above)." >&2
  exit 1
fi
echo "NullAway check: clean code passes, a violation fails the build, skipping it restores the plain build."
