#!/usr/bin/env bash
# Prints one markdown table of ratios from JMH JSON results (issue 12): each file is one round.
#   scripts/bench-table.sh bench-results/*.json
# Needs benchmarks/target/benchmarks.jar (./mvnw -q -pl benchmarks -am package -DskipTests).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
exec java -cp "$root/benchmarks/target/benchmarks.jar" dev.integrations.benchmarks.BenchTable "$@"
