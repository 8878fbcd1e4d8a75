import NNExplain
import NNExplainTestSupport
import Testing

/// The nudge: its predictions against the backward pass's gradient, its changes against a second forward pass.
struct NudgeTests {
    static let networks: [Network] = [Network.standard] + (UInt64(1)...6).map {
        Network.random(sizes: [3, 4, 3, 2], samples: 3, seed: $0, activation: $0 % 2 == 0 ? .tanh : .sigmoid)
    }

    @Test(arguments: networks.indices)
    func predictionsAreTheGradientTimesEpsilon(_ n: Int) throws {
        let network = Self.networks[n], ε = 0.01
        let mean = try network.gradients()
        for l in 1...network.depth {
            for j in 0..<network.size(ofLayer: l) {
                for k in 0..<network.size(ofLayer: l - 1) {
                    let average = try network.nudge(layer: l, j: j, k: k, by: ε, sample: nil)
                    #expect(abs(average.loss.predicted - mean.layers[l - 1].weights[j][k] * ε) <= 1e-14)
                    let one = try network.nudge(layer: l, j: j, k: k, by: ε, sample: 1)
                    #expect(try abs(one.loss.predicted - network.trace(sample: 1).weightGradient(layer: l, j: j, k: k) * ε) <= 1e-14)
                }
            }
        }
    }

    @Test(arguments: networks.indices)
    func changesAreASecondForwardPassAndPredictionsItsFirstOrder(_ n: Int) throws {
        let network = Self.networks[n]
        let (l, j, k) = (1, 1, 2)
        for ε in [1e-4, 0.5] {
            let nudge = try network.nudge(layer: l, j: j, k: k, by: ε, sample: 0)
            var moved = network
            moved.layers[l - 1].weights[j][k] += ε
            let before = try network.trace(sample: 0), after = try moved.trace(sample: 0)
            #expect(nudge.loss.before == before.loss && nudge.loss.after == after.loss)
            #expect(nudge.quantities.count == 2 * (1 + (2...network.depth).map(network.size(ofLayer:)).reduce(0, +)))
            for q in nudge.quantities {
                guard case .z(let m, .number(let i)) = q.symbol else { continue }
                #expect(q.before == before.layer(m).z[i] && q.after == after.layer(m).z[i])
                // The prediction is the central difference of z by w, times ε.
                var up = network, down = network
                up.layers[l - 1].weights[j][k] += 1e-6
                down.layers[l - 1].weights[j][k] -= 1e-6
                let slope = try (up.trace(sample: 0).layer(m).z[i] - down.trace(sample: 0).layer(m).z[i]) / 2e-6
                #expect(abs(q.predicted - slope * ε) <= 1e-8 * max(1, abs(ε)))
            }
            if ε < 1e-3 { #expect(abs(nudge.loss.change - nudge.loss.predicted) <= ε * ε, "the gap is second order") }
        }
    }
}
