/// What each question asks, in words and symbols: what the quantity is and the formula to use.
extension Exercise {
    /// The words of `question`, with its formula; the ordinal of a chain-rule term is named when the
    /// question is one of the three terms of the output weight's gradient.
    func ask(_ question: Question) -> [Document.Inline] {
        let L = network.depth, C = Symbol.loss(.sample(0))
        let i = Symbol.Index.letter("i"), kLetter = Symbol.Index.letter("k")
        switch question.quantity {
        case .z(let l, let j):
            let node = Symbol.Index.number(j)
            return ["The weighted sum of node \(j) of layer ", layer(l), ": ",
                    m([.symbol(.z(layer: l, node)), .op(.equals), .sum("k"), .symbol(.w(layer: l, node, kLetter)), .op(.times),
                       .symbol(.a(layer: l - 1, kLetter)), .op(.plus), .symbol(.b(layer: l, node))]), "."]
        case .a(let l, let j) where l == L - 1 && outputWeight?.k == j:
            let (oj, ok) = (outputWeight!.j, outputWeight!.k)
            return ["Term 3 of the chain rule for ", m(.partial(C, .w(layer: L, .number(oj), .number(ok)))), ": ",
                    m([.symbol(.partial(.z(layer: L, .number(oj)), .w(layer: L, .number(oj), .number(ok)))), .op(.equals),
                       .symbol(.a(layer: l, .number(j)))]), ", the activation of node \(j) of layer ", layer(l), "."]
        case .a(let l, let j):
            return ["The activation of node \(j) of layer ", layer(l), ": ",
                    m([.symbol(.a(layer: l, .number(j))), .op(.equals), .activation(l), .parenthesized(.of(.z(layer: l, .number(j))))]), "."]
        case .loss:
            return ["The loss of the sample: ", m(settings.loss.formula(loss: C, depth: L)), "."]
        case .dCda(let l, let j):
            return ["Term 1 of the chain rule for the output weight's gradient: ", m(.partial(C, .a(layer: l, .number(j)))),
                    ", how fast the loss changes with the output ", m(.a(layer: l, .number(j))), "."]
        case .gPrime(let l, let j):
            return ["Term 2: ", m([.symbol(.partial(.a(layer: l, .number(j)), .z(layer: l, .number(j)))), .op(.equals),
                                   .symbol(.gPrime(layer: l, .number(j)))]),
                    ", the slope of the activation at ", m(.z(layer: l, .number(j))), "."]
        case .weightGradient(let l, let j, let k) where l == L:
            return ["The gradient of the output-layer weight ", m(.w(layer: l, .number(j), .number(k))), ": ",
                    m(product(layer: l, j: j, k: k)), ", the product of the three terms."]
        case .weightGradient(let l, let j, let k):
            let upper = l + 1
            return ["The gradient of the hidden-layer weight ", m(.w(layer: l, .number(j), .number(k))), ": ",
                    m(product(layer: l, j: j, k: k)), ", where ",
                    m([.symbol(.partial(C, .a(layer: l, .number(j)))), .op(.equals), .sum("i"), .symbol(.partial(C, .a(layer: upper, i))),
                       .op(.times), .symbol(.gPrime(layer: upper, i)), .op(.times), .symbol(.w(layer: upper, i, .number(j)))]),
                    " adds up one term for every node i of layer ", layer(upper), "."]
        case .updatedWeight(let l, let j, let k):
            let w = Symbol.w(layer: l, .number(j), .number(k))
            return ["The weight ", m(w), " after one step of gradient descent: ",
                    m([.word("new "), .symbol(w), .op(.equals), .symbol(w), .op(.minus), .symbol(.learningRate), .op(.times),
                       .symbol(.partial(C, w))]), ", with ", m([.symbol(.learningRate), .op(.equals), .number(network.learningRate)]), "."]
        }
    }

    /// `∂C_0/∂w_jk^l = ∂C_0/∂a_j^l · g_l'(z_j^l) · a_k^(l-1)`.
    private func product(layer l: Int, j: Int, k: Int) -> Math {
        let C = Symbol.loss(.sample(0)), node = Symbol.Index.number(j)
        return [.symbol(.partial(C, .w(layer: l, node, .number(k)))), .op(.equals), .symbol(.partial(C, .a(layer: l, node))), .op(.times),
                .symbol(.gPrime(layer: l, node)), .op(.times), .symbol(.a(layer: l - 1, .number(k)))]
    }

    /// The output-layer weight whose gradient the sheet asks for.
    var outputWeight: (j: Int, k: Int)? {
        for question in questions {
            if case .weightGradient(let l, let j, let k) = question.quantity, l == network.depth { return (j, k) }
        }
        return nil
    }
}
