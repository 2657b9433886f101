#!/usr/bin/env bash
# Runs the shaded integrations-cli jar in a real terminal (tmux) against a sandbox started with
# GithubSandboxMain: logs in with a token typed on the keyboard, checks auth status, api and
# logout, and asserts on the captured screen text. Needs tmux (apt-get install tmux).
#
#   scripts/check-cli-terminal.sh            # builds the jar and the sandbox first
#   scripts/check-cli-terminal.sh --no-build # uses what is in target/
set -euo pipefail
cd "$(dirname "$0")/.."
command -v tmux >/dev/null || { echo "tmux is needed: apt-get install tmux" >&2; exit 1; }

if [ "${1:-}" != "--no-build" ]; then
  ./mvnw -B -q -pl integrations-cli,integrations-github-sandbox -am -DskipTests package
fi
JAR="$PWD/integrations-cli/target/integrations-cli.jar"
WORK="$(mktemp -d)"
SESSION="integrations-cli-check-$$"
SANDBOX_PID=""
cleanup() {
  tmux kill-session -t "$SESSION" 2>/dev/null || true
  if [ -n "$SANDBOX_PID" ]; then kill "$SANDBOX_PID" 2>/dev/null || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT

./mvnw -B -q -pl integrations-github-sandbox dependency:build-classpath -Dmdep.outputFile="$WORK/sandbox.cp" >/dev/null
java -cp "integrations-github-sandbox/target/classes:$(cat "$WORK/sandbox.cp")" \
  dev.integrations.github.sandbox.GithubSandboxMain >"$WORK/sandbox.out" 2>"$WORK/sandbox.err" &
SANDBOX_PID=$!
for _ in $(seq 1 100); do grep -q '^GITHUB_BASE_URL=' "$WORK/sandbox.out" 2>/dev/null && break; sleep 0.2; done
grep -q '^GITHUB_BASE_URL=' "$WORK/sandbox.out" || { echo "the sandbox did not start" >&2; cat "$WORK/sandbox.err" >&2; exit 1; }
TOKEN="$(grep 'Token for' "$WORK/sandbox.out" | awk '{print $NF}')"
HOST="$(sed -n 's|^GITHUB_BASE_URL=http://||p' "$WORK/sandbox.out")"

{
  grep '^GITHUB_' "$WORK/sandbox.out" | sed 's/^/export /'
  echo "export INTEGRATIONS_CONFIG_DIR='$WORK/config'"
  echo "alias integrations='java -jar $JAR'"
  echo "PS1='$ '"
} >"$WORK/env.sh"

tmux new-session -d -s "$SESSION" -x 160 -y 50 "bash --norc --noprofile"
send() { tmux send-keys -t "$SESSION" "$@"; }
screen() { tmux capture-pane -p -t "$SESSION" -S -200; }
# Waits until the screen shows $1 (a fixed string), up to 60 s.
wait_for() {
  for _ in $(seq 1 300); do screen | grep -qF -- "$1" && return 0; sleep 0.2; done
  echo "--- expected on screen: $1" >&2; screen >&2; exit 1
}

send "source $WORK/env.sh; clear" Enter
wait_for '$'
# The token typed at the terminal, as a user pasting it: stdin is the terminal, ended with Ctrl-D.
send "integrations auth login --with-token; echo EXIT=\$?" Enter
sleep 1
send "$TOKEN" Enter
send C-d
wait_for "EXIT="
wait_for "✓ Logged in to $HOST as octocat"
wait_for "EXIT=0"

send "clear; integrations auth status; echo STATUS_EXIT=\$?" Enter
wait_for "STATUS_EXIT=0"
screen | grep -E "^$HOST +octocat +repo,user +never +logged in" >/dev/null || { echo "status row missing" >&2; screen >&2; exit 1; }

send "clear; integrations api user | grep login; echo API_EXIT=\${PIPESTATUS[0]}" Enter
wait_for "API_EXIT=0"
wait_for '"login" : "octocat"'

send "clear; integrations api repos/octocat/missing; echo MISSING_EXIT=\$?" Enter
wait_for "MISSING_EXIT=1"
wait_for "404"

send "clear; integrations auth logout; echo LOGOUT_EXIT=\$?; integrations api user; echo AFTER_EXIT=\$?" Enter
wait_for "AFTER_EXIT=4"
wait_for "✓ Logged out of $HOST"
wait_for "You are not logged in to $HOST"

if screen | grep -qF -- "$TOKEN"; then
  # Only the typed input may show it; the commands themselves never print it.
  count="$(screen | grep -cF -- "$TOKEN")"
  [ "$count" -le 1 ] || { echo "the token appears in command output" >&2; exit 1; }
fi
echo "--- last screen"
screen | sed '/^$/d'
echo "check-cli-terminal: OK"
