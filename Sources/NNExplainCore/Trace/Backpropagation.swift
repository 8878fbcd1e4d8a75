/// The backward step of backpropagation, stated once for the per-sample code:
///
///     δ_i^l = ∂C_s/∂a_i^l · g_l'(z_i^l)                 (Nielsen's δ, ∂C_s/∂z_i^l)
///     ∂C_s/∂a_k^(l-1) = Σ_i δ_i^l · w_ik^l              (summed over i = 0, 1, 2, … from 0)
///
/// The per-sample ``Trace``, the summand an explanation shows (``Trace/summand(_:layer:i:k:)``) and
/// the `output-first` update all call these functions. The batched engine computes the same sum as
/// one matrix product per block (`∂C/∂a^(l-1) = δ · w`), whose kernel adds the same products in the
/// same order of `i`; the engine tests hold it to these functions bit for bit.
@usableFromInline
package enum Backpropagation {
    /// `δ = ∂C_s/∂a · g'(z)`.
    @inlinable
    package static func delta(dCda: Double, gPrime: Double) -> Double { dCda * gPrime }

    /// One summand of the sum over the layer above, `δ_i^l · w_ik^l`.
    @inlinable
    package static func summand(delta: Double, weight: Double) -> Double { delta * weight }

    /// `∂C_s/∂a_k^(l-1)` for every node `k < width` of the layer below, from the deltas of layer `l`
    /// and its weights (`weights[i][k] = w_ik^l`): for each `k`, the summands added in order of `i`.
    package static func dCdaBelow(deltas: [Double], weights: [[Double]], width: Int) -> [Double] {
        var below = [Double](repeating: 0, count: width)
        for i in deltas.indices {
            let row = weights[i]
            for k in 0..<width { below[k] += summand(delta: deltas[i], weight: row[k]) }
        }
        return below
    }
}
