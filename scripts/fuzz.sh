#!/usr/bin/env bash
# Builds one libFuzzer target over LeSocial's parsers and runs it for a while.
#
#   scripts/fuzz.sh TARGET [SECONDS]      targets: gift moodlexml mustache forms
#
# The target's module sources and its Fuzz/<target>/ entry are compiled straight
# with swiftc (-sanitize=fuzzer,address, -O), not through Package.swift, into
# $FUZZ_OUT/<target>/ (default /tmp/lesocial-fuzz). The run reads the committed
# seeds in Fuzz/Corpus/<target>/ (never written to) plus, for gift and mustache,
# seeds taken at run time from ../shared/conformance; new inputs go to
# $FUZZ_OUT/<target>/corpus, crashes to $FUZZ_OUT/<target>/artifacts/.
# Replay one input: $FUZZ_OUT/<target>/fuzzer FILE
set -euo pipefail
cd "$(dirname "$0")/.."

usage() {
  echo "usage: scripts/fuzz.sh gift|moodlexml|mustache|forms [SECONDS]" >&2
  exit 64
}
[ $# -ge 1 ] || usage
target=$1
seconds=${2:-60}
out=${FUZZ_OUT:-/tmp/lesocial-fuzz}/$target
conformance=../shared/conformance
flags=(-sanitize=fuzzer,address -parse-as-library -O -g -swift-version 5 -use-ld=lld)
mkdir -p "$out/corpus" "$out/artifacts" "$out/seeds"

# Build: the module's own sources plus the entry files, in one module so the
# entry may reach internal types (MultipartReader).
case $target in
  gift | moodlexml)
    sources=(Sources/Exams/Questions/*.swift)
    swiftc "${flags[@]}" -module-name Fuzz Fuzz/"$target"/*.swift "${sources[@]}" -o "$out/fuzzer"
    ;;
  mustache)
    swiftc "${flags[@]}" -module-name Fuzz Fuzz/mustache/*.swift Sources/Mustache/*.swift -o "$out/fuzzer"
    ;;
  forms)
    swiftc "${flags[@]}" -emit-library -static -module-name Logging Sources/Logging/*.swift \
      -emit-module -emit-module-path "$out/Logging.swiftmodule" -o "$out/libLogging.a"
    mapfile -t sources < <(find Sources/Web -name '*.swift' | sort)
    swiftc "${flags[@]}" -module-name Web Fuzz/forms/*.swift "${sources[@]}" \
      -I Sources/CMicroHTTPD -I "$out" -L "$out" -lLogging -lmicrohttpd -o "$out/fuzzer"
    ;;
  *) usage ;;
esac

# Extra seeds from the shared conformance material, copied out of the repo at run time.
seed_dirs=("Fuzz/Corpus/$target")
if [ "$target" = gift ] && [ -d "$conformance/gift" ]; then
  find "$conformance/gift" -type f \( -name '*.gift' -o -name '*.gift.txt' \) -exec cp -f {} "$out/seeds/" \;
  seed_dirs+=("$out/seeds")
fi
if [ "$target" = mustache ] && [ -d "$conformance/mustache" ]; then
  for spec in "$conformance"/mustache/*.json; do
    name=$(basename "$spec" .json)
    count=$(jq '.tests | length' "$spec")
    for ((index = 0; index < count; index++)); do
      jq -j --argjson i "$index" '.tests[$i].template' "$spec" >"$out/seeds/$name-$index.mustache"
    done
  done
  seed_dirs+=("$out/seeds")
fi

# Run: new inputs land in the first directory only; the committed seeds stay untouched.
# XMLParser leaks an error object for each parse error (swift-corelibs-foundation), which
# fills 2 GB in about 7 minutes: moodlexml runs in fork mode, in child processes renewed
# as they go, whose stats the parent prints as "#N: ... exec/s: R" lines instead.
extra=()
[ "$target" = moodlexml ] && extra=(-fork=1)
log=$out/fuzz.log
status=0
started=$(date +%s)
# Leak checks are off: Swift keeps string and array storage behind tagged pointers that
# LeakSanitizer cannot follow, so one-time allocations read as leaks. Swift's own backtracer
# is off so that libFuzzer and AddressSanitizer report crashes.
SWIFT_BACKTRACE=enable=no ASAN_OPTIONS=detect_leaks=0 nice -n 10 "$out/fuzzer" \
  -max_total_time="$seconds" -timeout=5 -rss_limit_mb=2048 -detect_leaks=0 -print_final_stats=1 \
  -artifact_prefix="$out/artifacts/" "${extra[@]}" "$out/corpus" "${seed_dirs[@]}" >"$log" 2>&1 || status=$?

elapsed=$(($(date +%s) - started))
executions=$(awk '/stat::number_of_executed_units/ { value = $2 } END { print value }' "$log")
rate=$(awk '/stat::average_exec_per_sec/ { value = $2 } END { print value }' "$log")
if [ -z "$executions" ]; then
  executions=$(awk -F'[#:]' '/^#[0-9]+: / { value = $2 } END { print value }' "$log")
  rate=$(awk '/^#[0-9]+: / { for (i = 1; i < NF; i++) if ($i == "exec/s:") value = $(i + 1) }
    END { print value }' "$log")
fi
echo "fuzz $target: ${executions:-?} executions in ${elapsed} s, ${rate:-?} exec/s, log $log"
if [ "$status" -ne 0 ]; then
  grep -E '^==[0-9]+==.*ERROR|^SUMMARY|Fatal error|Test unit written' "$log" >&2 || true
  echo "fuzz $target: failed (exit $status); minimize with" \
    "$out/fuzzer -minimize_crash=1 -runs=100000 -artifact_prefix=$out/artifacts/ CRASH_FILE" >&2
fi
exit "$status"
