import NNExplainKernels

/// The matrix product of `NNExplainKernels`, compiled for AVX2 (this target alone is built with
/// `-target-cpu haswell` on x86-64; see Package.swift).
///
/// Call it only when `Engine.Variant.avx2.isAvailable` in NNExplain says the processor has what
/// this copy was compiled for: on an older one its instructions trap. The arithmetic is the
/// portable kernel's, operation for operation (same order, multiply then add, never fused), so
/// both give the same bits; only the registers are wider.
public enum AVX2 {
    /// `c = a · b`, as ``Kernels/product(_:rows:inner:packed:columns:into:)``. Never inlined into a caller,
    /// so its wide instructions stay behind the check.
    @inline(never)
    public static func product(_ a: UnsafePointer<Double>, rows: Int, inner: Int,
                               packed b: UnsafePointer<Double>, columns: Int, into c: UnsafeMutablePointer<Double>) {
        Kernels.product(a, rows: rows, inner: inner, packed: b, columns: columns, into: c, tallTiles: true)
    }
}
