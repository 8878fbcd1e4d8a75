// The C library's mathematics for the WebAssembly build (Scripts/build-wasm.sh), which has no Glibc
// module to import: the same C functions, declared here and linked from wasi-libc's libm (musl).
// Not part of the native build, whose sources import Glibc (or Darwin) for them.

@_extern(c, "exp") public func exp(_ x: Double) -> Double
@_extern(c, "log") public func log(_ x: Double) -> Double
@_extern(c, "log1p") public func log1p(_ x: Double) -> Double
@_extern(c, "tanh") public func tanh(_ x: Double) -> Double
@_extern(c, "pow") public func pow(_ x: Double, _ y: Double) -> Double
@_extern(c, "log10") public func log10(_ x: Double) -> Double
@_extern(c, "floor") public func floor(_ x: Double) -> Double
