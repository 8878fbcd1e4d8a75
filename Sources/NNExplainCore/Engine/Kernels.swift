internal import _NNExplainKernels

/// The packed layout of the right-hand matrix of the matrix product (`_NNExplainKernels`, which
/// walks it as it reads): panels of ``panel`` columns, each panel's rows one after another.
enum Kernels {
    /// Columns per panel of a packed `b` (`NNX_PANEL`, the kernel's own number).
    static let panel = Int(NNX_PANEL)

    /// Numbers a packed `inner × columns` matrix takes: whole panels, the last one padded with zeros.
    static func packedCount(inner: Int, columns: Int) -> Int { inner * ((columns + panel - 1) / panel * panel) }

    /// Where `b[r][j]` goes in a packed `inner × columns` matrix: panel `j / 8`, row `r` of it,
    /// lane `j % 8`. The one statement of the layout.
    @inline(__always)
    static func packedIndex(row r: Int, column j: Int, inner: Int) -> Int {
        (j / panel * inner + r) * panel + j % panel
    }

    /// Packs the row-major `b` (`b[r * columns + j]`) into panels (``packedIndex(row:column:inner:)``),
    /// with zeros past the last column.
    static func pack(_ b: UnsafePointer<Double>, inner: Int, columns: Int, into packed: UnsafeMutablePointer<Double>) {
        for first in stride(from: 0, to: columns, by: panel) {
            let width = min(panel, columns - first)
            for r in 0..<inner {
                for t in 0..<panel {
                    packed[packedIndex(row: r, column: first + t, inner: inner)] = t < width ? b[r * columns + first + t] : 0
                }
            }
        }
    }
}
