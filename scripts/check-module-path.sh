#!/usr/bin/env bash
# Builds examples/modular, an application with a module-info.java that requires the SDK's modules,
# against the installed artifacts, and runs it on the module path: every jar is a named or
# automatic module, so the SDK's descriptors (exports, opens for Jackson, optional requires) are
# exercised for real. Run ./mvnw install -DskipTests first (CI's build installs them).
set -euo pipefail
cd "$(dirname "$0")/.."

echo "== examples/modular, built standalone and run on the module path"
./mvnw -B -q -f examples/modular/pom.xml clean package
OUT="$(java --module-path examples/modular/target/classes:examples/modular/target/lib \
  -m com.example.modular/com.example.modular.Main 2>/dev/null)"
echo "$OUT"
for expected in "module dev.integrations" "login octocat" "repositories "; do
  if ! grep -q "^$expected" <<<"$OUT"; then
    echo "examples/modular: expected a line starting with '$expected'" >&2
    exit 1
  fi
done
echo "examples/modular: OK"
