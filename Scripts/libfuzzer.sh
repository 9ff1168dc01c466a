#!/usr/bin/env bash
# Coverage-guided fuzzing of PATFuzz with libFuzzer: builds the fuzz targets of FuzzTesting/,
# seeds them from corpus/, runs them, and turns every crash into a corpus case.
# See docs/libfuzzer.md.
set -euo pipefail

usage() {
  cat <<'EOF'
usage: Scripts/libfuzzer.sh [--seconds S] [--target NAME] [--jobs J] [--merge]
                            [--keep-going] [--findings DIR] [--verbose] [-- LIBFUZZER_FLAG...]

Builds the libFuzzer targets of FuzzTesting/ (release, -sanitize=fuzzer,address), prepares a
seed folder from the payloads of corpus/, and fuzzes each target for S seconds. A crash is
minimized (-minimize_crash=1) and turned into a corpus case whose expectation is the reference
verdict (theme findings, origin libfuzzer).

  --seconds S      how long to fuzz each target (-max_total_time); default 60
  --target NAME    FuzzRawBytes, FuzzStructured, or all (default: all, one after the other)
  --jobs J         fuzz in J parallel processes (libFuzzer's -fork=J); default 1
  --merge          do not fuzz: minimize each target's generated corpus (-merge=1), keeping
                   only inputs that add coverage
  --keep-going     do not stop at the first crash: fork mode with -ignore_crashes=1,
                   -ignore_timeouts=1 and -ignore_ooms=1; every crash is then converted
  --findings DIR   the corpus that crash cases are written to (default: corpus; with
                   PATFUZZ_PLANTED_FAULT set: $PATFUZZ_WORK/planted-findings)
  --verbose        show every line of libFuzzer's output (by default its NEW, REDUCE,
                   NEW_FUNC and recommended-dictionary lines go only to the log; the
                   INITED, pulse, DONE and final stats lines, with exec/s, always show)
  -h, --help       show this help
  -- FLAG...       pass the remaining arguments to libFuzzer as they are

Outputs (PATFUZZ_WORK, default .build/fuzz, outside the source tree):
  seeds/                      the corpus's payloads, one file each (patfuzz corpus export)
  <target>/corpus/            the corpus libFuzzer grows; kept between runs
  <target>/artifacts/<run>/   crash, minimized, timeout and oom inputs of one run
  <target>/logs/<run>.log     libFuzzer's whole output

Environment:
  PATFUZZ_WORK             where outputs go (default .build/fuzz)
  PATFUZZ_PLANTED_FAULT    test only: plant validator faults (such as expirationAtNowAccepted)
                           so FuzzStructured has something to find
  PATFUZZ_MINIMIZE_SECONDS time for minimizing one crash (default 30)
  PATFUZZ_BIN              a patfuzz executable to use instead of building one

Exit status: 0 nothing found, 1 a crash, timeout or out-of-memory input was found (or
libFuzzer failed), 2 the build failed, 64 usage error.
EOF
}

seconds=60
target=all
jobs=1
merge=0
keep_going=0
verbose=0
findings=""
extra=()
while [ $# -gt 0 ]; do
  case "$1" in
    --seconds) seconds="${2:-}"; shift 2 || { usage >&2; exit 64; } ;;
    --seconds=*) seconds="${1#*=}"; shift ;;
    --target) target="${2:-}"; shift 2 || { usage >&2; exit 64; } ;;
    --target=*) target="${1#*=}"; shift ;;
    --jobs) jobs="${2:-}"; shift 2 || { usage >&2; exit 64; } ;;
    --jobs=*) jobs="${1#*=}"; shift ;;
    --findings) findings="${2:-}"; shift 2 || { usage >&2; exit 64; } ;;
    --findings=*) findings="${1#*=}"; shift ;;
    --merge) merge=1; shift ;;
    --keep-going) keep_going=1; shift ;;
    --verbose) verbose=1; shift ;;
    -h | --help) usage; exit 0 ;;
    --) shift; extra=("$@"); break ;;
    *) echo "libfuzzer.sh: unknown argument '$1'" >&2; usage >&2; exit 64 ;;
  esac
done

case "$seconds" in
  '' | *[!0-9]* | 0) echo "libfuzzer.sh: --seconds needs a number ≥ 1" >&2; exit 64 ;;
