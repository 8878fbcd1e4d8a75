/// The one matrix-matrix product every step of a batched pass is made of:
///
///     c[i][j] = Σ_r a[i][r] · b[r][j]        (r = 0, 1, 2, … from 0.0; multiply, then add)
///
/// - forward:   z = a^(l-1) · wᵀ          (rows: samples, r: nodes of layer l-1)
/// - backward:  ∂C/∂a^(l-1) = δ · w       (rows: samples, r: nodes of layer l)
/// - gradients: Σ_s δ_j a_k = δᵀ · a^(l-1) (rows: nodes j, r: samples in order)
///
/// Each result is accumulated in exactly the order ``Trace`` uses, which keeps the engine
/// bit-identical to it; only the loops around it are arranged for speed:
/// - `b` comes packed (``pack(_:inner:columns:into:)``): panels of 8 columns, each panel's rows one
///   after another, so the kernel reads it as one sequential stream;
/// - r runs in chunks of ``depth`` (a chunk of a panel stays in the L1 cache while every row of `a`
///   passes it); a partial sum goes to `c` between chunks and is read back, which rounds nothing,
///   so the order of the additions is still r = 0, 1, 2, …;
/// - a tile of 4 (or 2) rows × 8 columns lives in registers while r runs, so each loaded row of a
///   panel serves four (or two) rows of `a`. A 4-row tile holds 32 sums: 8 AVX registers, but all
///   16 SSE2 ones, which would spill, so the portable copy asks for 2-row tiles (`tallTiles: false`).
/// Multiplications are never fused with additions (Swift does not contract them), which the bit
/// identity needs.
///
/// Everything here is `@inlinable` so that each module that calls it compiles its own copy for its
/// own instruction set: `NNExplain` the portable one, `NNExplainAVX2` one for AVX2 (see
/// `Engine.Variant` in NNExplain). A copy that is not inlined runs this module's portable code.
public enum Kernels {
    /// Columns per panel of a packed `b`.
    public static let panel = 8
    /// How many values of r one pass over a panel covers.
    public static let depth = 256

    /// Numbers a packed `inner × columns` matrix takes: whole panels, the last one padded with zeros.
    public static func packedCount(inner: Int, columns: Int) -> Int { inner * ((columns + panel - 1) / panel * panel) }

    /// Where `b[r][j]` goes in a packed `inner × columns` matrix: panel `j / 8`, row `r` of it,
    /// lane `j % 8`. The one statement of the layout; the kernel walks it as it reads.
    @inlinable @inline(__always)
    public static func packedIndex(row r: Int, column j: Int, inner: Int) -> Int {
        (j / panel * inner + r) * panel + j % panel
    }

    /// Packs the row-major `b` (`b[r * columns + j]`) into panels (``packedIndex(row:column:inner:)``),
    /// with zeros past the last column.
    @inlinable
    public static func pack(_ b: UnsafePointer<Double>, inner: Int, columns: Int, into packed: UnsafeMutablePointer<Double>) {
        for first in stride(from: 0, to: columns, by: panel) {
            let width = min(panel, columns - first)
            for r in 0..<inner {
                for t in 0..<panel {
                    packed[packedIndex(row: r, column: first + t, inner: inner)] = t < width ? b[r * columns + first + t] : 0
                }
            }
        }
    }

    /// `c = a · b` for a row-major `a` (`rows × inner`), a packed `b` (`inner × columns`) and a
    /// row-major `c` (`rows × columns`), every element summed in the order r = 0, 1, 2, …. With
    /// `tallTiles`, rows go 4 at a time (for 16 or more vector registers of 4 doubles), else 2.
    @inlinable @inline(__always)
    public static func product(_ a: UnsafePointer<Double>, rows: Int, inner: Int,
                               packed b: UnsafePointer<Double>, columns: Int, into c: UnsafeMutablePointer<Double>,
                               tallTiles: Bool) {
        if inner == 0 { c.update(repeating: 0, count: rows * columns) }
        var start = 0
        while start < inner {
            let count = min(depth, inner - start)
            var first = 0
            while first < columns {
                let slab = Slab(a: a + start, stride: inner, b: b + (first * inner + start * panel), count: count,
                                c: c + first, columns: columns, width: min(panel, columns - first), resume: start > 0)
                var i = 0
                while i + 4 <= rows, tallTiles {
                    tile4x8(slab, row: i)
                    i += 4
                }
                while i + 2 <= rows {
                    tile2x8(slab, row: i)
                    i += 2
                }
                while i < rows {
                    tile1x8(slab, row: i)
                    i += 1
                }
                first += panel
            }
            start += depth
        }
    }

    /// One chunk of r for one panel: where its rows of `a`, its panel of `b` and its columns of `c` are.
    @usableFromInline
    struct Slab {
        @usableFromInline let a: UnsafePointer<Double>
        @usableFromInline let stride: Int
        @usableFromInline let b: UnsafePointer<Double>
        @usableFromInline let count: Int
        @usableFromInline let c: UnsafeMutablePointer<Double>
        @usableFromInline let columns: Int
        /// Real columns in this panel (8, or fewer in the last).
        @usableFromInline let width: Int
        /// Whether `c` already holds the sum over the earlier chunks of r, to go on from.
        @usableFromInline let resume: Bool

