#!/usr/bin/env bash
# Load benchmarks of LeSocial: every figure beside nginx serving a static copy of the same page bytes
# on the same machine in the same run (the ceiling). See bench/README.md.
#
# Usage: bench/run.sh [seconds-per-run] [runs]
# Environment: LESOCIAL_BIN (binary to measure; default: built here as .build/release/lesocial),
#   BENCH_SCENARIOS (default "cold pages save examday big"), BENCH_CONNECTIONS (64), BENCH_THINK_MS (1000),
#   BENCH_SERVER_THREADS (16 × cores),
#   BENCH_CANDIDATES (2000), BENCH_BIG_QUESTIONS (20000), BENCH_BIG_ATTEMPTS (200000),
#   BENCH_LOG_LEVEL (server log level, default warning), BENCH_KEEP (1: keep the work folder).
set -euo pipefail
cd "$(dirname "$0")/.."
repo="$PWD"

duration="${1:-10}"
runs="${2:-3}"
connections="${BENCH_CONNECTIONS:-64}"
scenarios=" ${BENCH_SCENARIOS:-cold pages save examday big} "
candidates="${BENCH_CANDIDATES:-2000}"
big_questions="${BENCH_BIG_QUESTIONS:-20000}"
big_attempts="${BENCH_BIG_ATTEMPTS:-200000}"
threads=2
# The server's own default (16 × cores): saves waiting for a shared commit hold a thread each.
server_threads="${BENCH_SERVER_THREADS:-$((16 * $(nproc)))}"
think_ms="${BENCH_THINK_MS:-1000}"
app_port=18080
nginx_port=18081

scripts/install-deps.sh bench
if [ -z "${LESOCIAL_BIN:-}" ]; then
  swift build -c release --product lesocial >/dev/null
  LESOCIAL_BIN="$repo/.build/release/lesocial"
fi
bin="$(realpath "$LESOCIAL_BIN")"

work="$(mktemp -d /tmp/lesocial-bench.XXXXXX)"
server_pid=""
cleanup() {
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null || true
  [ -f "$work/nginx.pid" ] && kill "$(cat "$work/nginx.pid")" 2>/dev/null || true
  if [ "${BENCH_KEEP:-0}" = 1 ]; then echo "work folder kept: $work"; else rm -rf "$work"; fi
}
trap cleanup EXIT
cc -O2 -o "$work/examday" bench/examday.c
ulimit -n 65536 2>/dev/null || true

export LESOCIAL_ENV=production LESOCIAL_PORT=$app_port LESOCIAL_LOG_LEVEL="${BENCH_LOG_LEVEL:-warning}"
# libmicrohttpd splits the connection limit between its threads: room for every candidate on any one.
export LESOCIAL_THREADS=$server_threads LESOCIAL_MAX_CONNECTIONS=$((candidates * server_threads + 256))
base="http://127.0.0.1:$app_port"
ceiling="http://127.0.0.1:$nginx_port"
peak_rss_kb=0

# --- helpers -------------------------------------------------------------------------------------------

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }

# Starts the server on data folder $1 and root $2; sets server_pid and start_ms (exec to first /healthz).
start_server() {
  local t0
  t0=$(date +%s%N)
  LESOCIAL_DATA="$1" LESOCIAL_ROOT="$2" "$bin" serve 2>>"$work/server.log" &
  server_pid=$!
  until curl -fs "$base/healthz" >/dev/null 2>&1; do
    kill -0 "$server_pid" 2>/dev/null || { echo "server died; see its log:" >&2; tail "$work/server.log" >&2; exit 1; }
    sleep 0.005
  done
  start_ms=$((($(date +%s%N) - t0) / 1000000))
}

