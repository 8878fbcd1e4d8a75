import NNExplain
import Testing

/// The public API, fuzzed in process: seeded random networks (well formed or not; weights and
/// inputs ordinary, huge, tiny, zero or not finite), random indices in and out of range, random
/// options. Every entry point either returns or throws an ``ExplainedError`` whose sentence is one
/// non-empty line; a trap would end the test process, so the test passing is the proof. The
/// whole-network computations that take no index (gradients, traces, updates, training,
/// predictions, outputs, the finiteness checks) are called on every network, and on one that
/// ``Network/requireWellFormed()`` refuses each must throw, never return.
@Suite struct APIFuzzTests {
    static let seeds: [UInt64] = [1, 2, 3, 4]
    static let networksPerSeed = 120

    @Test(arguments: seeds) func everyEntryPointReturnsOrThrowsATypedError(seed: UInt64) {
        let fuzz = APIFuzz(seed: seed)
        for _ in 0..<Self.networksPerSeed { fuzz.round() }
        print("API fuzz, seed \(seed): \(fuzz.calls) calls, \(fuzz.returned) returned, \(fuzz.thrown) threw a typed error")
        #expect(fuzz.calls > 1_000, "\(fuzz.calls) calls")
        #expect(fuzz.thrown > 0 && fuzz.returned > 0, "\(fuzz.thrown) thrown, \(fuzz.returned) returned")
        #expect(fuzz.badSentences.isEmpty, "\(fuzz.badSentences.prefix(5))")
        print("API fuzz, seed \(seed): \(fuzz.malformedCalls) calls on networks that are not well formed, \(fuzz.unthrown.count) returned")
        #expect(fuzz.malformedCalls > 100, "\(fuzz.malformedCalls) calls on networks that are not well formed")
        #expect(fuzz.unthrown.isEmpty, "\(fuzz.unthrown.prefix(5))")
    }
}

/// One fuzzing run (a class, so that the calls it makes can draw from its generator): the generator, the counts, and the sentences that were not one non-empty line.
final class APIFuzz {
    var generator: SplitMix64
    var calls = 0, returned = 0, thrown = 0
    var badSentences: [String] = []
    /// Calls that had to throw (a computation on a network that is not well formed), and the types
    /// of the results of those that returned instead.
    var malformedCalls = 0
    var unthrown: [String] = []

    init(seed: UInt64) { generator = SplitMix64(seed: seed) }

    /// Calls `body`, counting it; a thrown error must be an ``ExplainedError`` said in one line,
    /// and when `mustThrow` it must throw one.
    func call<T>(mustThrow: Bool = false, _ body: () throws -> T) {
        calls += 1
        if mustThrow { malformedCalls += 1 }
        do {
            _ = try body()
            returned += 1
            if mustThrow { unthrown.append("\(T.self)") }
        } catch {
            thrown += 1
            guard let explained = error as? any ExplainedError else { return badSentences.append("untyped: \(error)") }
            let message = explained.message
            if message.isEmpty || message.contains("\n") { badSentences.append(message) }
        }
    }

    // MARK: Random values

    func int(_ range: ClosedRange<Int>) -> Int { range.lowerBound + generator.nextIndex(below: range.count) }
    func chance(_ p: Double) -> Bool { generator.nextUnit() < p }
    func pick<T>(_ values: [T]) -> T { values[generator.nextIndex(below: values.count)] }

    /// Ordinary numbers mostly; sometimes huge, tiny, zero or not finite.
    func number() -> Double {
        if chance(0.85) { return generator.nextSymmetric(2) }
        return pick([1e300, -1e300, .greatestFiniteMagnitude, 1e-310, -0.0, 0, .infinity, -.infinity, .nan, 1e154, 709.8])
    }

    /// An index near a range of `count`: in it mostly, else just outside, negative or far out.
    func index(_ count: Int) -> Int {
        chance(0.75) && count > 0 ? int(0...(count - 1)) : pick([-1, count, count + 1, -1_000_000, Int.max, Int.min])
    }

    /// A layer index of a network of `depth` layers: `1…L` mostly.
    func layer(_ depth: Int) -> Int { chance(0.8) && depth > 0 ? int(1...depth) : pick([0, -1, depth + 1, Int.max]) }

    /// A network: a random shape, activations and loss, and now and then a fault in its structure.
    func network() -> Network {
        let depth = int(1...3), inputs = int(1...3)
        let sizes = [inputs] + (0..<depth).map { _ in int(1...4) }
        var layers = (1...depth).map { l in
            Layer(activation: l < depth && chance(0.9) ? pick(Activation.allCases.filter(\.isElementwise)) : pick(Activation.allCases),
                  weights: (0..<sizes[l]).map { _ in (0..<sizes[l - 1]).map { _ in number() } },
                  biases: chance(0.7) ? (0..<sizes[l]).map { _ in number() } : nil)
        }
        func sample() -> Sample {
            Sample(x: (0..<inputs).map { _ in number() }, y: (0..<sizes[depth]).map { _ in chance(0.9) ? generator.nextUnit() : number() })
        }
        var samples = (0..<int(1...4)).map { _ in sample() }
        var test = (0..<int(0...2)).map { _ in sample() }
        if chance(0.25) {
            switch int(0...8) {
            case 0: layers[0].weights[0].append(1)
            case 1: layers[depth - 1].biases = [1, 2, 3, 4, 5]
            case 2: samples = []
            case 3: samples[0].x.append(1)
            case 4: samples[samples.count - 1].y.append(0.5)
            case 5: test.append(Sample(x: [1], y: []))
            case 6: layers[depth - 1].weights = []
            case 7: layers[depth - 1].weights[0] = []
            default: layers = []
            }
        }
        return Network(inputs: chance(0.02) ? 0 : inputs, layers: layers, loss: chance(0.5) ? .squared : pick(Loss.allCases),
                       learningRate: chance(0.9) ? 0.5 : number(), updateBiases: chance(0.8), samples: samples, testSamples: test)
    }

    /// A batch: indices near the samples', sometimes empty or repeated.
    func batch(_ count: Int) -> [Int] {
        var batch = (0..<int(0...3)).map { _ in index(count) }
        if chance(0.1), let first = batch.first { batch.append(first) }
        return batch
    }
}
