#!/usr/bin/env bash
# CPU profile of the production server under load on one route (issue 16):
#   bench/profile/profile.sh <label> [route] [extra env…]
# PROFILE_ROOT: the tree whose build (dist/) and schema to run (default: this one);
# PROFILE_DATABASE_URL: PostgreSQL database it may reset (default portal_cache_bench).
# Writes bench/results/profile-<label>.cpuprofile and prints a summary.
set -euo pipefail
here="$(cd "$(dirname "$0")/../.." && pwd)"
root="${PROFILE_ROOT:-$here}"
label="$1"; route="${2:-/}"; shift $(( $# > 1 ? 2 : 1 )) || true
url="${PROFILE_DATABASE_URL:-postgres://portal:portal@127.0.0.1:5432/portal_cache_bench}"
port="${PROFILE_PORT:-4690}"
out="$here/bench/results"; tmp="$(mktemp -d)"
(cd "$root" && DATABASE_URL="$url" SEED_DEMO_DATA=true npx tsx scripts/db.ts reset >/dev/null)
(cd "$root" && env "$@" DATABASE_URL="$url" SESSION_SECRET=profile-secret-profile-secret-profile-secret \
  HOST=127.0.0.1 PORT="$port" NODE_ENV=production ASTRO_NODE_LOGGING=disabled \
  node --cpu-prof --cpu-prof-dir="$tmp" --import "$here/bench/profile/exit-on-signal.mjs" dist/server/entry.mjs) &
server=$!
for _ in $(seq 1 120); do curl -sf -o /dev/null "http://127.0.0.1:$port/" && break; sleep 0.5; done
for _ in 1 2 3; do curl -s -o /dev/null "http://127.0.0.1:$port$route"; done
npx autocannon -c 10 -d "${PROFILE_SECONDS:-10}" "http://127.0.0.1:$port$route" 2>&1 | grep -E "Req/Sec|Latency" | head -2
kill -TERM "$server"; wait "$server" || true
mv "$tmp"/*.cpuprofile "$out/profile-$label.cpuprofile"; rmdir "$tmp"
npx tsx "$here/bench/profile/summarize.ts" "$out/profile-$label.cpuprofile"
