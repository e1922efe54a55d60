#!/usr/bin/env bash
# Runs the bot and the Microsoft 365 Agents Playground (channel msteams) on this machine and exchanges, through
# the playground's web UI in headless Chromium: the install welcome, a question ("trợ giúp"), and a checklist
# step answered by clicking card buttons. Needs dotnet, node + npm (the npm registry, once, for `npm ci`) and
# Chromium (/usr/bin/chromium, or set CHROMIUM). Exit code 0 when every reply came; 1 otherwise; 2 when a tool
# is missing.
#   scripts/playground-smoke.sh [--no-build]
# Settings: BOT_PORT (default 3978), PLAYGROUND_PORT (26150), SCREENSHOT (a PNG of the chat at the end).
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
playground="$root/scripts/playground"
bot_port="${BOT_PORT:-3978}"
# Below Linux's ephemeral ports (32768-60999), which the test run's connections may still hold.
playground_port="${PLAYGROUND_PORT:-26150}"
export CHROMIUM="${CHROMIUM:-/usr/bin/chromium}"

for tool in dotnet node npm curl; do
  command -v "$tool" >/dev/null || { echo "playground smoke: skipped: $tool is not installed" >&2; exit 2; }
done
[ -x "$CHROMIUM" ] || { echo "playground smoke: skipped: no Chromium at $CHROMIUM (set CHROMIUM)" >&2; exit 2; }

if [ ! -d "$playground/node_modules/@microsoft/m365agentsplayground" ] || [ ! -d "$playground/node_modules/playwright-core" ]; then
  (cd "$playground" && npm ci --no-audit --no-fund) \
    || { echo "playground smoke: skipped: npm ci failed in $playground (is the npm registry reachable?)" >&2; exit 2; }
fi
if [ "${1:-}" != "--no-build" ]; then
  dotnet build "$root/Bot" -v q -nologo >/dev/null
fi

work="$(mktemp -d)"
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT

wait_for() { # url seconds name log
  for _ in $(seq "$2"); do curl -fs "$1" >/dev/null 2>&1 && return 0; sleep 1; done
  echo "playground smoke: FAILED: $3 did not answer $1; its log:" >&2; tail -20 "$4" >&2; exit 1
}

# The bot, anonymous (no MicrosoftAppId: the playground sends no channel token), on its own LiteDB file.
dotnet "$root/Bot/bin/Debug/net10.0/AnToan.Bot.dll" --urls "http://127.0.0.1:$bot_port" \
  --Storage:Path="$work/antoan.db" --MicrosoftAppId= >"$work/bot.log" 2>&1 &
pids+=($!)
wait_for "http://127.0.0.1:$bot_port/healthz" 60 "the bot" "$work/bot.log"

# The playground: its UI and its emulated Teams connector on one port; telemetry off.
(cd "$work" && exec node "$playground/node_modules/@microsoft/m365agentsplayground/cli.js" \
  -e "http://127.0.0.1:$bot_port/api/messages" -c msteams -p "$playground_port" --disable-telemetry) >"$work/playground.log" 2>&1 &
pids+=($!)
# When the port asked for is taken, the playground listens on another one and says which: use that one.
for _ in $(seq 60); do
  listening=$(sed -n 's/^Listening on \([0-9][0-9]*\).*/\1/p' "$work/playground.log" | head -n 1)
  [ -n "$listening" ] && break
  sleep 1
done
[ -n "$listening" ] || { echo "playground smoke: FAILED: the playground never said where it listens; its log:" >&2; tail -20 "$work/playground.log" >&2; exit 1; }
playground_port="$listening"
wait_for "http://127.0.0.1:$playground_port/_debug/ping" 60 "the playground" "$work/playground.log"

cd "$playground"
node smoke.mjs "http://127.0.0.1:$playground_port" "$root" ${SCREENSHOT:+"$SCREENSHOT"}
