// The AVX2 copy (x86-64 only): the same body with every function compiled for AVX2, 4-row tiles.
#if defined(__x86_64__)
#define NNX_PRODUCT nnx_product_avx2
#define NNX_TALL_TILES 1
#include "nnx_kernels.h"  // declared before the push: only the body gets the target
#pragma clang attribute push(__attribute__((target("avx2"))), apply_to = function)
#include "product_body.h"
#pragma clang attribute pop

int nnx_avx2_available(void) {
    __builtin_cpu_init();
    return __builtin_cpu_supports("avx2");
}
#endif
