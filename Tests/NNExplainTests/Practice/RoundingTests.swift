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

    /// Issue 19 item 9 at the edge: a sheet's answer is an exact decimal computed in doubles, whose
    /// rounding can leave it a hair on the near side of a tie. Each double below is the product of
    /// the arithmetic named beside it, evaluated in doubles; the expected value is the hand rounding
    /// of the exact decimal (−0.35 · 0.65 − 0.8 · 0.85 + 0.3 = −0.6075 → −0.608).
    @Test func anExactTieComputedInDoublesStillRoundsAwayFromZero() {
        let sum = -0.35 * 0.65 + (-0.8) * 0.85 + 0.3
        #expect(sum == -0.6074999999999999)  // the double lies short of the tie
        #expect(Self.three.rounded(sum) == -0.608)
        #expect(Self.three.rounded(0.5604999999999999) == 0.561)        // 0.5605
        #expect(Self.three.rounded(-0.005424999999999992) == -0.00543)  // −0.005425, 7 units off
        #expect(Self.three.rounded(0.08524999999999994) == 0.0853)      // 0.08525
        // Values that are not ties keep their rounding.
        #expect(Self.three.rounded(0.5604999) == 0.56)
        #expect(Self.three.rounded(0.99949999) == 0.999)
    }

    /// The same through the command: sheet 75993 (sigmoid, half-squared, sizes 2,2,1) asks for
    /// z_1^1 = −0.35 · 0.65 + (−0.8) · 0.85 + 0.3 = −0.6075 to 3 digits; the key showed −0.607.
    @Test func theKeyRoundsASheetsTieAwayFromZero() throws {
        let exercise = try Exercise(seed: 75993, settings: Exercise.Settings(sizes: [2, 2, 1], activation: .sigmoid, loss: .halfSquared))
        let layer = exercise.network.layer(1)
        #expect(layer.weights[1] == [-0.35, -0.8] && layer.biases?[1] == 0.3 && exercise.network.samples[0].x == [0.65, 0.85])
        #expect(exercise.questions[0].quantity == .z(layer: 1, j: 1))
        #expect(exercise.questions[0].rounding.rounded(exercise.answers[0]) == -0.608)
    }
}