esac
case "$jobs" in
  '' | *[!0-9]* | 0) echo "libfuzzer.sh: --jobs needs a number ≥ 1" >&2; exit 64 ;;
esac
case "$target" in
  all) targets=(FuzzRawBytes FuzzStructured) ;;
  FuzzRawBytes | FuzzStructured) targets=("$target") ;;
  *) echo "libfuzzer.sh: unknown target '$target' (FuzzRawBytes, FuzzStructured, all)" >&2
     exit 64 ;;
esac

root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
export SWIFT_BACKTRACE=enable=no
work="${PATFUZZ_WORK:-.build/fuzz}"
mkdir -p "$work"
work="$(cd "$work" && pwd)"
if [ -z "$findings" ]; then
  if [ -n "${PATFUZZ_PLANTED_FAULT:-}" ]; then
    findings="$work/planted-findings"
  else
    findings="$root/corpus"
  fi
fi
stamp="$(date -u +%Y%m%dT%H%M%SZ)"

# The flags that build a libFuzzer target with this toolchain (see docs/libfuzzer.md):
# SwiftPM's --sanitize options link libFuzzer's main and keep the executables' own main out;
# -Xswiftc -sanitize=fuzzer,address instruments the code, because the driver keeps only the
# last of several -sanitize options and would otherwise drop the coverage instrumentation.
fuzz_flags=(-c release --sanitize=fuzzer --sanitize=address -Xswiftc -sanitize=fuzzer,address)

if [ -n "${PATFUZZ_BIN:-}" ]; then
  patfuzz="$PATFUZZ_BIN"
else
  echo "== building patfuzz"
  swift build --product patfuzz || exit 2
  patfuzz="$(swift build --show-bin-path)/patfuzz"
fi
for name in "${targets[@]}"; do
  echo "== building $name (${fuzz_flags[*]})"
  swift build --package-path FuzzTesting --product "$name" "${fuzz_flags[@]}" || exit 2
done
bin="$(swift build --package-path FuzzTesting "${fuzz_flags[@]}" --show-bin-path)"

echo "== seeds from corpus/"
rm -rf "$work/seeds"
"$patfuzz" corpus export "$work/seeds" --corpus "$root/corpus"

dict="$root/FuzzTesting/PATFuzz.dict"
status=0

# Runs one crash input again and prints the first line of its crash message.
crash_line() {
  local binary="$1" name="$2" input="$3" output
  output="$("$binary" -runs=1 "$input" 2>&1 || true)"
  printf '%s\n' "$output" | grep -m1 "^==PATFuzz== $name: " | sed "s/^==PATFuzz== $name: //" \
    && return
  printf '%s\n' "$output" \
    | grep -m1 -E 'ERROR: AddressSanitizer|Fatal error|ERROR: libFuzzer|ERROR: LeakSanitizer' \
    | sed -E 's/^==[0-9]+==[ ]*//' || true
}

# Minimizes one crash input and turns it into a corpus case.
convert_crash() {
  local name="$1" crash="$2" artifacts="$3" minimized line
  minimized="$artifacts/minimized-$(basename "$crash")"
  echo "== minimizing $crash"
  "$bin/$name" -minimize_crash=1 -max_total_time="${PATFUZZ_MINIMIZE_SECONDS:-30}" \
    -exact_artifact_path="$minimized" "$crash" >"$artifacts/minimize.log" 2>&1 || true
  if [ ! -s "$minimized" ] && [ ! -e "$minimized" ]; then
    echo "   (minimizing gave nothing; keeping the input as found)"
    minimized="$crash"
  fi
  echo "   $(wc -c <"$crash") bytes -> $(wc -c <"$minimized") bytes: $minimized"
  line="$(crash_line "$bin/$name" "$name" "$minimized")"
  line="${line:0:240}"
  echo "   crash: ${line:-"(no message)"}"
  "$patfuzz" corpus add "$minimized" --fuzz-target "$name" --theme findings \
    --origin libfuzzer --note "libFuzzer $name: ${line:-crash}" --corpus "$findings" \
    || echo "   (not converted into a corpus case; the input stays at $minimized)"
}

