#ifndef NNX_KERNELS_H
#define NNX_KERNELS_H

/// The one matrix-matrix product every step of a batched pass is made of:
///
///     c[i][j] = Σ_r a[i][r] · b[r][j]        (r = 0, 1, 2, … from 0.0; multiply, then add)
///
/// for a row-major `a` (`rows × inner`), a packed `b` (`inner × columns`) and a row-major `c`
/// (`rows × columns`). Each element is summed in exactly the order the per-sample trace uses, which
/// keeps the engine bit-identical to it. One body (product_body.h) is compiled into two copies that
/// give the same bits: a portable one and, on x86-64, one for AVX2.

/// Columns per panel of a packed `b`: `b[r][j]` is at `(j / NNX_PANEL * inner + r) * NNX_PANEL +
/// j % NNX_PANEL`, the last panel padded with zeros (the layout is spelled out once, in Swift, by
/// `Kernels.packedIndex`, from this number).
#define NNX_PANEL 8
/// How many values of r one pass over a panel covers: a chunk of a panel stays in the L1 cache
/// while every row of `a` passes it.
#define NNX_DEPTH 256

/// `c = a · b` with the copy every processor of the architecture runs (SSE2 on x86-64), in tiles of
/// 2 rows × 8 columns: a 4-row tile's 32 sums would spill from the 16 SSE registers.
void nnx_product_portable(const double *a, long rows, long inner, const double *b, long columns, double *c);

#if defined(__x86_64__)
/// `c = a · b` compiled for AVX2, in tiles of 4 rows × 8 columns (8 of the 16 ymm registers).
/// Call it only when `nnx_avx2_available()`: on an older processor its instructions trap.
void nnx_product_avx2(const double *a, long rows, long inner, const double *b, long columns, double *c);
#endif

/// 1 when this processor and its operating system run AVX2 (the CPUID bit, and the OS saving the
/// wide registers, as `__builtin_cpu_supports` reads them), else 0; always 0 off x86-64.
int nnx_avx2_available(void);

#endif
