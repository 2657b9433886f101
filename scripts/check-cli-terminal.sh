#!/usr/bin/env bash
# Runs the integrations command (the shaded jar) in a real terminal, as a user would: a tmux
# session with a bash shell whose prompt shows the last exit code, talking to a GitHub sandbox
# started from the sandbox module's classes (GithubSandboxMain). It types each command, waits for
# the next prompt, prints the screen and checks it with grep: log in with a token on standard
# input, status, api user, a POST, api --paginate, a 404, logout, the message and exit code 4 of an
# api call once logged out, and a token typed at the (unechoed) prompt. Exits non-zero on the first
# failed check; the sandbox, the tmux server
# and the temporary directory are removed on every exit.
#
# Needs tmux and a built integrations-cli/target/integrations-cli.jar and
# integrations-github-sandbox/target/classes (built here, offline, when missing).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$(pwd)"

JAR="$ROOT/integrations-cli/target/integrations-cli.jar"
SANDBOX_CLASSES="$ROOT/integrations-github-sandbox/target/classes"
if [ ! -f "$JAR" ] || [ ! -f "$SANDBOX_CLASSES/dev/integrations/github/sandbox/GithubSandboxMain.class" ]; then
  echo "== Building the CLI's shaded jar and the sandbox (offline, no tests)"
  ./mvnw -B -o -q -pl integrations-cli -am package -DskipTests
fi
command -v tmux >/dev/null || { echo "tmux is not installed" >&2; exit 1; }

WORK="$(mktemp -d)"
# A private tmux server (its own socket), so cleaning up never touches anyone else's sessions.
TMUX_SOCKET="$WORK/tmux.sock"
SESSION=cli
SANDBOX_PID=""
cleanup() {
  tmux -S "$TMUX_SOCKET" kill-server >/dev/null 2>&1 || true
  if [ -n "$SANDBOX_PID" ]; then
    kill "$SANDBOX_PID" >/dev/null 2>&1 || true
    wait "$SANDBOX_PID" 2>/dev/null || true
  fi
  rm -rf "$WORK"
}
trap cleanup EXIT

fail() {
  echo "FAILED: $*" >&2
  exit 1
}

echo "== GitHub sandbox"
# The shaded jar carries what the sandbox needs at run time (Jackson, SLF4J and a logger).
java -cp "$SANDBOX_CLASSES:$JAR" dev.integrations.github.sandbox.GithubSandboxMain \
  >"$WORK/sandbox.out" 2>"$WORK/sandbox.err" &
SANDBOX_PID=$!
for _ in $(seq 1 60); do
  grep -q '^Press Ctrl+C' "$WORK/sandbox.out" && break
  kill -0 "$SANDBOX_PID" 2>/dev/null || { cat "$WORK/sandbox.err" >&2; fail "the sandbox did not start"; }
  sleep 0.5
done
grep -q '^Press Ctrl+C' "$WORK/sandbox.out" || fail "the sandbox printed no address within 30 s"
BASE_URL="$(sed -n 's/^GITHUB_BASE_URL=//p' "$WORK/sandbox.out")"
HOST="${BASE_URL#http://}"
TOKEN="$(sed -n 's/^  Token for octocat ([^)]*): //p' "$WORK/sandbox.out")"
[ -n "$BASE_URL" ] && [ -n "$TOKEN" ] || fail "could not read the sandbox's URL and token"
echo "sandbox at $BASE_URL (host $HOST)"

# What the user's shell has: the command on PATH, the sandbox's GITHUB_* keys, an empty
# configuration directory, and the token in a file only they can read.
mkdir -p "$WORK/bin" "$WORK/home"
cat >"$WORK/bin/integrations" <<EOF
#!/bin/sh
exec java -jar "$JAR" "\$@"
EOF
chmod 755 "$WORK/bin/integrations"
(umask 077 && printf '%s\n' "$TOKEN" >"$WORK/home/token.txt")
{
  echo "export PATH='$WORK/bin':\"\$PATH\""
  echo "export INTEGRATIONS_CONFIG_DIR='$WORK/config'"
  grep '^GITHUB_' "$WORK/sandbox.out" | sed "s/^\([A-Z_]*\)=\(.*\)$/export \1='\2'/"
  echo "export PS1='[\$?] \$ '"
  echo "cd '$WORK/home'"
} >"$WORK/rc"

