// See nnx_format.h: the one place a number is handed to printf.
#include <stdio.h>
#include "nnx_format.h"

int nn_format_g(char *buffer, size_t size, int precision, double value) {
    return snprintf(buffer, size, "%.*g", precision, value);
}

int nn_format_f(char *buffer, size_t size, int decimals, double value) {
    return snprintf(buffer, size, "%.*f", decimals, value);
}
