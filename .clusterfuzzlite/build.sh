#!/bin/bash -eu
# Builds the libFuzzer targets of FuzzTesting/ into $OUT, with a seed corpus and a dictionary,
# following OSS-Fuzz's Swift conventions. ClusterFuzzLite and OSS-Fuzz run it in the
# base-builder-swift image (`compile`), where SRC, OUT, WORK and SANITIZER are set and
# `precompile_swift` exports SWIFTFLAGS / SWIFT6_2FLAGS.
#
# It also runs on a machine with a Swift toolchain that has libFuzzer, from the repository:
#   .clusterfuzzlite/build.sh            # OUT defaults to .build/cflite/out
# and builds the same way Scripts/libfuzzer.sh does. See docs/libfuzzer.md.

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
if [ -f "$root/FuzzTesting/Package.swift" ]; then
  cd "$root" # run from the repository (locally)
fi            # else: run as $SRC/build.sh from WORKDIR, the repository
repo="$(pwd)"
OUT="${OUT:-$repo/.build/cflite/out}"
WORK="${WORK:-$repo/.build/cflite/work}"
SANITIZER="${SANITIZER:-address}"
mkdir -p "$OUT" "$WORK"

# The fuzz flags. FuzzTesting/Package.swift is at tools version 6.2, so precompile_swift's
# SWIFT6_2FLAGS apply (SwiftPM passes -parse-as-library itself). SwiftPM hands the driver one
# -sanitize option per --sanitize, and this toolchain's driver keeps only the last one, which
# would build without coverage instrumentation: -Xswiftc -sanitize=fuzzer,$SANITIZER restores
# it. A coverage build has a single --sanitize=fuzzer and needs nothing more.
if command -v precompile_swift >/dev/null 2>&1; then
  . precompile_swift
fi
if [ -n "${SWIFT6_2FLAGS:-}" ]; then
  read -r -a flags <<<"$SWIFT6_2FLAGS"
else
  flags=(-Xswiftc -static-stdlib --static-swift-stdlib --sanitize=fuzzer --sanitize="$SANITIZER")
fi
if [ "$SANITIZER" != coverage ]; then
  flags+=(-Xswiftc "-sanitize=fuzzer,$SANITIZER")
fi
export SWIFT_BACKTRACE=enable=no

# patfuzz, without sanitizers, exports the seeds.
swift build -c release --product patfuzz --scratch-path "$WORK/patfuzz-build"
patfuzz="$(swift build -c release --scratch-path "$WORK/patfuzz-build" --show-bin-path)/patfuzz"
rm -rf "$WORK/seeds"
"$patfuzz" corpus export "$WORK/seeds" --corpus "$repo/corpus"

scratch="$WORK/fuzz-build"
for target in FuzzRawBytes FuzzStructured; do
  swift build -c release --package-path FuzzTesting --scratch-path "$scratch" \
    --product "$target" "${flags[@]}"
done
bin="$(swift build -c release --package-path FuzzTesting --scratch-path "$scratch" \
  "${flags[@]}" --show-bin-path)"
for target in FuzzRawBytes FuzzStructured; do
  cp "$bin/$target" "$OUT/$target"
done

# The raw-bytes target reads payloads: the corpus's payloads seed it, and the dictionary
# (found by name, <target>.dict) helps. The structured target reads generator choices.
rm -f "$OUT/FuzzRawBytes_seed_corpus.zip"
(cd "$WORK/seeds" && zip -q -r "$OUT/FuzzRawBytes_seed_corpus.zip" .)
cp FuzzTesting/PATFuzz.dict "$OUT/FuzzRawBytes.dict"
echo "built into $OUT:"
ls -l "$OUT"
