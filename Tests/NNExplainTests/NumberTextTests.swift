import Foundation
import NNExplainTestSupport
import Testing
// @testable: NumberText, the one number writer, is internal to the library.
@testable import NNExplain

/// How a number is written: C's `%g` at the precision asked for (fixed form below 10^precision and
/// from 10⁻⁴), never with more digits than the number needs. The expected texts are C's `%.9g`
/// (or `%.2g`, `%.3g`) by hand: trailing zeros dropped, exponents of at least two digits.
struct NumberTextTests {
    @Test(arguments: [
        (10.0, 9, "10"), (100, 9, "100"), (1000, 9, "1000"), (-2000, 9, "-2000"), (1200, 9, "1200"), (40, 9, "40"),
        (123_456_780, 9, "123456780"), (1e9, 9, "1e+09"), (123_456_789_012, 9, "1.23456789e+11"),
        (100, 2, "1e+02"), (100, 3, "100"), (0.0001, 9, "0.0001"), (1e-5, 9, "1e-05"), (0.15, 9, "0.15"),
        (0.1 + 0.2, 17, "0.30000000000000004"), (0.2, 17, "0.2"), (1.0, 9, "1"), (0.0, 9, "0"), (-0.0, 9, "0"),
    ] as [(Double, Int, String)])
    func wholeNumbersBelowTheDigitsAreWrittenOut(value: Double, precision: Int, text: String) {
        #expect(NumberText.significant(value, precision: precision) == text)
    }

    @Test func anInputOfTenReadsTen() throws {
        let network = #"{"inputs": 1, "layers": [{"activation": "identity", "weights": [[100]]}], "samples": [{"x": [10], "y": [2000]}]}"#
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("ten-\(UUID()).json")
        try network.write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        let result = runCLI(["forward", "--network", file.path])
        #expect(result.status == 0)
        #expect(result.stdout.contains("x_0 = 10\n") && result.stdout.contains("= 100 · 10\n") && result.stdout.contains("(1000 − 2000)² = 1000000"),
                "\(result.stdout)")
    }
}
