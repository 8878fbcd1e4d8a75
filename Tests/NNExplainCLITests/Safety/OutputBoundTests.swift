import Foundation
import NNExplain
// @testable: the estimates (OutputSize, ResourceLimits) are internal to the library.
@testable import NNExplainCLI
import NNExplainTestSupport
import Testing

/// Work that grows with a network's whole shape (a page, a walk, predictions, a boundary picture)
/// is estimated from the shape before any of it is built, and refused at once when too big, with
/// the figure, the bound and a way round it; the examples of the README and the lessons still run.
@Suite struct OutputBoundTests {
    /// `--random` layer sizes: `first`, then `count` one-node layers.
    static func chain(_ first: Int, _ count: Int) -> String { ([String(first)] + Array(repeating: "1", count: count)).joined(separator: ",") }

    /// The cases an independent fuzzer found: each took minutes, gigabytes, or ended in a crash.
    static let tooBig: [(arguments: [String], message: String)] = [
        (["html", "--random", "3,20,20,20,20,3", "--samples", "2"], "Error: this page would be about 348 MB of HTML"),
        (["html", "--random", chain(1, 1_000), "--samples", "1"], "Error: this page would be about "),
        (["html", "--random", "3,300,300,300,2", "--samples", "1", "--weights", "1-1-1"], "Error: this page would be about "),
        (["predict", "--random", "1,5000", "--samples", "1"],
         "Error: predict prints a confusion matrix of 5,000 × 5,000 classes and every listed sample's outputs, 25,005,003 numbers"),
        (["walk", "--random", "5000,5000"], "Error: the walk of this network takes 15,000 steps (three for each node), about "),
        (["boundary", "--random", chain(2, 7_000)], "Error: a picture of 100 × 100 cells (--resolution) evaluates this network at 10,000 points"),
        // 4000·4000 weights: forward writes three numbers for each (w · a = product), update three per parameter
        // (old, gradient, new), network one, each some 150 bytes while the output is built.
        (["forward", "--random", "4000,4000", "--samples", "1"], "Error: this network (16004000 weights and biases, 1 sample), "
            + "the engine's buffers and the \(3 * 16_000_000 + 4 * 4_000) numbers the output prints need about "),
        (["update", "--random", "4000,4000", "--samples", "1"], "Error: this network (16004000 weights and biases, 1 sample), "
            + "the engine's buffers and the \(3 * 16_004_000) numbers the output prints need about "),
        (["network", "--random", "4000,4000", "--samples", "1"], "Error: this network (16004000 weights and biases, 1 sample), "
            + "the engine's buffers and the \(16_004_000 + 8_000) numbers the output prints need about "),
        // 7,000 one-node layers over 10 samples: 14,000 parameters, two passes each of 7,000 multiply-adds
        // and 7,000 layers' own cost.
        (["check", "--random", chain(1, 7_000)], "Error: check runs two forward passes over its 10 samples for each of the 14000 "
            + "weights and biases of this network, about \(ResourceLimits.grouped(2 * 14_000 * 11 * (7_000 + 7_000 * 100))) multiply-adds"),
    ]

    @Test(arguments: tooBig) func workTooBigIsRefusedAtOnce(_ arguments: [String], _ message: String) {
        let start = ContinuousClock.now
        let result = runCLI(arguments)
        #expect(ContinuousClock.now - start < .seconds(5))
        #expect(result.status == 64)
        #expect(result.stdout == "")
        #expect(result.stderr.hasPrefix(message), "\(result.stderr.prefix(300))")
    }

    /// The page's refusals say how to get round them: fewer parameters when the derivations are
    /// too big, a smaller network when the parts every page has are.
    @Test func aPageSaysWhichWayRoundHelps() {
        let derivations = runCLI(["html", "--random", "3,20,20,20,20,3", "--samples", "2"]).stderr
        #expect(derivations.contains("more than the 50 MB a page may take; explain fewer parameters with --weights"))
        let whole = runCLI(["html", "--random", "3,300,300,300,2", "--samples", "1", "--weights", "1-1-1"]).stderr
        #expect(whole.contains("more than the 50 MB a page may take; use a network with fewer weights or fewer samples\n"))
        let walk = runCLI(["walk", "--random", "5000,5000"]).stderr
        #expect(walk.contains("more than the 20 MB a walk may take; use a network with fewer or smaller layers\n"))
        let boundary = runCLI(["boundary", "--random", Self.chain(2, 7_000)]).stderr
        // One forward pass: 2 + 6,999 weights and 7,000 layers at 100 each; √(2·10⁹ / 707,001) = 53.2.
        #expect(boundary.contains("about \(ResourceLimits.grouped(10_000 * (7_001 + 7_000 * 100))) multiply-adds (each layer counted as 100 more)"))
        #expect(boundary.contains("give --resolution 53 or less\n"))
    }

