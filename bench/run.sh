#!/usr/bin/env bash
# Load benchmarks: each LeSocial figure beside nginx serving a static copy of
# the same page bytes on the same machine in the same run (the ceiling).
# Usage: bench/run.sh [seconds-per-run] [runs]
set -euo pipefail
cd "$(dirname "$0")/.."

duration="${1:-10}"
runs="${2:-3}"
connections="${BENCH_CONNECTIONS:-64}"
threads=2

scripts/install-deps.sh bench
swift build -c release --product lesocial >/dev/null

work="$(mktemp -d)"
app_port=18080
nginx_port=18081
cleanup() {
  [ -n "${server_pid:-}" ] && kill "$server_pid" 2>/dev/null || true
  [ -f "$work/nginx.pid" ] && kill "$(cat "$work/nginx.pid")" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

# Cold start: from exec to the first /healthz answer, on an existing database.
export LESOCIAL_ENV=production LESOCIAL_DATA="$work/data" LESOCIAL_PORT=$app_port LESOCIAL_LOG_LEVEL=warning
.build/release/lesocial migrate >/dev/null
start_ns=$(date +%s%N)
.build/release/lesocial serve 2>"$work/server.log" &
server_pid=$!
until curl -fs "http://127.0.0.1:$app_port/healthz" >/dev/null 2>&1; do sleep 0.005; done
cold_ms=$(( ($(date +%s%N) - start_ns) / 1000000 ))

# The ceiling: nginx with one worker per core serving the same bytes.
mkdir -p "$work/www"
curl -fs "http://127.0.0.1:$app_port/" -o "$work/www/index.html"
cat >"$work/nginx.conf" <<CONF
worker_processes $threads;
pid $work/nginx.pid;
error_log $work/nginx-error.log;
events { worker_connections 4096; }
http {
  access_log off;
  server { listen 127.0.0.1:$nginx_port; root $work/www; location / { default_type text/html; } }
}
CONF
nginx -c "$work/nginx.conf"

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }

# One wrk run: prints "requests_per_second p50_ms p99_ms".
measure() {
  wrk -t"$threads" -c"$connections" -d"${duration}s" --latency "$@" 2>/dev/null | awk '
    /Requests\/sec/ { rps = $2 }
    /^ +50%/ { p50 = $2 } /^ +99%/ { p99 = $2 }
    function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /s$/) return v * 1000; return v }
    END { printf "%.0f %.2f %.2f\n", rps, ms(p50), ms(p99) }'
}

scenario() {
  local name="$1" url="$2" ceiling_url="$3"
  local app_rps=() app_p50=() app_p99=() ngx_rps=()
  for _ in $(seq "$runs"); do
    read -r r p50 p99 < <(measure "$url"); app_rps+=("$r"); app_p50+=("$p50"); app_p99+=("$p99")
    read -r r _ _ < <(measure "$ceiling_url"); ngx_rps+=("$r")
  done
  local a n
  a=$(printf '%s\n' "${app_rps[@]}" | median)
  n=$(printf '%s\n' "${ngx_rps[@]}" | median)
  printf '%-14s %10.0f %10.0f %7.2f %8s %8s\n' "$name" "$a" "$n" "$(echo "$a / $n" | bc -l)" \
    "$(printf '%s\n' "${app_p50[@]}" | median)" "$(printf '%s\n' "${app_p99[@]}" | median)"
}

echo "LeSocial benchmarks: $(nproc) cores, wrk -t$threads -c$connections -d${duration}s, median of $runs runs"
echo "cold start to first /healthz: ${cold_ms} ms"
printf '%-14s %10s %10s %7s %8s %8s\n' scenario "req/s" "nginx" ratio "p50 ms" "p99 ms"
scenario "home /" "http://127.0.0.1:$app_port/" "http://127.0.0.1:$nginx_port/index.html"
rss_kb=$(awk '/VmHWM/ {print $2}' "/proc/$server_pid/status")
echo "server peak RSS: $((rss_kb / 1024)) MiB"
