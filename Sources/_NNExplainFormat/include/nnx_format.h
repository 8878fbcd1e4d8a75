#ifndef NNX_FORMAT_H
#define NNX_FORMAT_H

#include <stddef.h>

// The two printf styles every printed number of nnexplain is made of, behind fixed signatures so
// that Swift calls them without C varargs (`CVarArg`, which Embedded Swift, the WebAssembly build,
// does not have). Both builds call these same functions: natively glibc's snprintf, in WebAssembly
// musl's (wasi-libc); both print the exact decimal value correctly rounded.

/// Writes `value` as C's `%.*g` with `precision` significant digits into `buffer` (at most `size`
/// bytes, NUL-terminated). Returns the length of the whole text (without the NUL), as `snprintf`:
/// when it is `size` or more, the text was cut and a buffer of that length + 1 holds it.
int nn_format_g(char *buffer, size_t size, int precision, double value);

/// As `nn_format_g`, with `%.*f`: `decimals` digits after the point.
int nn_format_f(char *buffer, size_t size, int decimals, double value);

#endif