echo "== Terminal (tmux, 120x40)"
tmux -S "$TMUX_SOCKET" new-session -d -s "$SESSION" -x 120 -y 40 \
  "env -i HOME='$WORK/home' TERM=xterm-256color LANG=C.UTF-8 PATH='$PATH' bash --noprofile --rcfile '$WORK/rc' -i"

screen() {
  tmux -S "$TMUX_SOCKET" capture-pane -p -J -S - -t "$SESSION"
}

# The prompt is "[<exit code of the last command>] $ ".
PROMPT='^\[[0-9]+\] \$'

wait_for_prompt() {
  for _ in $(seq 1 120); do
    local text
    text="$(screen | sed '/^$/d')"
    if [ "$(grep -cE "$PROMPT" <<<"$text")" -ge "$1" ] && tail -n 1 <<<"$text" | grep -qE "$PROMPT ?\$"; then
      return 0
    fi
    sleep 0.5
  done
  screen
  fail "no prompt after 60 s"
}
wait_for_prompt 1

SCREEN=""
# run <expected exit code> <command line>: types the command on a cleared screen, waits for the
# next prompt, prints the screen and checks the exit code the prompt shows.
# With a third argument, that text is typed (then Enter) once the screen shows the second one.
run() {
  local expected="$1" command="$2" typed="${3:-}" asked="${4:-}"
  tmux -S "$TMUX_SOCKET" send-keys -t "$SESSION" 'clear' Enter
  wait_for_prompt 1
  tmux -S "$TMUX_SOCKET" clear-history -t "$SESSION"
  tmux -S "$TMUX_SOCKET" send-keys -t "$SESSION" -l "$command"
  tmux -S "$TMUX_SOCKET" send-keys -t "$SESSION" Enter
  if [ -n "$typed" ]; then
    for _ in $(seq 1 60); do
      screen | grep -qF -- "$asked" && break
      sleep 0.5
    done
    screen | grep -qF -- "$asked" || { screen; fail "'$command' did not ask: $asked"; }
    tmux -S "$TMUX_SOCKET" send-keys -t "$SESSION" -l "$typed"
    tmux -S "$TMUX_SOCKET" send-keys -t "$SESSION" Enter
  fi
  wait_for_prompt 2
  SCREEN="$(screen | sed -e :a -e '/^\n*$/{$d;N;ba' -e '}')"
  echo "---- screen after: $command"
  echo "$SCREEN"
  echo "----"
  local code
  code="$(grep -E "$PROMPT" <<<"$SCREEN" | tail -n 1 | sed -E 's/^\[([0-9]+)\].*/\1/')"
  [ "$code" = "$expected" ] || fail "'$command' exited with $code, expected $expected"
  grep -qF -- "$TOKEN" <<<"$SCREEN" && [ "$command" != "integrations auth token" ] \
    && fail "the token appears on the screen after '$command'"
  return 0
}

expect() {
  grep -qE -- "$1" <<<"$SCREEN" || fail "expected the screen to match: $1"
}

run 0 "integrations auth login --help"
expect "^--with-token +with a personal access token on standard input"
expect "^ +-w, --web +Log in through the browser"

run 0 "integrations auth login --with-token < token.txt"
expect "✓ Logged in to $HOST as octocat"

run 0 "integrations auth status"
expect "^HOST +ACCOUNT +SCOPES +EXPIRES +STATUS"
expect "^$HOST +octocat +repo,user +never +logged in"

run 0 "integrations api user"
expect '"login" : "octocat"'

run 0 "integrations api -X POST user/repos -f name=terminal-check -F private=true"
expect '"full_name" : "octocat/terminal-check"'
expect '"private" : true'

run 0 "integrations api --paginate 'user/repos?per_page=2' | grep '\"full_name\"'"
expect '"full_name" : "octocat/terminal-check"'
[ "$(grep -c '"full_name"' <<<"$SCREEN")" -ge 3 ] || fail "expected repositories from more than one page"

run 1 "integrations api repos/octocat/no-such-repository"
expect "Not Found"

run 0 "integrations auth logout"
expect "✓ Logged out of $HOST"

run 4 "integrations api user"
expect "You are not logged in to $HOST\. To log in, run: integrations auth login$"

run 1 "integrations auth status"
expect "not logged in"

run 2 "integrations api"
expect "Missing required parameter: 'ENDPOINT'"

# Typed at the prompt rather than redirected: asked for, and not echoed.
run 0 "integrations auth login --with-token" "$TOKEN" "Paste your token"
expect "Paste your token \(it will not be shown\) and press Enter: *$"
expect "✓ Logged in to $HOST as octocat"

echo "== CLI in a terminal: OK"
