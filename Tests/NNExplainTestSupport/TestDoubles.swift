/// Doubles for tests of number writing and reading, shared by the core's writer tests and the
/// integration test that has Python read them.
public enum TestDoubles {
    /// Doubles whose shortest text is easy to get wrong: both zeros, the extremes, the boundaries
    /// of the normal range, integers beyond 2^53, and halfway cases of decimal rounding.
    public static let awkward: [Double] = [
        0, -0.0, 1, -1, 0.1, 0.2, 0.30000000000000004, 1.0 / 3, 2.0 / 3, 100, 1e15, 1e16, 1e21, 1e22, 1e23,
        123_456_789_012_345_680_000, 9_007_199_254_740_993, 0x1p53, 0x1p63, 0x1p64, 1e-5, 1e-7, 5e-324, -5e-324,
        .leastNormalMagnitude, .leastNormalMagnitude.nextDown, .greatestFiniteMagnitude, -.greatestFiniteMagnitude,
        .ulpOfOne, 1 + .ulpOfOne, 1 - .ulpOfOne / 2, .pi, -.pi, 2.5e-8, 4.35, 0.007, 1.7976931348623157e308,
    ]

    /// `count` finite doubles from uniformly random bit patterns (so every exponent, subnormals
    /// included, is as likely as any other), then the ``awkward`` ones.
    public static func random(count: Int, seed: UInt64) -> [Double] {
        var generator = SeededGenerator(seed: seed)
        var values: [Double] = []
        while values.count < count {
            let x = Double(bitPattern: generator.next())
            if x.isFinite { values.append(x) }
        }
        return values + awkward
    }
}
