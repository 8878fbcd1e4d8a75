// @testable: Explanation.batchOption and batchSet are internal to the library.
@testable import NNExplain
import NNExplainTestSupport
import Testing

/// A mini-batch in the explanation: its mean is the engine's, and the option and the set are
/// written short.
struct BatchTextTests {
    /// A batch in shuffled order over several blocks: the explanation's mean is the engine's, and the
    /// step moved by it.
    @Test func theExplanationTheEngineAndTheStepAgreeOnAShuffledBatch() throws {
        let network = Network.random(sizes: [3, 4, 2], samples: 150, seed: 11)  // BatchTests' last network
        let batch = (0..<100).map { ($0 * 37 + 5) % 150 }
        #expect(Set(batch).count == 100)
        let gradients = try network.batch(batch).gradients()
        let step = try network.updateStep(batch: batch)
        #expect(step.gradients == gradients)
        for (l, j, k) in [(1, 0, 0), (1, 3, 2), (2, 1, 3)] {
            let average = try network.averagedDerivation(layer: l, j: j, k: k, batch: batch)
            #expect(average.explainedValue == gradients.layers[l - 1].weights[j][k])
            #expect(average.sample == batch[0])
        }
    }

    @Test func theOptionAndTheSetAreWrittenShort() {
        #expect(Explanation.batchOption([0, 3, 5]) == "--batch 0,3,5")
        #expect(Explanation.batchOption([0, 1, 2, 5, 7, 8, 3]) == "--batch 0-2,5,7,8,3")
        let set = Explanation.batchSet(Array(0..<64) + [70, 71, 72])
        #expect(set.last == .text(" = {0, 1, …, 63, 70, 71, 72}"))
    }
}
