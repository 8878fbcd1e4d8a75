/// The one matrix-matrix product every step of a batched pass is made of:
///
///     c[i][j] = Σ_r a[i][r] · b[r][j]        (r = 0, 1, 2, … from 0.0; multiply, then add)
///
/// - forward:   z = a^(l-1) · wᵀ          (rows: samples, r: nodes of layer l-1)
/// - backward:  ∂C/∂a^(l-1) = δ · w       (rows: samples, r: nodes of layer l)
/// - gradients: Σ_s δ_j a_k = δᵀ · a^(l-1) (rows: nodes j, r: samples in order)
///
/// Each result is accumulated in exactly the order ``Trace`` uses, which keeps the engine
/// bit-identical to it; only the loops around it are arranged for speed: a tile of 4 rows × 8
/// columns lives in registers while r runs, so each loaded row of `b` serves four rows of `a`.
/// Multiplications are never fused with additions (Swift does not contract them), which the bit
/// identity needs.
///
/// Everything here is `@inlinable` so that each module that calls it compiles its own copy for its
/// own instruction set: `NNExplain` the portable one, `NNExplainAVX2` one for AVX2 (see
/// `Kernels.Variant` in NNExplain). A copy that is not inlined runs this module's portable code.
public enum Kernels {
    @inlinable @inline(__always)
    public static func product(_ a: UnsafePointer<Double>, rows: Int, inner: Int,
                        _ b: UnsafePointer<Double>, columns: Int, into c: UnsafeMutablePointer<Double>) {
        var i = 0
        while i + 4 <= rows {
            tiles(a + i * inner, rowCount: 4, inner: inner, b, columns: columns, into: c + i * columns)
            i += 4
        }
        while i < rows {
            tiles(a + i * inner, rowCount: 1, inner: inner, b, columns: columns, into: c + i * columns)
            i += 1
        }
    }

    /// `rowCount` (4 or 1) rows of the product, in column tiles of 8, then the leftover columns.
    @inlinable @inline(__always)
    static func tiles(_ a: UnsafePointer<Double>, rowCount: Int, inner: Int,
                              _ b: UnsafePointer<Double>, columns: Int, into c: UnsafeMutablePointer<Double>) {
        var j = 0
        while j + 8 <= columns {
            if rowCount == 4 { tile4x8(a, inner: inner, b + j, columns: columns, into: c + j) }
            else { tile1x8(a, inner: inner, b + j, columns: columns, into: c + j) }
            j += 8
        }
        while j < columns {
            for row in 0..<rowCount {
                var sum = 0.0
                for r in 0..<inner { sum += a[row * inner + r] * b[r * columns + j] }
                c[row * columns + j] = sum
            }
            j += 1
        }
    }

    @inlinable @inline(__always)
    static func load(_ p: UnsafePointer<Double>) -> SIMD4<Double> {
        UnsafeRawPointer(p).loadUnaligned(as: SIMD4<Double>.self)
    }

    @inlinable @inline(__always)
    static func store(_ v: SIMD4<Double>, _ p: UnsafeMutablePointer<Double>) {
        UnsafeMutableRawPointer(p).storeBytes(of: v, as: SIMD4<Double>.self)
    }

    @inlinable @inline(__always)
    static func tile4x8(_ a: UnsafePointer<Double>, inner: Int, _ b: UnsafePointer<Double>, columns: Int,
                                into c: UnsafeMutablePointer<Double>) {
        var (c00, c01, c10, c11) = (SIMD4<Double>(), SIMD4<Double>(), SIMD4<Double>(), SIMD4<Double>())
        var (c20, c21, c30, c31) = (SIMD4<Double>(), SIMD4<Double>(), SIMD4<Double>(), SIMD4<Double>())
        let (a0, a1, a2, a3) = (a, a + inner, a + 2 * inner, a + 3 * inner)
        for r in 0..<inner {
            let row = b + r * columns
            let (b0, b1) = (load(row), load(row + 4))
            let (x0, x1, x2, x3) = (SIMD4(repeating: a0[r]), SIMD4(repeating: a1[r]), SIMD4(repeating: a2[r]), SIMD4(repeating: a3[r]))
            c00 += x0 * b0; c01 += x0 * b1
            c10 += x1 * b0; c11 += x1 * b1
            c20 += x2 * b0; c21 += x2 * b1
            c30 += x3 * b0; c31 += x3 * b1
        }
        store(c00, c); store(c01, c + 4)
        store(c10, c + columns); store(c11, c + columns + 4)
        store(c20, c + 2 * columns); store(c21, c + 2 * columns + 4)
        store(c30, c + 3 * columns); store(c31, c + 3 * columns + 4)
    }

    @inlinable @inline(__always)
    static func tile1x8(_ a: UnsafePointer<Double>, inner: Int, _ b: UnsafePointer<Double>, columns: Int,
                                into c: UnsafeMutablePointer<Double>) {
        var (c0, c1) = (SIMD4<Double>(), SIMD4<Double>())
        for r in 0..<inner {
            let row = b + r * columns
            let x = SIMD4(repeating: a[r])
            c0 += x * load(row)
            c1 += x * load(row + 4)
        }
        store(c0, c)
        store(c1, c + 4)
    }
}
