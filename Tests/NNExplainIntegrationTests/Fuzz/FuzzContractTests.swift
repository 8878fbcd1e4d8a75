import NNExplainTestSupport
import Testing

/// The fuzz contract's rule that success never shows a result that is not a number.
struct NonFiniteContractTests {
    @Test func nonFiniteResultsAreFlagged() {
        for output in ["C = inf\n", "  j = 0   -nan\n", "(1e+308 + inf) / 2", "a → NaN", "C = infinite.", #"{"loss": null}"#,
                       #"[1, null]"#, "x = -inf,"] {
            #expect(FuzzContract.nonFiniteResult(in: output) != nil, "\(output.debugDescription)")
        }
    }

    @Test func wordsAndStringsAreNotFlagged() {
        for output in ["information, infinitely many, nano, infer\n", "the loss became infinite after 3 epochs\n",
                       #"{"symbol": "null", "note": "infer nothing", "value": 1e-300}"#, "inference = 0.5\n",
                       "Info: NaNa\n", "1e+308 · 0.25"] {
            #expect(FuzzContract.nonFiniteResult(in: output) == nil, "\(output.debugDescription)")
        }
    }
}
