#!/usr/bin/env bash
# Proves the build is reproducible: builds the working tree twice, in two separate fresh copies,
# and compares the SHA-256 of every library jar (classes, sources, Javadoc, test-jar). Any
# difference fails, listing the jars that differ.
#
#   scripts/check-reproducible.sh
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$(pwd)"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
LIBRARIES=(integrations integrations-jdbc integrations-github-sandbox integrations-okhttp)

build() {
  local dir="$WORK/$1"
  mkdir -p "$dir"
  # The files a clone would have: tracked and new, minus what .gitignore leaves out.
  (cd "$ROOT" && git ls-files -z --cached --others --exclude-standard | xargs -0 -I{} sh -c 'test -e "{}" && printf "%s\0" "{}"' \
    | tar --null -cf - -T -) | tar -xf - -C "$dir"
  echo "== build $1 in $dir"
  # Tests are not part of what is compared; the enforcer, the SBOM and Javadoc warnings are
  # checked by the main build.
  (cd "$dir" && ./mvnw -B -q -DskipTests -Denforcer.skip -Dcyclonedx.skip -Djavadoc.failOnWarnings=false \
    -pl "$(IFS=,; echo "${LIBRARIES[*]}")" -am package)
  (cd "$dir" && for module in "${LIBRARIES[@]}"; do sha256sum "$module"/target/*.jar; done) > "$WORK/$1.sha256"
}

build first
build second

echo "== library jars"
cat "$WORK/first.sha256"
if ! diff -u "$WORK/first.sha256" "$WORK/second.sha256"; then
  echo "Two builds of the same sources gave different jars (above). Check project.build.outputTimestamp" \
    "and any plugin that writes the time, the user or the machine into an archive." >&2
  exit 1
fi
count=$(wc -l < "$WORK/first.sha256")
if [ "$count" -lt 9 ]; then
  echo "Expected at least 9 library jars (classes, sources, Javadoc of 3 modules), found $count" >&2
  exit 1
fi
echo "Reproducible: $count library jars byte-identical across two clean builds."
