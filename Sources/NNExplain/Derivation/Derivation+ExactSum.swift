extension Derivation {
    /// Whether the exact (real-number) sum of `values` is 1, not only their sum rounded in doubles:
    /// `[0.5, 0.5, 1e-17]` sums to 1 in doubles, but not exactly. Shewchuk's error-free summation
    /// (Python's `math.fsum`): the running sum is kept as non-overlapping partials whose exact total
    /// is the exact sum, so the sum is 1 exactly when the nonzero partials are `[1]`.
    ///
    /// - Parameter values: finite numbers (targets).
    /// - Returns: `true` when Σ values = 1 exactly.
    static func sumsExactlyToOne(_ values: [Double]) -> Bool {
        var partials: [Double] = []
        for value in values {
            var x = value, kept = 0
            for y in partials {
                let (high, low) = twoSum(x, y)
                if low != 0 { partials[kept] = low; kept += 1 }
                x = high
            }
            partials.removeSubrange(kept...)
            partials.append(x)
        }
        return partials.filter { $0 != 0 } == [1]
    }

    /// `a + b` as `high`, the rounded sum, and `low`, its rounding error, so that a + b = high + low
    /// exactly (Knuth's two-sum, which needs no ordering of `a` and `b`).
    private static func twoSum(_ a: Double, _ b: Double) -> (high: Double, low: Double) {
        let high = a + b, b2 = high - a, a2 = high - b2
        return (high, (a - a2) + (b - b2))
    }
}
