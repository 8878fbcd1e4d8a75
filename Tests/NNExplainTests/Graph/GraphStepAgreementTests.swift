import NNExplain
import NNExplainCore
import NNExplainTestSupport
import Testing

/// The graph's walk for one weight ends in the value `step` prints: compared with the trace (an
/// engine that shares no arithmetic with the graph's gates), for every weight of every reference
/// network and sample.
@Suite("Graph and step agree")
struct GraphStepAgreementTests {
    static let networks = ReferenceNetworks.all.filter { !$0.name.contains("saturated") }

    @Test("every weight's graph gradient prints as step's value, and the closing sentence says which", arguments: networks)
    func everyWeightEndsInStepsValue(reference: ReferenceNetwork) throws {
        let network = reference.network
        var differing = 0, offPath = 0
        for s in network.samples.indices {
            let trace = try network.trace(sample: s)
            for l in 1...network.depth {
                for j in 0..<network.sizes[l] {
                    for k in 0..<network.sizes[l - 1] {
                        let explanation = try GraphExplanation.network(network, sample: s, weight: (l, j, k))
                        let step = trace.weightGradient(layer: l, j: j, k: k)
                        let graph = explanation.graph.nodes[try #require(explanation.weightNode)].gradient
                        #expect(isClose(graph, step, relative: 1e-12, absolute: 1e-300), "\(reference.name) s=\(s) w_\(j)\(k)^\(l): graph \(graph), step \(step)")
                        let renderer = TextRenderer(naming: LayerNaming(depth: network.depth))
                        #expect(renderer.number(graph) == renderer.number(step), "\(reference.name) s=\(s) w_\(j)\(k)^\(l) prints differently")
                        let text = renderer.render(explanation.document)
                        let last = try #require(text.split(separator: "\n").last)
                        if explanation.walked.isEmpty {
                            offPath += 1
                            #expect(graph == 0 && step == 0)
                            #expect(text.contains("No path leads from w_"))
                        }
                        if graph == step {
                            #expect(last.contains("bit for bit"))
                        } else {
                            differing += 1
                            #expect(last.contains(" in the last place away") && !last.contains("bit for bit"))
                        }
                    }
                }
            }
        }
        // A weight on no path (sigmoid outputs under cross-entropy with y_j = 0; a sample whose targets
        // are all 0) has gradient 0 by step too, and the text says why.
        // The sigmoid networks with the squared loss multiply the same factors in the same order as
        // the trace: every weight agrees bit for bit there.
        if reference.name.hasPrefix("standard") || reference.name.hasPrefix("mazur") { #expect(differing == 0) }
        if reference.name.hasPrefix("sigmoid-ce") { #expect(offPath > 0, "sigmoid outputs under cross-entropy with a target of 0") }
    }

    @Test("the walk visits the weight last and its paths in reverse order of the graph")
    func walkOrder() throws {
        let explanation = try GraphExplanation.network(.standard, sample: 0, weight: (layer: 2, j: 1, k: 2))
        #expect(explanation.walked == explanation.walked.sorted())
        #expect(explanation.walked.last == explanation.graph.output)
        #expect(explanation.walked.first == explanation.weightNode)
        #expect(Set(explanation.walked).isSubset(of: Set(explanation.shown)))
    }
}
