import NNExplainTestSupport
import Testing
// @testable: Sparkline.text() draws with the text renderer's internal glyphs.
@testable import NNExplain

/// The sentences of `train`'s document that depend on the numbers: where the lowest test loss was,
/// and how a batch size of at least N is described. The losses are made up, so the expected
/// sentences follow from them by reading, not from the code.
struct TrainingTextTests {
    static func text(_ losses: [Double], test: [Double], batches: Explanation.Batches = .init(samples: 4)) -> String {
        let document = Explanation.training(losses: losses, testLosses: test, every: 1, learningRate: 0.5, order: .simultaneous,
                                            batches: batches)
        return TextRenderer(naming: LayerNaming(depth: 2)).render(document)
    }

    @Test(arguments: [
        // A unique lowest after 2 epochs.
        ([0.9, 0.5, 0.25, 0.375], "; its lowest, 0.25, was after 2 epochs."),
        // The lowest twice, after 1 and after 3 epochs: the first, said to be the first.
        ([0.9, 0.25, 0.5, 0.25], "; its lowest, 0.25, was first reached after 1 epoch."),
        // Only rising: the lowest is the loss before training.
        ([0.25, 0.5, 0.75, 0.875], "; its lowest, 0.25, was before training."),
        // Flat: the same, every epoch.
        ([0.5, 0.5, 0.5, 0.5], "; its lowest, 0.5, was before training."),
        // At the very end.
        ([0.9, 0.5, 0.375, 0.25], "; its lowest, 0.25, was after 3 epochs."),
    ])
    func theLowestTestLossIsPlacedTruly(test: [Double], sentence: String) {
        let text = Self.text([1, 0.75, 0.5, 0.25], test: test)
        #expect(text.contains(sentence), "\(text)")
    }

    @Test func aBatchOfTheOneSampleIsSaidInWords() {
        let one = Self.text([1, 0.5], test: [], batches: .init(samples: 1, size: 3))
        #expect(one.contains("; batches of 3 take the one sample at once, so this is full batch."), "\(one)")
        let four = Self.text([1, 0.5], test: [], batches: .init(samples: 4, size: 4))
        #expect(four.contains("; batches of 4 take all 4 samples at once, so this is full batch."), "\(four)")
    }

    @Test func sparklineIsLogScaledWhenTheLossSpansMoreThanTwoDecades() {
        // 1, 0.1, 0.01, 0.001 are equal steps on a log scale: heights 1, 2/3, 1/3, 0 of the 8 levels
        // ▁…█, that is levels 7, round(4.67) = 5, round(2.33) = 2 and 0.
        #expect(Sparkline([1, 0.1, 0.01, 0.001]).text() == "█▆▃▁")
        #expect(Sparkline([1, 0.5, 0.25, 0.02]).text().last == "▁")
        #expect(!Sparkline.isLogScaled([1, 0.02]))
    }
}