# Stops the server (SIGTERM) after noting its peak RSS; prints "phase: N MiB" when given a phase name.
stop_server() {
  local rss
  rss=$(awk '/VmHWM/ {print $2}' "/proc/$server_pid/status")
  [ "$rss" -gt "$peak_rss_kb" ] && peak_rss_kb=$rss
  [ -n "${1:-}" ] && printf 'server peak RSS (VmHWM), %s: %d MiB\n' "$1" $((rss / 1024))
  kill -TERM "$server_pid"
  wait "$server_pid" || true
  server_pid=""
}

rss_mib() { echo $(($(awk '/VmHWM/ {print $2}' "/proc/$server_pid/status") / 1024)); }

# CPU seconds used so far by the server (user + system).
server_cpu() { awk -v hz="$(getconf CLK_TCK)" '{printf "%.2f\n", ($14 + $15) / hz}' "/proc/$server_pid/stat"; }

# One wrk run; prints "req/s p50_ms p99_ms extra" where extra is the script's BENCH line (or "-").
measure() {
  wrk -t"$threads" -c"$connections" -d"${duration}s" --latency "$@" 2>>"$work/wrk.err" | awk '
    function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /s$/) return v * 1000; return v }
    /Requests\/sec/ { rps = $2 }
    /^ +50%/ { p50 = ms($2) } /^ +99%/ { p99 = ms($2) }
    /Non-2xx/ { bad = $NF }
    /^BENCH/ { extra = $0; sub(/^BENCH /, "", extra); gsub(/ /, ",", extra) }
    END { printf "%.0f %.2f %.2f %s\n", rps, p50, p99, (extra ? extra : "-") (bad ? ",non2xx=" bad : "") }'
}

# Value of key $2 in a "k=v,k=v" list $1.
field() { tr ',' '\n' <<<"$1" | awk -F= -v k="$2" '$1 == k {print $2}'; }

header() {
  printf '\n%-30s %9s %9s %6s %8s %8s %7s  %s\n' scenario "req/s" "nginx" ratio "p50 ms" "p99 ms" "RSS MiB" target
}

# row NAME APP_RPS NGINX_RPS P50 P99 TARGET
row() {
  printf '%-30s %9.0f %9.0f %6.2f %8.2f %8.2f %7s  %s\n' "$1" "$2" "$3" "$(echo "$2 / $3" | bc -l)" "$4" "$5" \
    "$(rss_mib)" "$6"
}

# Fresh running attempts (one visitor each) into file $1; count $2.
prepare() { python3 bench/prepare_attempts.py "$base" "$2" >"$1"; }

# Measures a page scenario `runs` times, alternating with the nginx ceiling on static file $3.
# page_scenario NAME TARGET STATIC_FILE WRK_ARGS… ; sets last_rps, last_p99.
page_scenario() {
  local name="$1" target="$2" static="$3"
  shift 3
  local rps=() p50=() p99=() ngx=() r a b extra failures=0
  for _ in $(seq "$runs"); do
    read -r r a b extra < <(measure "$@")
    rps+=("$r"); p50+=("$a"); p99+=("$b")
    failures=$((failures + $(field "$extra" failed | grep . || echo 0) + $(field "$extra" non2xx | grep . || echo 0)))
    read -r r _ _ _ < <(measure "$ceiling/$static"); ngx+=("$r")
  done
  last_rps=$(printf '%s\n' "${rps[@]}" | median)
  last_p99=$(printf '%s\n' "${p99[@]}" | median)
  last_ceiling=$(printf '%s\n' "${ngx[@]}" | median)
  row "$name" "$last_rps" "$last_ceiling" "$(printf '%s\n' "${p50[@]}" | median)" "$last_p99" "$target"
  [ "$failures" -eq 0 ] || echo "  ! $failures answers other than 200 during $name"
}

