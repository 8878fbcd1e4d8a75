// Item 3's measurement (Scripts/measure-elementary.sh): the elementary functions nnexplain calls,
// natively from glibc's libm and in the WebAssembly module from wasi-libc's (musl). The same file
// is compiled both ways; `nn_apply` is the one function both builds run.
#include <math.h>
#include <stdint.h>

/// out[i] = f(in[i]) for i < n, f = exp, log, log1p, tanh for which = 0, 1, 2, 3.
void nn_apply(int which, int n, const double *in, double *out) {
    for (int i = 0; i < n; i++) {
        double x = in[i];
        out[i] = which == 0 ? exp(x) : which == 1 ? log(x) : which == 2 ? log1p(x) : tanh(x);
    }
}

#ifndef __wasm__
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static uint64_t state;
/// SplitMix64.
static uint64_t next(void) {
    uint64_t z = (state += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}
/// Uniform in [a, b).
static double uniform(double a, double b) { return a + (b - a) * ((double)(next() >> 11) * 0x1p-53); }
/// Spread evenly over the binary exponents of [2^lo, 2^hi): a random exponent, a random mantissa.
static double logUniform(int lo, int hi) {
    int e = lo + (int)(next() % (uint64_t)(hi - lo));
    uint64_t bits = ((uint64_t)(e + 1023) << 52) | (next() >> 12);
    double x; memcpy(&x, &bits, 8); return x;
}
/// Any finite double with the sign `sign` (0 either, 1 positive).
static double anyDouble(int positive) {
    for (;;) {
        uint64_t bits = next();
        if (positive) bits &= ~(1ull << 63);
        double x; memcpy(&x, &bits, 8);
        if (isfinite(x)) return x;
    }
}

/// Writes, for function `which`, n arguments then f of each (native libm) to standard output.
/// 40% over the whole range the tool uses, 30% over its usual part, 30% any finite double.
int main(int argc, char **argv) {
    int which = atoi(argv[1]), n = atoi(argv[2]);
    state = 20 + (uint64_t)which;
    double *in = malloc(sizeof(double) * n), *out = malloc(sizeof(double) * n);
    for (int i = 0; i < n; i++) {
        int part = i % 10;
        double x;
        if (part < 4) {
            x = which == 0 ? uniform(-745, 709) : which == 1 ? logUniform(-996, 997) * (next() & 1 ? 1 : 0.75)
              : which == 2 ? (next() & 1 ? uniform(-1, 1) : logUniform(-60, 33)) : uniform(-20, 20);
            if (which == 1 && x > 1e300) x = 1e300;
            if (which == 2 && x > 1e10) x = 1e10;
            if (which == 2 && x <= -1) x = -0.5;
        } else if (part < 7) {
            x = which == 0 ? uniform(-40, 40) : which == 1 ? uniform(0x1p-1022, 10) : which == 2 ? uniform(-0.999, 10) : uniform(-3, 3);
        } else {
            x = anyDouble(which == 1);
        }
        in[i] = x;
    }
    nn_apply(which, n, in, out);
    fwrite(in, sizeof(double), n, stdout);
    fwrite(out, sizeof(double), n, stdout);
    return 0;
}
#endif
