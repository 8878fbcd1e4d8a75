import Foundation
// @testable: reads the batch explanation's share of samples, internal to the library.
@testable import NNExplain
import NNExplainCLI
import NNExplainTestSupport
import Testing

/// Sentences about batches and shares that must hold at their edges: a batch of every sample, a
/// batch of one, a share that is neither none nor all.
struct BatchClaimTests {
    static let random = ["--random", "2,3,1", "--samples", "6"]

    @Test func aBatchOfEverySampleIsCalledAFullBatchStep() {
        for arguments in [["update", "--batch", "0-5"], ["update", "--batch", "0-5", "--layer", "L", "--j", "0", "--k", "1"]] {
            let result = runCLI(arguments + Self.random)
            #expect(result.status == 0, "\(result.stderr)")
            #expect(!result.stdout.contains("need not fall"), "\(arguments): C_B is C here")
            #expect(!result.stdout.contains("mini-batch gradient descent"), "\(arguments)")
            #expect(result.stdout.contains("This batch holds all 6 samples"), "\(arguments)")
        }
        let part = runCLI(["update", "--batch", "0,3"] + Self.random)
        #expect(part.stdout.contains("mini-batch gradient descent") && part.stdout.contains("need not fall"))
    }

    @Test func aBatchOfOneSampleIsNotCalledSamples() {
        let result = runCLI(["step", "--layer", "L", "--j", "0", "--k", "1", "--batch", "3"] + Self.random)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(!result.stdout.contains("batch of 1 different samples"))
        #expect(result.stdout.contains("over every possible batch of this size"))
    }

    @Test func miniBatchTrainingRefusesTheOutputFirstOrder() {
        let refused = runCLI(["train", "--epochs", "3", "--batch-size", "2", "--update-order", "output-first"] + Self.random)
        #expect(refused.status == 64)
        #expect(refused.stderr.hasPrefix("Error: --batch-size 2 and --update-order output-first cannot be used together"))
        // A batch of every sample is full-batch descent, where the order is allowed.
        #expect(runCLI(["train", "--epochs", "3", "--batch-size", "6", "--update-order", "output-first"] + Self.random).status == 0)
    }

    @Test func aBoundarysShareIsNoneOrAllOnlyWhenExact() {
        #expect(BoundaryPicture.share((correct: 1, total: 3000)) == "1 of 3000 (under 0.1%)")
        #expect(BoundaryPicture.share((correct: 1, total: 2000)) == "1 of 2000 (0.1%)", "0.05% rounds half up")
        #expect(BoundaryPicture.share((correct: 1999, total: 2000)) == "1999 of 2000 (over 99.9%)")
        #expect(BoundaryPicture.share((correct: 18, total: 20)) == "18 of 20 (90%)")
        #expect(BoundaryPicture.share((correct: 2, total: 3)) == "2 of 3 (66.7%)")
    }
}
