// The number printing both builds share (Sources/_NNExplainFormat: snprintf's %.*g and %.*f),
// natively glibc's snprintf and in the module musl's, on the same doubles
// (Scripts/measure-elementary.sh). Argument i is printed with %.*g at precision 1 + i % 17 into
// out[40 i …], and with %.*f at i % 3 decimals into out[40 (n + i) …].
#include <stdint.h>
#include <string.h>
#include "nnx_format.h"

void nn_format_many(int n, const double *in, char *out) {
    for (int i = 0; i < n; i++) {
        nn_format_g(out + 40 * i, 40, 1 + i % 17, in[i]);
        double x = in[i];
        // %.*f only where it fits: |x| below 10^30 (the diagram prints coordinates this way).
        nn_format_f(out + 40 * (n + i), 40, i % 3, (x < 1e30 && x > -1e30) ? x : 0);
    }
}

#ifndef __wasm__
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

/// Writes n doubles (half any finite bit pattern, half the tool's usual sizes, ±[1e-6, 1e6)) and
/// their texts to standard output.
int main(int argc, char **argv) {
    int n = atoi(argv[1]);
    uint64_t state = 7;
    double *in = malloc(8 * (size_t)n);
    char *out = calloc((size_t)n, 80);
    for (int i = 0; i < n; i++) {
        for (;;) {
            uint64_t z = (state += 0x9E3779B97F4A7C15ull);
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
            z ^= z >> 31;
            if (i % 2) {  // exponent within 2^-20 … 2^20, any mantissa and sign
                z = (z & 0x800FFFFFFFFFFFFFull) | ((uint64_t)(1023 - 20 + (int)((z >> 52) % 40)) << 52);
            }
            double x; memcpy(&x, &z, 8);
            if (isfinite(x)) { in[i] = x; break; }
        }
    }
    nn_format_many(n, in, out);
    fwrite(in, 8, (size_t)n, stdout);
    fwrite(out, 80, (size_t)n, stdout);
    return 0;
}
#endif