        @inlinable
        init(a: UnsafePointer<Double>, stride: Int, b: UnsafePointer<Double>, count: Int,
             c: UnsafeMutablePointer<Double>, columns: Int, width: Int, resume: Bool) {
            (self.a, self.stride, self.b, self.count, self.c, self.columns, self.width, self.resume) =
                (a, stride, b, count, c, columns, width, resume)
        }

        /// The 8 partial sums of row `i` so far: zeros, or what `c` holds.
        @inlinable @inline(__always)
        func start(_ i: Int) -> (SIMD4<Double>, SIMD4<Double>) {
            guard resume else { return (SIMD4(), SIMD4()) }
            let row = c + i &* columns
            if width == panel { return (load(row), load(row + 4)) }
            var (low, high) = (SIMD4<Double>(), SIMD4<Double>())
            for t in 0..<width { if t < 4 { low[t] = row[t] } else { high[t - 4] = row[t] } }
            return (low, high)
        }

        /// Stores row `i`'s sums, only the real columns.
        @inlinable @inline(__always)
        func finish(_ i: Int, _ sums: (SIMD4<Double>, SIMD4<Double>)) {
            let row = c + i &* columns
            if width == panel {
                store(sums.0, row)
                store(sums.1, row + 4)
                return
            }
            for t in 0..<width { row[t] = t < 4 ? sums.0[t] : sums.1[t - 4] }
        }
    }

    @inlinable @inline(__always)
    static func load(_ p: UnsafePointer<Double>) -> SIMD4<Double> {
        UnsafeRawPointer(p).loadUnaligned(as: SIMD4<Double>.self)
    }

    @inlinable @inline(__always)
    static func load(_ p: UnsafeMutablePointer<Double>) -> SIMD4<Double> { load(UnsafePointer(p)) }

    @inlinable @inline(__always)
    static func store(_ v: SIMD4<Double>, _ p: UnsafeMutablePointer<Double>) {
        UnsafeMutableRawPointer(p).storeBytes(of: v, as: SIMD4<Double>.self)
    }

    /// Rows `i … i+3` of the slab.
    @inlinable @inline(__always)
    static func tile4x8(_ slab: Slab, row i: Int) {
        var (c00, c01) = slab.start(i), (c10, c11) = slab.start(i &+ 1)
        var (c20, c21) = slab.start(i &+ 2), (c30, c31) = slab.start(i &+ 3)
        let a0 = slab.a + i &* slab.stride
        let (a1, a2, a3) = (a0 + slab.stride, a0 + 2 &* slab.stride, a0 + 3 &* slab.stride)
        var row = slab.b
        for r in 0..<slab.count {
            let (b0, b1) = (load(row), load(row + 4))
            let (x0, x1, x2, x3) = (SIMD4(repeating: a0[r]), SIMD4(repeating: a1[r]), SIMD4(repeating: a2[r]), SIMD4(repeating: a3[r]))
            c00 += x0 * b0; c01 += x0 * b1
            c10 += x1 * b0; c11 += x1 * b1
            c20 += x2 * b0; c21 += x2 * b1
            c30 += x3 * b0; c31 += x3 * b1
            row += panel
        }
        slab.finish(i, (c00, c01)); slab.finish(i &+ 1, (c10, c11))
        slab.finish(i &+ 2, (c20, c21)); slab.finish(i &+ 3, (c30, c31))
    }

    /// Rows `i` and `i+1` of the slab.
    @inlinable @inline(__always)
    static func tile2x8(_ slab: Slab, row i: Int) {
        var (c00, c01) = slab.start(i), (c10, c11) = slab.start(i &+ 1)
        let (a0, a1) = (slab.a + i &* slab.stride, slab.a + (i &+ 1) &* slab.stride)
        var row = slab.b
        for r in 0..<slab.count {
            let (b0, b1) = (load(row), load(row + 4))
            let (x0, x1) = (SIMD4(repeating: a0[r]), SIMD4(repeating: a1[r]))
            c00 += x0 * b0; c01 += x0 * b1
            c10 += x1 * b0; c11 += x1 * b1
            row += panel
        }
        slab.finish(i, (c00, c01)); slab.finish(i &+ 1, (c10, c11))
    }

    /// Row `i` of the slab.
    @inlinable @inline(__always)
    static func tile1x8(_ slab: Slab, row i: Int) {
        var (c0, c1) = slab.start(i)
        let a = slab.a + i &* slab.stride
        var row = slab.b
        for r in 0..<slab.count {
            let x = SIMD4(repeating: a[r])
            c0 += x * load(row)
            c1 += x * load(row + 4)
            row += panel
        }
        slab.finish(i, (c0, c1))
    }
}
