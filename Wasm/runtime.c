// What the WebAssembly module needs below Swift and beside wasi-libc (Scripts/build-wasm.sh): the
// one compiler-rt routine the toolchain does not ship for wasm32. Not part of the native build.

typedef unsigned long long u64;

/// The low 128 bits of a × b (the standard library's float printing multiplies 128-bit numbers;
/// clang lowers that to this call). Built from 32-bit halves, since a 128-bit `*` would call itself.
__int128 __multi3(__int128 a, __int128 b) {
    u64 al = (u64)a, ah = (u64)((unsigned __int128)a >> 64);
    u64 bl = (u64)b, bh = (u64)((unsigned __int128)b >> 64);
    u64 a0 = al & 0xffffffffu, a1 = al >> 32, b0 = bl & 0xffffffffu, b1 = bl >> 32;
    u64 p00 = a0 * b0, p01 = a0 * b1, p10 = a1 * b0, p11 = a1 * b1;
    u64 middle = (p00 >> 32) + (p01 & 0xffffffffu) + (p10 & 0xffffffffu);
    u64 lo = (middle << 32) | (p00 & 0xffffffffu);
    u64 hi = p11 + (p01 >> 32) + (p10 >> 32) + (middle >> 32) + al * bh + ah * bl;
    return (__int128)(((unsigned __int128)hi << 64) | lo);
}

#include <stdlib.h>
#include <string.h>
#include <strings.h>

/// `Double(String)`'s C half, as the Swift runtime's (stdlib/public/stubs/Stubs.cpp) has it: `snan`
/// (signed or not, any case) is a signalling NaN, everything else musl's `strtod` (the C locale is
/// the only one here). Returns where the parse stopped; Swift accepts only a parse of the whole text.
const char *_swift_stdlib_strtod_clocale(const char *text, double *result) {
    const char *unsigned_text = (text[0] == '+' || text[0] == '-') ? text + 1 : text;
    if (strcasecmp(unsigned_text, "snan") == 0) {
        *result = __builtin_nans("");
        return text + strlen(text);
    }
    char *end;
    *result = strtod(text, &end);
    return end;
}
