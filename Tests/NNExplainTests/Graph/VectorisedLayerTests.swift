import NNExplain
import NNExplainCore
import NNExplainTestSupport
import Testing

/// The vectorised layer gathers the scalar graph's numbers: checked against the trace (the engine
/// `matrix` prints from), layer by layer, for every reference network.
@Suite("Vectorised layer")
struct VectorisedLayerTests {
    @Test("z, a, δ, ∂C/∂W and ∂C/∂a^(l-1) of every layer match the trace", arguments: GraphStepAgreementTests.networks)
    func everyLayerMatchesTheTrace(reference: ReferenceNetwork) throws {
        let network = reference.network, trace = try network.trace(sample: 0)
        func close(_ a: [Double], _ b: [Double]) -> Bool {
            a.count == b.count && zip(a, b).allSatisfy { isClose($0, $1, relative: 1e-12, absolute: 1e-15) }
        }
        for l in 1...network.depth {
            let layer = try VectorisedLayer(network, sample: 0, layer: l), t = trace.layers[l - 1]
            #expect(layer.z == t.z)
            #expect(close(layer.a, t.a))
            #expect(close(layer.delta, t.delta), "\(reference.name) δ^\(l)")
            #expect(layer.weightGradients.indices.allSatisfy { j in
                close(layer.weightGradients[j], (0..<network.sizes[l - 1]).map { trace.weightGradient(layer: l, j: j, k: $0) })
            })
            if l > 1 { #expect(close(layer.previousGradients, trace.layers[l - 2].dCda), "\(reference.name) ∂C/∂a^\(l - 1)") }
            #expect(layer.weights == network.layers[l - 1].weights)
        }
    }

    @Test("the text names each node's shape and links the transpose product to step's sum over i")
    func textClaims() throws {
        let layer = try VectorisedLayer(ReferenceNetworks.deep25432, sample: 0, layer: 2)
        let text = TextRenderer(naming: LayerNaming(depth: 4, relative: false), width: 100).render(layer.document)
        #expect(text.contains("reads W^2 (4×5) and a^1 (5×1); the layer has no biases."))
        #expect(text.contains("4×1 times 1×5 giving 4×5"))
        #expect(text.contains("(W^2)^T (5×4) times δ^2 (4×1) gives 5×1"))
    }
}
