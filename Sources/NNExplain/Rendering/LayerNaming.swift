/// How layer numbers are written: relative to the output layer (`L`, `L-1`, …), as the article does,
/// or as plain numbers `0 … L`. The choice follows how the user named the layer on the command line.
public struct LayerNaming: Sendable, Equatable {
    /// `L`, the index of the output layer.
    public var depth: Int
    /// Whether labels are `L`, `L-1`, … (true) or `3`, `2`, … (false).
    public var relative: Bool

    /// - Parameters:
    ///   - depth: `L`, the number of layers with weights (``Network/depth``).
    ///   - relative: labels `L`, `L-1`, … (true) or plain numbers (false).
    public init(depth: Int, relative: Bool = true) {
        self.depth = depth
        self.relative = relative
    }

    /// The label of layer `l`: `L`, `L-2`, or `2`.
    package func label(_ l: Int) -> String {
        guard relative else { return String(l) }
        return l == depth ? "L" : "L-\(depth - l)"
    }

    /// The other name of layer `l` as a formula, for writers that set both names as math: `l = 2`
    /// beside `L-1`, or `L-1` beside `2`.
    package func otherName(_ l: Int) -> String {
        relative ? "l = \(l)" : LayerNaming(depth: depth, relative: true).label(l)
    }

    /// Both names of layer `l` for headings: `L-1 (l = 2)`, or `2 (L-1)` with numeric labels.
    package func fullName(_ l: Int) -> String {
        let other = LayerNaming(depth: depth, relative: !relative)
        return "\(label(l)) (\(relative ? "l = " : "")\(other.label(l)))"
    }
}
