extension ScalarExpression {
    /// A central finite difference of the expression by one name: the slope estimated from two
    /// evaluations alone, with no chain rule.
    public struct CentralDifference: Sendable, Equatable {
        /// The name.
        public let name: String
        /// The step `h` as taken: half the distance between the two points `x + h` and `x − h`
        /// as doubles, near `h = relativeStep · max(1, |x|)`.
        public let step: Double
        /// `(f(x + h) − f(x − h)) / 2h`; nil where `f` is undefined at one of the two points.
        public let slope: Double?
    }

    /// The step of a central difference relative to `max(1, |x|)`: about the cube root of the
    /// double's precision, where rounding error and the `h²` error of the formula balance.
    public static let relativeStep = 1e-6

    /// The central difference by every name, in the order the names first appear.
    /// - Parameter values: a value for every name (as ``graph(values:)`` needs).
    /// - Throws: what ``graph(values:)`` throws at `values` themselves.
    public func centralDifferences(values: [String: Double]) throws(ExpressionError) -> [CentralDifference] {
        _ = try graph(values: values)
        return names.map { name in
            let x = values[name] ?? 0, h = Self.relativeStep * Swift.max(1, abs(x))
            let up = x + h, down = x - h
            var at = values
            at[name] = up
            let above = try? graph(values: at)
            at[name] = down
            let below = try? graph(values: at)
            guard let above, let below else { return CentralDifference(name: name, step: (up - down) / 2, slope: nil) }
            let slope = (above.nodes[above.output].value - below.nodes[below.output].value) / (up - down)
            return CentralDifference(name: name, step: (up - down) / 2, slope: slope.isFinite ? slope : nil)
        }
    }
}
