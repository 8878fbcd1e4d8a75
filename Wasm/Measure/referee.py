"""Which side of each disagreement (compare.mjs's DIFFERENCES file) is correctly rounded: the
exact value by mpmath at 200 bits, rounded to the nearest double, against native and wasm.
    python3 referee.py NAME DIFFERENCES"""
import struct, sys
import mpmath

mpmath.mp.prec = 200
name, path = sys.argv[1], sys.argv[2]
f = {"exp": mpmath.exp, "log": mpmath.log, "log1p": mpmath.log1p, "tanh": mpmath.tanh}[name]
double = lambda h: struct.unpack("<d", struct.pack("<Q", int(h, 16)))[0]
ordered = lambda x: (lambda b: -(b & 0x7FFFFFFFFFFFFFFF) if b >> 63 else b)(struct.unpack("<Q", struct.pack("<d", x))[0])
native_right = wasm_right = neither = 0
native_worst = wasm_worst = 0
for line in open(path):
    x, a, b = map(double, line.split())
    exact = float(f(mpmath.mpf(x)))  # mpf -> float rounds to nearest
    da, db = abs(ordered(a) - ordered(exact)), abs(ordered(b) - ordered(exact))
    native_right += da == 0
    wasm_right += db == 0
    neither += da != 0 and db != 0
    native_worst, wasm_worst = max(native_worst, da), max(wasm_worst, db)
print(f"{name}: of the differing values, native correctly rounded {native_right}, wasm {wasm_right}, neither {neither}; "
      f"largest distance from the correctly rounded value: native {native_worst} ulp, wasm {wasm_worst} ulp")
