#!/usr/bin/env bash
# Builds NNExplainCore and NNExplain, from the same source files as the native build, into one
# WebAssembly module in Embedded Swift: .build/wasm/nnexplain.wasm.
#
# Needs: the Swift toolchain's Embedded standard library for wasm32-unknown-none-wasm, its clang
# and wasm-ld (Swift 6.3), and wasi-libc (Debian's wasi-libc: musl's libc and libm for wasm32,
# headers in /usr/include/wasm32-wasi, libraries in /usr/lib/wasm32-wasi; WASI_SYSROOT_INCLUDE and
# WASI_SYSROOT_LIB override those). What the native build has and Embedded Swift has not stays
# behind a seam in the sources (`#if hasFeature(Embedded)`, see Engine+Threads.swift) or is given
# here from Wasm/ (the C declarations of libm, the entry points, __multi3).
set -euo pipefail
cd "$(dirname "$0")/.."
bin=$(dirname "$(readlink -f "$(command -v swiftc)")")
include=${WASI_SYSROOT_INCLUDE:-/usr/include/wasm32-wasi}
lib=${WASI_SYSROOT_LIB:-/usr/lib/wasm32-wasi}
out=.build/wasm
for need in "$bin/swiftc" "$bin/clang" "$bin/wasm-ld" "$include/stdio.h" "$lib/libc.a"; do
    [ -e "$need" ] || { echo "build-wasm.sh: $need is missing (Swift 6.3 toolchain and wasi-libc needed)" >&2; exit 1; }
done
# Up to date: no source, none of the module's files in Wasm/ and not this script changed since the module was written.
if [ -f "$out/nnexplain.wasm" ] && [ -z "$(find Sources/NNExplainCore Sources/NNExplain Sources/_NNExplainKernels \
        Sources/_NNExplainFormat Wasm/Core Wasm/Explain Wasm/runtime.c "$0" -newer "$out/nnexplain.wasm" | head -1)" ]; then
    echo "$out/nnexplain.wasm is up to date: $(wc -c < "$out/nnexplain.wasm") bytes"
    exit 0
fi
mkdir -p "$out/modules/_NNExplainKernels" "$out/modules/_NNExplainFormat" "$out/obj"
root=$(pwd)
for c in _NNExplainKernels:nnx_kernels.h _NNExplainFormat:nnx_format.h; do
    printf 'module %s {\n    header "%s"\n    export *\n}\n' "${c%%:*}" "$root/Sources/${c%%:*}/include/${c#*:}" \
        > "$out/modules/${c%%:*}/module.modulemap"
done

cc=("$bin/clang" --target=wasm32-unknown-wasi -O2 -nostdinc -isystem "$("$bin/clang" -print-resource-dir)/include"
    -isystem "$include" -c)
"${cc[@]}" -I Sources/_NNExplainKernels/include Sources/_NNExplainKernels/product_portable.c -o "$out/obj/kernels.o"
"${cc[@]}" -I Sources/_NNExplainFormat/include Sources/_NNExplainFormat/format.c -o "$out/obj/format.o"
"${cc[@]}" Wasm/runtime.c -o "$out/obj/runtime.o"

swift=("$bin/swiftc" -target wasm32-unknown-none-wasm -enable-experimental-feature Embedded
       -enable-experimental-feature Extern -wmo -parse-as-library -Osize -Xfrontend -disable-stack-protector -package-name nnexplain
       -I "$out/modules" -Xcc -fmodule-map-file="$out/modules/_NNExplainKernels/module.modulemap"
       -Xcc -fmodule-map-file="$out/modules/_NNExplainFormat/module.modulemap")
core=$(find Sources/NNExplainCore -name '*.swift' | sort)
explain=$(find Sources/NNExplain -name '*.swift' | sort)
# shellcheck disable=SC2086
"${swift[@]}" -module-name NNExplainCore -emit-module -emit-module-path "$out/modules/NNExplainCore.swiftmodule" \
    $core Wasm/Core/*.swift -c -o "$out/obj/core.o"
# shellcheck disable=SC2086
"${swift[@]}" -module-name NNExplain -emit-module -emit-module-path "$out/modules/NNExplain.swiftmodule" \
    $explain Wasm/Explain/*.swift -c -o "$out/obj/explain.o"

tables=$(dirname "$bin")/lib/swift/embedded/wasm32-unknown-none-wasm/libswiftUnicodeDataTables.a
"$bin/wasm-ld" --no-entry --gc-sections --strip-all -z stack-size=1048576 \
    --export=malloc --export=free --export=step_text --export=step_mathml --export=result_pointer --export=result_length \
    "$out"/obj/*.o "$tables" "$lib/libc.a" -o "$out/nnexplain.wasm"
echo "$out/nnexplain.wasm: $(wc -c < "$out/nnexplain.wasm") bytes"
