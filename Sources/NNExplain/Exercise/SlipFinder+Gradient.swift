/// The slips of a weight's gradient `∂C_0/∂w_jk^l = ∂C_0/∂a_j^l · g_l'(z_j^l) · a_k^(l-1)`.
extension SlipFinder {
    func gradientSlips(layer l: Int, j: Int, k: Int) -> [SlipCandidate] {
        let upper = trace.layer(l), below = trace.activations(ofLayer: l - 1)
        let dCda = upper.dCda[j], slope = upper.gPrime[j], input = below[k]
        let w = Symbol.w(layer: l, .number(j), .number(k))
        var out: [SlipCandidate] = []
        if let factor = lossFactor { out.append(candidate(.factorOfTwo, key * factor, factorHint)) }
        for n in below.indices where n != k {
            out.append(candidate(.wrongIndex, dCda * slope * below[n],
                                 "you used \(name(.a(layer: l - 1, .number(n)))) instead of \(name(.a(layer: l - 1, .number(k)))): "
                                     + "the weight \(name(w)) connects node \(k) of layer \(l - 1) to node \(j) of layer \(l), so its input is "
                                     + name(.a(layer: l - 1, .number(k)))))
        }
        if k < upper.a.count, j < below.count, j != k {
            out.append(candidate(.wrongIndex, trace.weightGradient(layer: l, j: k, k: j),
                                 "that is the gradient of \(name(.w(layer: l, .number(k), .number(j)))): \(name(w)) goes from node \(k) to node \(j), "
                                     + "the first index is the node it leads to"))
        }
        let C = Symbol.loss(.sample(0))
        out += [
            candidate(.missingTerm, dCda * input, "you left out term 2, the slope \(name(.gPrime(layer: l, .number(j)))): a_j changes with z_j only at that rate"),
            candidate(.missingTerm, slope * input, "you left out term 1, \(name(.partial(C, .a(layer: l, .number(j))))), how the loss changes with the node's output"),
            candidate(.missingTerm, dCda * slope, "you left out term 3, \(name(.partial(.z(layer: l, .number(j)), w))) = \(name(.a(layer: l - 1, .number(k)))), the input the weight multiplies"),
        ]
        if l < L {
            let next = trace.layer(l + 1)
            for i in next.a.indices where next.a.count > 1 {
                out.append(candidate(.partialSum, trace.summand(network, layer: l + 1, i: i, k: j) * slope * input,
                                     "you kept only the term of node \(i) of layer \(l + 1); \(name(.partial(C, .a(layer: l, .number(j))))) adds up one "
                                         + "term for every node of layer \(l + 1), since \(name(.a(layer: l, .number(j)))) feeds each of them"))
            }
            let moved = network.uncheckedUpdateStep(order: .outputFirst).gradients.layers[l - 1].weights[j][k]
            out.append(candidate(.newWeights, moved,
                                 "you went back through the weights of layer \(l + 1) after their update; the backward pass uses the weights "
                                     + "before the step: first every gradient, then every update"))
        }
        out += Exercise.earlyDigits.map { d in
            let r = Rounding(digits: d)
            return candidate(.rounding, r.rounded(dCda) * r.rounded(slope) * r.rounded(input), Self.roundLate)
        }
        return out
    }
}
