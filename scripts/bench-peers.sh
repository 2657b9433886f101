#!/usr/bin/env bash
# The SDK against its peers (issue 12), interleaved: JMH runs the benchmarks of one invocation one
# after another, so instead of one long run per benchmark this runs ROUNDS short rounds, and in
# each round every contestant (and its floor) gets one fork, alternating, for 1 and 4 threads.
# Background load then hits both sides of each ratio alike. Then it prints the table.
#   scripts/bench-peers.sh [ROUNDS]            (default 3; about 10 minutes per round)
# Environment: OUT (result directory, default bench-results/<date>), JMH_OPTS (extra JMH options),
# CALLS / SESSIONS (regular expressions of what to run; empty skips that part).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
rounds="${1:-3}"
out="${OUT:-$root/bench-results/$(date -u +%Y%m%dT%H%M%SZ)}"
calls="${CALLS-PeerCallBenchmark}"
sessions="${SESSIONS-JdbcSessionOpenBenchmark}"
jar="$root/benchmarks/target/benchmarks.jar"
mkdir -p "$out"
{
  echo "date: $(date -u +%FT%TZ)"
  echo "load: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "java: $(java -version 2>&1 | head -2 | tr '\n' ' ')"
  echo "command: $0 $*"
} | tee "$out/conditions.txt"
for round in $(seq 1 "$rounds"); do
  for threads in 1 4; do
    if [ -n "$calls" ]; then
      echo "round $round, $threads thread(s), calls (load $(cut -d' ' -f1 /proc/loadavg))" | tee -a "$out/conditions.txt"
      java -jar "$jar" "$calls" -f 1 -t "$threads" -prof gc ${JMH_OPTS:-} \
        -rf json -rff "$out/calls-t$threads-r$round.json" > "$out/calls-t$threads-r$round.log"
    fi
    if [ -n "$sessions" ]; then
      echo "round $round, $threads thread(s), sessions (load $(cut -d' ' -f1 /proc/loadavg))" | tee -a "$out/conditions.txt"
      java -jar "$jar" "$sessions" -f 1 -t "$threads" -prof gc ${JMH_OPTS:-} \
        -rf json -rff "$out/sessions-t$threads-r$round.json" > "$out/sessions-t$threads-r$round.log"
    fi
  done
done
echo "load at the end: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$out/conditions.txt"
"$root/scripts/bench-table.sh" "$out"/*.json | tee "$out/table.md"
