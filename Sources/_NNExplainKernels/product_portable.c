// The portable copy: the architecture's baseline instructions, 2-row tiles.
#define NNX_PRODUCT nnx_product_portable
#define NNX_TALL_TILES 0
#include "product_body.h"

#if !defined(__x86_64__)
int nnx_avx2_available(void) { return 0; }
#endif
