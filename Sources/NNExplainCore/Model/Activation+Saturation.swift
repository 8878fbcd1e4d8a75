#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `1 − a` and the slopes of outputs near 1, where the difference `1 − a` has lost its digits: the
/// sigmoid's `σ(−z)`, softmax's share of the other outputs, tanh's `sech² z`. Below
/// ``Activation/complementFloor`` only; elsewhere the article's forms, so ordinary networks keep
/// their bits. See docs/notation.md, "Saturated outputs".
extension Activation {
    /// Below this, `1 − a` of an output `a` near 1 is no longer taken as the difference: `a` carries an
    /// absolute rounding error of up to 1.1e-16, so `1 − a` under 2⁻²⁰ ≈ 9.5e-7 would keep fewer than
    /// ten correct digits (and is 0 once `a` rounded to 1).
    @usableFromInline package static let complementFloor = 0x1p-20

    /// `1 − σ(z)` for `a = σ(z)`: the difference `1 − a`, as the article writes it and as every
    /// ordinary node computes it, unless that is below ``complementFloor``; then `σ(−z)`, which is
    /// a double with all its digits down to z ≈ 745 where `1 − a` is 0 from z ≈ 36.7.
    @inlinable
    package static func sigmoidComplement(z: Double, a: Double) -> Double {
        let difference = 1 - a
        return difference < complementFloor ? Activation.sigmoid.value(-z) : difference
    }

    /// `1 − tanh² z = sech² z = 4e / (1 + e)²` with `e = e^(−2|z|)`: for `|tanh z|` within
    /// ``complementFloor`` of 1, where `1 − a²` has lost its digits (and is 0 from |z| ≈ 19.1).
    @inlinable
    package static func saturatedTanhSlope(_ z: Double) -> Double {
        let e = exp(-2 * abs(z))
        return 4 * e / ((1 + e) * (1 + e))
    }

    /// Softmax's slopes `∂a_j/∂z_j = a_j(1 − a_j)` for the `n` outputs at `a` (from `z`) into
    /// `gPrime`. Where `1 − a_j` is below ``complementFloor``, it is taken as
    /// `Σ_(i≠j) e^(z_i − m) / Σ_i e^(z_i − m)`, the share of the other outputs, since the difference
    /// would have lost its digits (and is 0 once `a_j` rounded to 1). The trace and the engine both
    /// call this, so they give the same bits.
    @inlinable
    package static func softmaxSlopes(_ z: UnsafePointer<Double>, a: UnsafePointer<Double>, count n: Int,
                                      into gPrime: UnsafeMutablePointer<Double>) {
        for j in 0..<n { gPrime[j] = a[j] * softmaxComplement(z, a: a, count: n, j: j) }
    }

    /// `1 − a_j` of a softmax output: the difference unless it is below ``complementFloor``, then
    /// `Σ_(i≠j) e^(z_i − m) / Σ_i e^(z_i − m)` (in order of `i`), the other outputs' share.
    @inlinable
    package static func softmaxComplement(_ z: UnsafePointer<Double>, a: UnsafePointer<Double>, count n: Int, j: Int) -> Double {
        let difference = 1 - a[j]
        guard difference < complementFloor else { return difference }
        let (m, total) = logSumExpParts(z, count: n)
        var others = 0.0
        for i in 0..<n where i != j { others += exp(z[i] - m) }
        return others / total
    }
}