    /// The networks of the lessons and the examples, and the README's 784-128-64-10, pass every
    /// bound of the page (iris, 67 parameters over 120 samples, is refused for its derivations,
    /// as before), the walk, predictions and the boundary picture.
    @Test func theExamplesAreAdmitted() throws {
        let folders = [TestPaths.lessons.appendingPathComponent("networks"), TestPaths.package.appendingPathComponent("examples")]
        var networks: [(String, Network)] = []
        for folder in folders {
            for name in try FileManager.default.contentsOfDirectory(atPath: folder.path).filter({ $0.hasSuffix(".json") }) {
                networks.append((name, try Network.decode(Array(Data(contentsOf: folder.appendingPathComponent(name)))).network))
            }
        }
        #expect(networks.count >= 10)
        for (name, network) in networks {
            let shape = NetworkShape(network)
            do { try PageSelection.all(network).requireFits(network, whole: true) } catch {
                if case .page = error { Issue.record("\(name): \(error.message)") }
            }
            #expect(throws: Never.self, "\(name)") { try ResourceLimits.requireWalkable(shape) }
            #expect(throws: Never.self, "\(name)") {
                try ResourceLimits.requirePredictable(outputs: shape.sizes.last!, listed: network.samples.count)
            }
            if shape.sizes[0] == 2, shape.sizes.last! <= BoundaryPicture.maxClasses {
                #expect(throws: Never.self, "\(name)") { try BoundaryPicture.require(shape, resolution: 100, shading: .classes) }
            }
        }
        let digits = NetworkShape(sizes: [784, 128, 64, 10], biases: [true, true, true], samples: 1)
        #expect(throws: Never.self) { try ResourceLimits.requireWalkable(digits) }
        // update lists three numbers per parameter, forward about as many per weight: 784-128-64-10 fits.
        #expect(throws: Never.self) { try ResourceLimits.requireMemory(digits, printing: 3 * digits.parameters) }
        for command in ["forward", "update", "network"] {
            #expect(runCLI([command, "--random", "100,100,10", "--samples", "1"]).status == 0, "\(command)")
        }
    }

    /// The page's estimate is at least what the page holds, and not ten times more.
    @Test(arguments: ["3,4,3", "3,6,6,6,3", chain(2, 10)]) func thePageEstimateBoundsThePage(_ sizes: String) throws {
        let result = runCLI(["html", "--random", sizes, "--samples", "2"])
        try #require(result.status == 0)
        let layers = sizes.split(separator: ",").map { Int($0)! }
        let shape = NetworkShape(sizes: layers, biases: Array(repeating: true, count: layers.count - 1), samples: 2)
        let explained = Dictionary(uniqueKeysWithValues: (1..<layers.count).map { ($0, layers[$0] * layers[$0 - 1] + layers[$0]) })
        let estimate = Double(OutputSize.pageBytes(shape, explained: explained)), actual = Double(result.stdout.utf8.count)
        #expect(estimate >= actual && estimate < actual * 10, "estimate \(estimate), actual \(actual)")
    }

    /// The walk's estimate is at least what the walk writes, and not three times more.
    @Test(arguments: ["2,2,2", "2,40,40,2", "100,100"]) func theWalkEstimateBoundsTheWalk(_ sizes: String) throws {
        let result = runCLI(["walk", "--random", sizes, "--samples", "1"])
        try #require(result.status == 0)
        let layers = sizes.split(separator: ",").map { Int($0)! }
        let shape = NetworkShape(sizes: layers, biases: Array(repeating: true, count: layers.count - 1), samples: 1)
        let estimate = Double(OutputSize.walkBytes(shape)), actual = Double(result.stdout.utf8.count)
        #expect(estimate >= actual && estimate < actual * 3, "estimate \(estimate), actual \(actual)")
    }
}
