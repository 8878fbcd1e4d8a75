import NNExplain
import Testing

/// The key's rounding: half away from zero, on the decimal the number is written as, so a tie
/// such as −0.2625 rounds as a student rounds it by hand, whatever side of the tie its double lies.
struct RoundingTests {
    static let three = Rounding(digits: 3)

    /// Expected values are the hand roundings of the written decimals (a 5 in the first dropped
    /// place rounds away from zero), not results of the code.
    @Test(arguments: [
        (-0.2625, -0.263),   // its double is a hair beyond the tie; x/u came out 262.4999…
        (-0.2975, -0.298),   // its double is a hair short of the tie
        (2.675, 2.68),       // stored as 2.67499999999999982…
        (0.0012345, 0.00123),
        (0.0012355, 0.00124),
        (999.5, 1000),       // carries into a new digit
        (-0.9995, -1),
        (0.548, 0.548),      // already three digits
        (1.005, 1.01),
        (123_456, 123_000),
        (1e-5, 1e-5),
        (5e-324, 5e-324),
    ])
    func tiesRoundAwayFromZeroOnTheWrittenDecimal(_ x: Double, _ expected: Double) {
        #expect(Self.three.rounded(x) == expected, "\(x)")
    }

    @Test func zeroAndNonFiniteValuesStayAsTheyAre() {
        #expect(Self.three.rounded(0) == 0)
        #expect(Self.three.rounded(.infinity) == .infinity)
        #expect(Self.three.rounded(.nan).isNaN)
    }

    @Test func theRoundedKeyStillAgreesWithTheExactValue() {
        for x in [-0.2625, -0.2975, 2.675, 0.0012355, 999.5, -0.9995, 1.005] {
            #expect(Self.three.agrees(Self.three.rounded(x), with: x), "\(x)")
        }
    }
}
