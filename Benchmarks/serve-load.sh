#!/usr/bin/env bash
# Load figure for `patfuzz serve` on loopback: starts the release build with no rate limit on
# an ephemeral port, runs wrk against three requests at several connection counts, stops the
# service with SIGTERM. Bounded: each run lasts DURATION seconds (default 5).
#
# usage: Benchmarks/serve-load.sh [DURATION] [CONNECTIONS...]
# needs: wrk (apt-get install wrk) and `swift build -c release --product patfuzz`.
set -euo pipefail
cd "$(dirname "$0")/.."
duration="${1:-5}"
shift || true
connections=("${@:-1 8 64}")
read -r -a connections <<<"${connections[*]}"
binary=.build/release/patfuzz
[[ -x "$binary" ]] || { echo "build first: swift build -c release --product patfuzz" >&2; exit 64; }
command -v wrk >/dev/null || { echo "wrk is missing (apt-get install wrk)" >&2; exit 64; }

output="$(mktemp)"
"$binary" serve --port 0 --rate-limit off --max-connections 256 >"$output" 2>/dev/null &
server=$!
trap 'kill -TERM "$server" 2>/dev/null; wait "$server" 2>/dev/null; rm -f "$output"' EXIT
for _ in $(seq 100); do [[ -s "$output" ]] && break; sleep 0.05; done
url="$(sed -n 's/^listening on //p' "$output")"
echo "serve at $url, $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"

run() {
  local name="$1" script="$2" count="$3"
  local threads=$((count < 2 ? 1 : 2))
  local result
  result="$(wrk -t"$threads" -c"$count" -d"${duration}s" --latency ${script:+-s "$script"} \
    -H 'Authorization: Bearer load' "$url/v2025/personal-access-tokens" -- "c$count")"
  local rate p50 p99 other
  rate="$(awk '/^Requests\/sec/ {print $2}' <<<"$result")"
  p50="$(awk '$1 == "50%" {print $2}' <<<"$result")"
  p99="$(awk '$1 == "99%" {print $2}' <<<"$result")"
  other="$(awk '/Non-2xx/ {print $5}' <<<"$result")"
  printf '| %-28s | %4d | %10s | %8s | %8s | %s |\n' "$name" "$count" "$rate" "$p50" "$p99" \
    "${other:-0}"
}

echo "| request | connections | requests/s | p50 | p99 | non-2xx |"
echo "|---|---|---|---|---|---|"
for count in "${connections[@]}"; do
  run "GET list (empty)" "" "$count"
  run "POST create (200)" Benchmarks/serve-create.lua "$count"
  run "POST invalid (400)" Benchmarks/serve-invalid.lua "$count"
done
echo "service resident memory after the runs: $(awk '/VmRSS/ {print $2, $3}' "/proc/$server/status")"
