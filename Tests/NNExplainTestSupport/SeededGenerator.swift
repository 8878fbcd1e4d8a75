/// A small, fast, seedable pseudo-random number generator, so that fuzz tests are reproducible:
/// the same seed gives the same sequence on every machine, every run and every Swift release.
///
/// The algorithm is SplitMix64 (Steele, Lea and Flood, "Fast splittable pseudorandom number
/// generators", OOPSLA 2014; the generator `java.util.SplittableRandom` uses and that seeds the
/// xoshiro family). The state advances by the odd constant ⌊2^64 / φ⌋ and each output is that state
/// run through a strong 64-bit mixing function, so every seed, including 0 and consecutive seeds,
/// gives a well-spread stream with period 2^64. It is not cryptographic, and need not be.
///
/// Reference values, checked by `FuzzTests.seededGeneratorIsSplitMix64`: with seed 0 the first
/// three outputs are `0xE220A8397B1DCDAF`, `0x6E789E6AA1B965F4` and `0x06C45D188009454F`.
///
/// Draw numbers with the helpers below (``below(_:)``, ``int(in:)``, ``pick(_:)``, ``chance(_:)``)
/// rather than the standard library's `Int.random(in:using:)` or `randomElement(using:)`: how the
/// standard library turns a generator's output into a number in a range is an implementation
/// detail that may change between Swift releases, and with it every generated case.
public struct SeededGenerator: RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(seed: UInt64) { state = seed }

    /// A generator for case `index` of a run seeded with `seed`: each case gets its own stream, so
    /// one case can be regenerated without generating the cases before it.
    public init(seed: UInt64, case index: Int) {
        var mixer = SeededGenerator(seed: seed ^ (UInt64(truncatingIfNeeded: index) &* 0xD1B5_4A32_D192_ED03))
        state = mixer.next()
    }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A number in `0..<n` (`n > 0`), without modulo bias (Lemire's multiply-and-reject method).
    public mutating func below(_ n: Int) -> Int {
        precondition(n > 0, "below(_:) needs a positive bound")
        let bound = UInt64(n)
        var product = next().multipliedFullWidth(by: bound)
        if product.low < bound {
            let threshold = (0 &- bound) % bound
            while product.low < threshold { product = next().multipliedFullWidth(by: bound) }
        }
        return Int(product.high)
    }

    /// A number in `range`.
    public mutating func int(in range: ClosedRange<Int>) -> Int { range.lowerBound + below(range.count) }

    /// A random element of a non-empty collection.
    public mutating func pick<C: Collection>(_ elements: C) -> C.Element {
        elements[elements.index(elements.startIndex, offsetBy: below(elements.count))]
    }

    /// True with probability `p` (to within 2^-53).
    public mutating func chance(_ p: Double) -> Bool { unit() < p }

    /// A double in `0..<1` with 53 random bits.
    public mutating func unit() -> Double { Double(next() >> 11) * 0x1p-53 }
}
