// @testable: Explanation.percent is internal to the library.
@testable import NNExplain
import NNExplainTestSupport
import Testing

/// A share of correct predictions written as a percentage that is never rounded to 0% or 100% unless
/// it is exactly that.
struct PercentTextTests {
    @Test(arguments: [(7, 8, "87.5%"), (2, 4, "50%"), (4, 4, "100%"), (0, 3, "0%"), (2, 3, "66.7%"), (1, 3, "33.3%"),
                      (1496, 1497, "99.9%"), (1999, 2000, "over 99.9%"), (1, 3000, "under 0.1%"), (1, 2000, "0.1%"), (287, 300, "95.7%")])
    func percentagesAreTrue(_ correct: Int, _ count: Int, _ text: String) {
        #expect(Explanation.percent(correct, of: count) == text)
    }
}
