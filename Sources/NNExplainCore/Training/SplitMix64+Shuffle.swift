extension SplitMix64 {
    /// A whole number uniform in `0..<bound` (`bound ≥ 1`): `⌊u · bound / 2⁶⁴⌋` for the next output
    /// `u`, the high word of the 128-bit product, one output per number (Lemire's multiply-shift,
    /// without the rejection step, so it is off uniform by at most `bound / 2⁶⁴`, far below anything
    /// a training run could notice). Stated here, not left to the standard library's
    /// `Int.random(in:using:)`, whose way of drawing is not promised to stay the same. A bound
    /// below 1 has no index below it: the result is then 0, and the generator still advances.
    package mutating func nextIndex(below bound: Int) -> Int {
        guard bound >= 1 else {
            _ = next()
            return 0
        }
        return Int(next().multipliedFullWidth(by: UInt64(bound)).high)
    }

    /// A permutation of `0..<count` by the Fisher–Yates shuffle: starting from `0, 1, …, count − 1`,
    /// for `i = count − 1` down to `1`, swap entry `i` with entry `nextIndex(below: i + 1)`. It takes
    /// `count − 1` outputs of the generator (none for `count ≤ 1`), and every permutation is (all but)
    /// equally likely. A count below 0 counts as 0.
    package mutating func permutation(of count: Int) -> [Int] {
        var order = Array(0..<max(0, count))
        for i in stride(from: count - 1, through: 1, by: -1) {
            order.swapAt(i, nextIndex(below: i + 1))
        }
        return order
    }
}
