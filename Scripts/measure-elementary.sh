#!/usr/bin/env bash
# Item 3's measurement: exp, log, log1p and tanh of the native build (glibc's libm) against the
# WebAssembly module's (wasi-libc's, musl), on 1,000,000 arguments each (Wasm/Measure/elementary.c
# says which), compared in Node; where they differ, mpmath (Wasm/Measure/referee.py) says which is
# correctly rounded. Needs what Scripts/build-wasm.sh needs, node, and python3 with mpmath.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=$(dirname "$(readlink -f "$(command -v swiftc)")")
include=${WASI_SYSROOT_INCLUDE:-/usr/include/wasm32-wasi}
lib=${WASI_SYSROOT_LIB:-/usr/lib/wasm32-wasi}
out=.build/wasm/measure
n=${1:-1000000}
mkdir -p "$out"
"$bin/clang" -O2 -fno-builtin -ffp-contract=off Wasm/Measure/elementary.c -lm -o "$out/elementary"
"$bin/clang" --target=wasm32-unknown-wasi -O2 -fno-builtin -ffp-contract=off -nostdinc \
    -isystem "$("$bin/clang" -print-resource-dir)/include" -isystem "$include" -c Wasm/Measure/elementary.c -o "$out/elementary.o"
"$bin/wasm-ld" --no-entry --export=nn_apply "$out/elementary.o" "$lib/libc.a" -o "$out/elementary.wasm"
which=0
for name in exp log log1p tanh; do
    "$out/elementary" "$which" "$n" > "$out/$name.bin"
    node Wasm/Measure/compare.mjs "$out/elementary.wasm" "$name" "$which" "$out/$name.bin" "$out/$name.differences"
    python3 Wasm/Measure/referee.py "$name" "$out/$name.differences"
    # glibc picks an FMA variant of these functions where the processor has FMA (ifunc); the same
    # with it switched off, which shows how the native numbers themselves depend on the machine.
    GLIBC_TUNABLES=glibc.cpu.hwcaps=-FMA,-AVX2_Usable,-AVX2,-FMA4 "$out/elementary" "$which" "$n" > "$out/$name-no-fma.bin"
    cmp -s "$out/$name.bin" "$out/$name-no-fma.bin" && echo "$name: glibc gives the same with and without FMA" \
        || echo "$name: glibc gives other values without FMA"
    node Wasm/Measure/compare.mjs "$out/elementary.wasm" "$name (glibc without FMA)" "$which" "$out/$name-no-fma.bin" "$out/$name-no-fma.differences"
    which=$((which + 1))
done
# The number printing both builds share (Sources/_NNExplainFormat), glibc's snprintf against musl's.
cc=(-O2 -ffp-contract=off -I Sources/_NNExplainFormat/include Wasm/Measure/format.c Sources/_NNExplainFormat/format.c)
"$bin/clang" "${cc[@]}" -o "$out/format"
"$bin/clang" --target=wasm32-unknown-wasi -nostdinc -isystem "$("$bin/clang" -print-resource-dir)/include" -isystem "$include" \
    -c -O2 -I Sources/_NNExplainFormat/include Wasm/Measure/format.c -o "$out/format-measure.o"
"$bin/clang" --target=wasm32-unknown-wasi -nostdinc -isystem "$("$bin/clang" -print-resource-dir)/include" -isystem "$include" \
    -c -O2 -I Sources/_NNExplainFormat/include Sources/_NNExplainFormat/format.c -o "$out/format-shared.o"
"$bin/wasm-ld" --no-entry --export=nn_format_many "$out/format-measure.o" "$out/format-shared.o" "$lib/libc.a" -o "$out/format.wasm"
"$out/format" "$n" > "$out/format.bin"
node Wasm/Measure/compare-format.mjs "$out/format.wasm" "$out/format.bin"
