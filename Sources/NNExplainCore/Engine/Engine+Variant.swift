internal import _NNExplainKernels

extension Engine {
    /// Which compiled copy of the matrix product (`_NNExplainKernels`, `nnx_kernels.h`) a pass runs.
    ///
    /// Both copies are one C body compiled twice, doing the same operations in the same order
    /// (multiply, then add, never fused), so they give the same bits (the tests run both); they
    /// differ only in the instructions the compiler could use. The portable copy uses what every
    /// processor of the architecture has (SSE2 on x86-64); the AVX2 copy uses 256-bit registers, and
    /// exists only on x86-64.
    public enum Variant: String, Sendable, CaseIterable {
        case portable
        case avx2

        /// The fastest copy this processor can run, asked once per process, when first needed.
        public static let best: Variant = Variant.avx2.isAvailable ? .avx2 : .portable

        /// Whether this processor (and its operating system) can run this copy.
        public var isAvailable: Bool {
            switch self {
            case .portable: return true
            case .avx2: return nnx_avx2_available() != 0
            }
        }

        /// `c = a · b` with this copy: `a` row-major `rows × inner`, `b` packed (``Kernels``)
        /// `inner × columns`, `c` row-major `rows × columns`; `c[i][j] = Σ_r a[i][r] · b[r][j]`,
        /// summed r = 0, 1, 2, …. Only for a copy that ``isAvailable``.
        func product(_ a: UnsafePointer<Double>, rows: Int, inner: Int,
                     packed b: UnsafePointer<Double>, columns: Int, into c: UnsafeMutablePointer<Double>) {
            switch self {
            case .portable: nnx_product_portable(a, rows, inner, b, columns, c)
            case .avx2:
                #if arch(x86_64)
                nnx_product_avx2(a, rows, inner, b, columns, c)
                #else
                preconditionFailure("no AVX2 copy off x86-64 (isAvailable is false)")
                #endif
            }
        }
    }
}
