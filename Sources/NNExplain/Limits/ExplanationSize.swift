/// About how many bytes `step` writes to explain a weight of layer `l`, from the shape alone.
///
/// Term 1 of a weight of layer `l < L` is the sum over layer `l+1`, then every `∂C/∂a` it needs,
/// layer by layer up to the output: for each layer `u` from `l+1` to `L-1`, `n_u` sums of `n_(u+1)`
/// summands each (``Derivation/FirstTerm/hidden(sum:traceBack:outputs:)``). So the size grows with
/// the product of neighbouring layers' sizes, and with depth twice over: each layer further up
/// needs a summation letter of its own, and after the eleven letters run out they take primes
/// (`i′`, `p′′`, …), one more for every eleven layers, each written several times per line. For
/// 20,001 one-node layers that is some 600 MB. The figures below were measured on the text output
/// at the default precision and err on the large side by about a fifth.
package enum ExplanationSize {
    /// The bytes of one sum's lines besides its summands (its heading, formula, table head and value).
    package static let sumBytes = 300
    /// How often a sum's lines write its summation letter.
    package static let sumLetters = 11
    /// The bytes of one summand's table row besides its letters.
    package static let rowBytes = 80
    /// How often a summand's row writes the letter.
    package static let rowLetters = 3
    /// The letters the sums cycle through before they take primes (the derivation's own list).
    package static let letters = summationLetters.count
    /// The bytes of one line of the table of every sample's product, with `--average`.
    package static let averagedRowBytes = 100
    /// The bytes of the parts that do not grow with the network (terms 2 and 3, the result).
    package static let fixedBytes = 2_000

    /// The estimate for a weight of layer `l` (a layer below 1 counts as 1, above `L` as `L`), the
    /// samples' table too when `averaging`; `Int.max` when it overflows.
    package static func bytes(_ shape: NetworkShape, layer l: Int, averaging: Bool) -> Int {
        let l = min(max(1, l), shape.depth)
        var total = NetworkShape.sum(fixedBytes, averaging ? NetworkShape.product(shape.samples, averagedRowBytes) : 0)
        guard l < shape.depth else { return NetworkShape.sum(total, NetworkShape.product(shape.sizes[shape.depth], rowBytes)) }
        // Distance d = 0 is the sum over layer l+1 itself; d ≥ 1 the trace-back through layer l+d.
        for d in 0..<(shape.depth - l) {
            let u = l + d, sums = d == 0 ? 1 : shape.sizes[u], summands = shape.sizes[u + 1]
            let letter = 1 + 3 * (d / letters)  // bytes: the letter, and each prime ′ is three in UTF-8
            let row = NetworkShape.sum(sumBytes + sumLetters * letter, NetworkShape.product(summands, rowBytes + rowLetters * letter))
            total = NetworkShape.sum(total, NetworkShape.product(sums, row))
        }
        return NetworkShape.sum(total, NetworkShape.product(shape.sizes[shape.depth], rowBytes))
    }
}