# Measures answer saves over fresh attempts; the ceiling is the question page on nginx.
save_scenario() {
  local name="$1" target="$2"
  local saves=() p50=() p99=() ngx=() r a b extra refused=0 cpu0 cpu1 cpu=()
  for _ in $(seq "$runs"); do
    prepare "$work/save-tokens.txt" $((connections * 2))
    cpu0=$(server_cpu)
    read -r r a b extra < <(BENCH_TOKENS="$work/save-tokens.txt" BENCH_THREADS=$threads \
      BENCH_SEQ_BASE=$(($(date +%s%N) / 1000)) measure -s bench/save.lua "$base")
    cpu1=$(server_cpu)
    saves+=("$(echo "$(field "$extra" saved) / ($(field "$extra" duration_us) / 1000000)" | bc -l)")
    cpu+=("$(echo "100 * ($cpu1 - $cpu0) / $duration" | bc -l)")
    refused=$((refused + $(field "$extra" refused)))
    p50+=("$a"); p99+=("$b")
    read -r r _ _ _ < <(measure "$ceiling/question.html"); ngx+=("$r")
  done
  last_rps=$(printf '%s\n' "${saves[@]}" | median)
  last_p99=$(printf '%s\n' "${p99[@]}" | median)
  last_ceiling=$(printf '%s\n' "${ngx[@]}" | median)
  row "$name" "$last_rps" "$last_ceiling" "$(printf '%s\n' "${p50[@]}" | median)" "$last_p99" "$target"
  printf '  (acknowledged "saved" answers per second; server CPU %.0f %% of one core; %d refused)\n' \
    "$(printf '%s\n' "${cpu[@]}" | median)" "$refused"
}

# Static copies of the pages for nginx, and nginx itself (one worker per core).
start_nginx() {
  mkdir -p "$work/www"
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
}

# Saves page $1 (with visitor cookie $3, if any) as static file $2 for nginx.
snapshot() {
  curl -fs ${3:+-H "Cookie: lesocial_visiteur=$3"} "$base$1" -o "$work/www/$2"
}

# --- run -----------------------------------------------------------------------------------------------

echo "LeSocial benchmarks — $(date -u +%FT%TZ), $(nproc) cores, load:$(uptime | sed 's/.*load average://')"
echo "binary: $bin"
echo "wrk -t$threads -c$connections -d${duration}s, median of $runs runs; ceiling: nginx ($threads workers) on a static copy"
echo "server: $server_threads libmicrohttpd threads (BENCH_SERVER_THREADS), synchronous = FULL, group commit of saves"
start_nginx

small="$work/small"
start_server "$small/data" "$repo"
first_ms=$start_ms
stop_server
if [[ $scenarios == *" cold "* ]]; then
  cold=()
  for _ in 1 2 3 4 5; do start_server "$small/data" "$repo"; cold+=("$start_ms"); stop_server; done
  echo "cold start to first /healthz (shipped banks, existing database, median of 5): $(printf '%s\n' "${cold[@]}" |
    median) ms  [target < 1000 ms]  (first start, migrating and importing the banks: $first_ms ms)"
fi

start_server "$small/data" "$repo"
prepare "$work/page-tokens.txt" $((connections * 2))
read -r cookie _ token <"$work/page-tokens.txt"
snapshot / home.html
snapshot /healthz healthz.html
snapshot /preparations/ifsi catalogue.html
snapshot "/epreuves/$token?q=0" question.html "$cookie"
header
if [[ $scenarios == *" pages "* ]]; then
  # No page at all: what libmicrohttpd and the Swift request path allow, the bound on every page below.
  page_scenario "stack alone: /healthz" "none (bound on pages)" healthz.html "$base/healthz"
  page_scenario "home /" "≥ 0.5 × nginx" home.html "$base/"
  page_scenario "catalogue /preparations/ifsi" "≥ 0.5 × nginx" catalogue.html "$base/preparations/ifsi"
  prepare "$work/page-tokens.txt" $((connections * 2))
  BENCH_TOKENS="$work/page-tokens.txt" BENCH_THREADS=$threads \
    page_scenario "question page" "≥ 0.5 × nginx" question.html -s bench/page.lua "$base"
  small_page_rps=$last_rps small_page_ceiling=$last_ceiling