for name in "${targets[@]}"; do
  corpus="$work/$name/corpus"
  artifacts="$work/$name/artifacts/$stamp"
  log="$work/$name/logs/$stamp.log"
  mkdir -p "$corpus" "$artifacts" "$(dirname "$log")"
  flags=(-artifact_prefix="$artifacts/" -print_final_stats=1 -timeout=10)
  # The raw-bytes target reads payloads: the corpus's payloads seed it and the dictionary
  # helps. The structured target reads choices, for which payload bytes are noise.
  seeds=()
  if [ "$name" = FuzzRawBytes ]; then
    flags+=(-dict="$dict")
    seeds=("$work/seeds")
  fi

  if [ "$merge" = 1 ]; then
    echo "== merging the corpus of $name ($(find "$corpus" -type f | wc -l) files)"
    rm -rf "$corpus.merged"
    mkdir -p "$corpus.merged"
    set +e
    "$bin/$name" -merge=1 "${flags[@]}" "${extra[@]}" "$corpus.merged" "$corpus" \
      >"$log" 2>&1
    rc=$?
    set -e
    if [ "$rc" -ne 0 ]; then
      echo "libFuzzer -merge=1 failed ($rc); the corpus is unchanged, see $log" >&2
      status=1
      continue
    fi
    rm -rf "$corpus"
    mv "$corpus.merged" "$corpus"
    grep -E '^MERGE-OUTER: [0-9]+ new files' "$log" || true
    echo "   $name corpus: $(find "$corpus" -type f | wc -l) files"
    continue
  fi

  if [ "$jobs" -gt 1 ] || [ "$keep_going" = 1 ]; then
    flags+=(-fork="$jobs")
    [ "$keep_going" = 1 ] && flags+=(-ignore_crashes=1 -ignore_timeouts=1 -ignore_ooms=1)
  fi
  echo "== fuzzing $name for ${seconds}s (corpus $corpus, log $log)"
  started=$(date +%s)
  set +e
  if [ "$verbose" = 1 ]; then
    "$bin/$name" -max_total_time="$seconds" "${flags[@]}" "${extra[@]}" \
      "$corpus" "${seeds[@]}" 2>&1 | tee "$log"
  else
    "$bin/$name" -max_total_time="$seconds" "${flags[@]}" "${extra[@]}" \
      "$corpus" "${seeds[@]}" 2>&1 | tee "$log" \
      | awk '/^###### Recommended dictionary/ { skip = 1 }
          !skip && !/^#[0-9]+.*(NEW|REDUCE) / && !/^[ \t]+NEW_FUNC/ { print; fflush() }
          /^###### End of recommended dictionary/ { skip = 0 }'
  fi
  rc=${PIPESTATUS[0]}
  set -e
  elapsed=$(($(date +%s) - started))

  # One process prints final stats; in fork mode, the last "#runs:" line counts every job.
  runs="$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)"
  speed="$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)"
  if [ -z "$runs" ]; then
    runs="$(sed -n -E 's/^#([0-9]+): cov:.*/\1/p' "$log" | tail -1)"
    [ -n "$runs" ] && [ "$elapsed" -gt 0 ] && speed=$((runs / elapsed))
  fi
  echo "== $name: ${runs:-?} runs in ${elapsed}s, ${speed:-?} exec/s on average," \
    "corpus $(find "$corpus" -type f | wc -l) files, exit $rc"

  found=()
  while IFS= read -r file; do found+=("$file"); done < <(
    find "$artifacts" -maxdepth 1 -type f \
      \( -name 'crash-*' -o -name 'leak-*' -o -name 'timeout-*' -o -name 'oom-*' \) | sort)
  if [ "${#found[@]}" -eq 0 ]; then
    rmdir "$artifacts" 2>/dev/null || true
    if [ "$rc" -ne 0 ]; then
      echo "libFuzzer exited with $rc and left no input; see $log" >&2
      status=1
    fi
    continue
  fi
  status=1
  for file in "${found[@]}"; do
    case "$(basename "$file")" in
      crash-* | leak-*) convert_crash "$name" "$file" "$artifacts" ;;
      *) echo "== $(basename "$file" | cut -d- -f1): $file (not converted; replay it with" \
           "$bin/$name $file)" ;;
    esac
  done
done

if [ "$merge" = 1 ]; then
  [ "$status" -eq 0 ] && echo "== merged"
elif [ "$status" -eq 0 ]; then
  echo "== nothing found"
else
  echo "== found something: see the cases above, written to $findings"
fi
exit "$status"
