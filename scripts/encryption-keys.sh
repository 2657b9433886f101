#!/usr/bin/env bash
# Runs dev.integrations.jdbc.EncryptionKeys from a clone: compiles integrations-jdbc and what it
# needs, writes its runtime classpath to integrations-jdbc/target/classpath.txt, then runs the
# tool with the given arguments. Maven's own output goes to stderr, so stdout is only the tool's.
#
#   scripts/encryption-keys.sh                                   # prints a new key ring
#   scripts/encryption-keys.sh "$INTEGRATIONS_ENCRYPTION_KEYS"   # prints it rotated
#   scripts/encryption-keys.sh --help
set -euo pipefail
cd "$(dirname "$0")/.."

./mvnw -B -q -DskipTests -pl integrations-jdbc -am compile dependency:build-classpath \
  -Dmdep.outputFile=target/classpath.txt -Dmdep.includeScope=runtime >&2
exec java -cp "integrations-jdbc/target/classes:$(cat integrations-jdbc/target/classpath.txt)" \
  dev.integrations.jdbc.EncryptionKeys "$@"
