// The body of the matrix product (see nnx_kernels.h), included once per compiled copy. The includer
// defines NNX_PRODUCT (the function's name) and NNX_TALL_TILES (1: rows go 4 at a time, else 2),
// and may wrap the include in `#pragma clang attribute` to give every function here a target.
//
// Only the loops are arranged for speed; each sum keeps the order r = 0, 1, 2, …:
// - `b` is packed in panels of NNX_PANEL columns, each panel's rows one after another, so a tile
//   reads it as one sequential stream;
// - r runs in chunks of NNX_DEPTH; a partial sum goes to `c` between chunks and is read back,
//   which rounds nothing;
// - a tile of 4 (or 2) rows × 8 columns of sums lives in registers while r runs, so each loaded row
//   of a panel serves 4 (or 2) rows of `a`.
// A scalar times a vector multiplies every lane by it. Vectors are clang's (4 doubles, 256 bits): one ymm register for AVX2, two xmm ones elsewhere, so
// even an unoptimised build's AVX2 copy runs AVX2 instructions. A multiply is never fused with the
// add after it (no FMA, which would round once instead of twice and change the bits).

#include "nnx_kernels.h"

#pragma clang fp contract(off)

/// 4 doubles in a vector register.
typedef double nnx_d4 __attribute__((vector_size(32)));
/// The same, at any address of a double, and allowed to alias doubles: for loads and stores.
typedef double nnx_d4u __attribute__((vector_size(32), aligned(8), may_alias));

/// One chunk of r for one panel: where its rows of `a`, its panel of `b` and its columns of `c` are.
struct nnx_slab {
    const double *a;
    long stride;
    const double *b;
    long count;
    double *c;
    long columns;
    /// Real columns in this panel (8, or fewer in the last).
    long width;
    /// Whether `c` already holds the sum over the earlier chunks of r, to go on from.
    int resume;
};

/// The 8 partial sums of row `i` so far: zeros, or what `c` holds.
static inline void nnx_start(const struct nnx_slab *s, long i, nnx_d4 *low, nnx_d4 *high) {
    *low = (nnx_d4){0, 0, 0, 0};
    *high = (nnx_d4){0, 0, 0, 0};
    if (!s->resume) return;
    const double *row = s->c + i * s->columns;
    if (s->width == NNX_PANEL) {
        *low = *(const nnx_d4u *)row;
        *high = *(const nnx_d4u *)(row + 4);
        return;
    }
    for (long t = 0; t < s->width; t++) {
        if (t < 4) (*low)[t] = row[t]; else (*high)[t - 4] = row[t];
    }
}

/// Stores row `i`'s sums, only the real columns.
static inline void nnx_finish(const struct nnx_slab *s, long i, const nnx_d4 *low, const nnx_d4 *high) {
    double *row = s->c + i * s->columns;
    if (s->width == NNX_PANEL) {
        *(nnx_d4u *)row = *low;
        *(nnx_d4u *)(row + 4) = *high;
        return;
    }
    for (long t = 0; t < s->width; t++) row[t] = t < 4 ? (*low)[t] : (*high)[t - 4];
}

#if NNX_TALL_TILES
/// Rows `i … i+3` of the slab.
static inline void nnx_tile4x8(const struct nnx_slab *s, long i) {
    nnx_d4 c00, c01, c10, c11, c20, c21, c30, c31;
    nnx_start(s, i, &c00, &c01);
    nnx_start(s, i + 1, &c10, &c11);
    nnx_start(s, i + 2, &c20, &c21);
    nnx_start(s, i + 3, &c30, &c31);
    const double *a0 = s->a + i * s->stride, *a1 = a0 + s->stride, *a2 = a1 + s->stride, *a3 = a2 + s->stride;
    const double *row = s->b;
    for (long r = 0; r < s->count; r++) {
        nnx_d4 b0 = *(const nnx_d4u *)row, b1 = *(const nnx_d4u *)(row + 4);
        double x0 = a0[r], x1 = a1[r], x2 = a2[r], x3 = a3[r];
        c00 += x0 * b0; c01 += x0 * b1;
        c10 += x1 * b0; c11 += x1 * b1;
        c20 += x2 * b0; c21 += x2 * b1;
        c30 += x3 * b0; c31 += x3 * b1;
        row += NNX_PANEL;
    }
    nnx_finish(s, i, &c00, &c01);
    nnx_finish(s, i + 1, &c10, &c11);
    nnx_finish(s, i + 2, &c20, &c21);
    nnx_finish(s, i + 3, &c30, &c31);
}
#endif

/// Rows `i` and `i+1` of the slab.
static inline void nnx_tile2x8(const struct nnx_slab *s, long i) {
    nnx_d4 c00, c01, c10, c11;
    nnx_start(s, i, &c00, &c01);
    nnx_start(s, i + 1, &c10, &c11);
    const double *a0 = s->a + i * s->stride, *a1 = a0 + s->stride;
    const double *row = s->b;
    for (long r = 0; r < s->count; r++) {
        nnx_d4 b0 = *(const nnx_d4u *)row, b1 = *(const nnx_d4u *)(row + 4);
        double x0 = a0[r], x1 = a1[r];
        c00 += x0 * b0; c01 += x0 * b1;
        c10 += x1 * b0; c11 += x1 * b1;
        row += NNX_PANEL;
    }
    nnx_finish(s, i, &c00, &c01);
    nnx_finish(s, i + 1, &c10, &c11);
}

/// Row `i` of the slab.
static inline void nnx_tile1x8(const struct nnx_slab *s, long i) {
    nnx_d4 c0, c1;
    nnx_start(s, i, &c0, &c1);
    const double *a = s->a + i * s->stride;
    const double *row = s->b;
    for (long r = 0; r < s->count; r++) {
        double x = a[r];
        c0 += x * *(const nnx_d4u *)row;
        c1 += x * *(const nnx_d4u *)(row + 4);
        row += NNX_PANEL;
    }
    nnx_finish(s, i, &c0, &c1);
}

void NNX_PRODUCT(const double *a, long rows, long inner, const double *b, long columns, double *c) {
    if (inner == 0) {
        for (long k = 0; k < rows * columns; k++) c[k] = 0;
    }
    for (long start = 0; start < inner; start += NNX_DEPTH) {
        long count = inner - start < NNX_DEPTH ? inner - start : NNX_DEPTH;
        for (long first = 0; first < columns; first += NNX_PANEL) {
            struct nnx_slab s = {
                .a = a + start, .stride = inner, .b = b + (first * inner + start * NNX_PANEL), .count = count,
                .c = c + first, .columns = columns,
                .width = columns - first < NNX_PANEL ? columns - first : NNX_PANEL, .resume = start > 0,
            };
            long i = 0;
#if NNX_TALL_TILES
            for (; i + 4 <= rows; i += 4) nnx_tile4x8(&s, i);
#endif
            for (; i + 2 <= rows; i += 2) nnx_tile2x8(&s, i);
            for (; i < rows; i++) nnx_tile1x8(&s, i);
        }
    }
}
