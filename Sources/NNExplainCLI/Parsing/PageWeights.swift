import NNExplain

/// `--weights 3-1-2,2-2-2,b-2-1`: the parameters a page explains, named as its links name them,
/// each checked against the network it must exist in.
enum PageWeights {
    static func read(_ text: String, _ name: String, _ network: Network) throws(ValidationError) -> PageSelection {
        // The example names a bias only where this network has one, so it works as written.
        let biased = network.layers.indices.filter { network.layers[$0].biases != nil }.map { $0 + 1 }
        let example = "\(network.depth)-0-0" + (biased.last.map { ",b-\($0)-0" } ?? "")
        let form = "give l-j-k for the weight w_jk^l and b-l-j for the bias b_j^l, layers as numbers 1…\(network.depth), "
            + "separated by commas, e.g. \(name) \(example)"
        var weights: [PageSelection.Weight] = [], biases: [PageSelection.Bias] = []
        for item in text.split(separator: ",", omittingEmptySubsequences: false).map(\.trimmed) {
            let isBias = item.hasPrefix("b-")
            let numbers = (isBias ? item.dropFirst(2) : Substring(item)).split(separator: "-", omittingEmptySubsequences: false).map { Int($0) }
            guard numbers.count == (isBias ? 2 : 3), let l = numbers[0], numbers.allSatisfy({ ($0 ?? -1) >= 0 }) else {
                throw ValidationError("'\(item)' in \(name) is not a weight or a bias; \(form)")
            }
            guard (1...network.depth).contains(l) else {
                throw ValidationError("'\(item)' in \(name) names layer \(l), but this network's layers with weights are 1…\(network.depth)")
            }
            let j = numbers[1]!, size = network.size(ofLayer: l)
            guard j < size else { throw ValidationError("'\(item)' in \(name): layer \(l) has \(size.counting("node")), so j must be 0…\(size - 1)") }
            if isBias {
                guard biased.contains(l) else {
                    let which = biased.isEmpty ? "this network has no biases" : "the layers with biases are " + biased.map(String.init).joined(separator: ", ")
                    throw ValidationError("'\(item)' in \(name): layer \(l) has no biases; \(which)")
                }
                biases.append(PageSelection.Bias(layer: l, j: j))
            } else {
                let k = numbers[2]!, before = network.size(ofLayer: l - 1)
                guard k < before else {
                    throw ValidationError("'\(item)' in \(name): layer \(l - 1) has \(before.counting("node")), so k must be 0…\(before - 1)")
                }
                weights.append(PageSelection.Weight(layer: l, j: j, k: k))
            }
        }
        return PageSelection(weights: weights, biases: biases)
    }
}