fi
if [[ $scenarios == *" save "* ]]; then
  save_scenario "answer save" "≥ 5000/s, ≥ 0.1 × nginx, p99 < 20 ms"
  small_save_rps=$last_rps small_save_ceiling=$last_ceiling
fi
stop_server "small database, pages and saves"

# One exam day: $1 = mean think time between two answers (ms), $2 = what it stands for.
exam_day() {
  local line cpu0 cpu1 total_s
  start_server "$small/data" "$repo"
  cpu0=$(server_cpu)
  line=$("$work/examday" 127.0.0.1 "$app_port" "$candidates" ifsi-echantillon 4 "$1" || true)
  cpu1=$(server_cpu)
  echo
  echo "exam day, $2: $candidates candidates at once, each: visitor page, start, 40 saves (4 per item), submit"
  echo "  ${line#EXAMDAY }" | tr ' ' '\n' | paste -sd' ' | fold -s -w 110 | sed '2,$s/^/  /'
  total_s=$(sed 's/.*total_s=\([0-9.]*\).*/\1/' <<<"$line")
  printf '  server CPU: %.1f s (%.0f %% of one core); target: 0 errors, p99 save < 50 ms\n' \
    "$(echo "$cpu1 - $cpu0" | bc -l)" "$(echo "100 * ($cpu1 - $cpu0) / $total_s" | bc -l)"
  stop_server "exam day, $2"
}

if [[ $scenarios == *" examday "* ]]; then
  exam_day "$think_ms" "thinking $((think_ms / 2))–$((think_ms * 3 / 2)) ms between answers"
  exam_day 0 "no thinking (every answer sent on the previous acknowledgement: a stress test)"
fi

if [[ $scenarios == *" big "* ]]; then
  echo
  echo "big database: growing to $big_questions questions and $big_attempts finished attempts…"
  python3 bench/grow_db.py banks "$repo" "$work/big-root" "$big_questions"
  start_server "$work/big/data" "$work/big-root"
  echo "first start importing the grown banks: $start_ms ms"
  stop_server "big database, bank import"
  python3 bench/grow_db.py attempts "$work/big/data/lesocial.db" "$big_attempts"
  echo "database file: $(du -m "$work/big/data/lesocial.db" | cut -f1) MiB"
  start_server "$work/big/data" "$work/big-root"
  echo "cold start to first /healthz on the big database: $start_ms ms  [target < 1000 ms]"
  header
  prepare "$work/page-tokens.txt" $((connections * 2))
  BENCH_TOKENS="$work/page-tokens.txt" BENCH_THREADS=$threads \
    page_scenario "question page (big)" "within 10 % of small" question.html -s bench/page.lua "$base"
  big_page_rps=$last_rps big_page_ceiling=$last_ceiling
  save_scenario "answer save (big)" "within 10 % of small"
  big_save_rps=$last_rps big_save_ceiling=$last_ceiling
  if [ -n "${small_page_rps:-}" ] && [ -n "${small_save_rps:-}" ]; then
    # The machine's load drifts between phases: the ratios to the same-phase nginx ceiling correct for it.
    printf '  big / small, req/s: question page %.2f, answer save %.2f  [target ≥ 0.90]\n' \
      "$(echo "$big_page_rps / $small_page_rps" | bc -l)" "$(echo "$big_save_rps / $small_save_rps" | bc -l)"
    printf '  big / small, ratio to nginx: question page %.2f, answer save %.2f\n' \
      "$(echo "($big_page_rps / $big_page_ceiling) / ($small_page_rps / $small_page_ceiling)" | bc -l)" \
      "$(echo "($big_save_rps / $big_save_ceiling) / ($small_save_rps / $small_save_ceiling)" | bc -l)"
  fi
  stop_server "big database, pages and saves"
fi

printf '\nserver peak RSS over the whole run: %d MiB  [target < 150 MiB]\n' $((peak_rss_kb / 1024))
echo "load at the end:$(uptime | sed 's/.*load average://')"
