#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// How the backward pass finds `δ_j^L = ∂C_s/∂z_j^L` of the output layer; below it every layer uses
/// the article's chain, ``Backpropagation``. See docs/notation.md, "Softmax and the cross-entropies".
package enum OutputRule: Sendable, Equatable {
    /// The article's: `δ_j = ∂C_s/∂a_j · g'(z_j)`, each output depending on its own `z_j` alone.
    case chain
    /// Softmax with a loss other than cross-entropy: `a_i` depends on every `z_j`, so
    /// `δ_j = Σ_i ∂C_s/∂a_i · a_i(δ_ij − a_j)`, summed in order of `i`.
    case jacobian
    /// Softmax with cross-entropy: the Jacobian sum with `∂C_s/∂a_i = −y_i / a_i` collapses to
    /// `δ_j = a_j · Σ_i y_i − y_j` (`Σ_i y_i` in order of `i`), which needs no division by `a_i`.
    case softmaxCrossEntropy
    /// Sigmoid with binary cross-entropy: `∂C_s/∂a_j · g'(z_j) = (a_j − y_j) / (a_j(1 − a_j)) ·
    /// a_j(1 − a_j)`, so `δ_j = a_j − y_j` (``OutputLayer/sigmoidBinaryDelta(z:a:y:)``); finite even
    /// where `a_j` rounded to 0 or 1.
    case sigmoidBinaryCrossEntropy
    /// Sigmoid with cross-entropy: `∂C_s/∂a_j · g'(z_j) = −y_j / a_j · a_j(1 − a_j)`, so
    /// `δ_j = −y_j (1 − a_j)` with `1 − a_j = σ(−z_j)`; finite even where `a_j` underflowed to 0.
    case sigmoidCrossEntropy

    /// The rule for an output activation and loss.
    package init(activation: Activation, loss: Loss) {
        switch (activation, loss) {
        case (.softmax, .crossEntropy): self = .softmaxCrossEntropy
        case (.softmax, _): self = .jacobian
        case (.sigmoid, .binaryCrossEntropy): self = .sigmoidBinaryCrossEntropy
        case (.sigmoid, .crossEntropy): self = .sigmoidCrossEntropy
        default: self = .chain
        }
    }

    /// Whether `δ_j^L` is computed without `∂C_s/∂a_j^L`, which may then be infinite (an output
    /// rounded to exactly 0 or 1) while `δ_j^L` is finite: the finite checks look at `δ` instead.
    package var isStableForm: Bool { self != .chain && self != .jacobian }
}

extension Network {
    /// How this network's output layer finds `∂C_s/∂z_j^L`.
    package var outputRule: OutputRule { OutputRule(activation: layers[depth - 1].activation, loss: loss) }
}

extension Backpropagation {
    /// `∂a_i/∂z_j = a_i(δ_ij − a_j)` of softmax, `δ_ij` 1 on the diagonal (`i = j`), else 0.
    package static func jacobianEntry(aI: Double, aJ: Double, diagonal: Bool) -> Double {
        aI * ((diagonal ? 1 : 0) - aJ)
    }

    /// The same entry of an output layer the pass computed: on the diagonal the slope `g'(z_j)` it
    /// holds (``Activation/softmaxSlopes(_:a:count:into:)``, finite and exact where `a_j` rounded to 1),
    /// off it `−a_i a_j`.
    package static func jacobianEntry(i: Int, j: Int, a: UnsafePointer<Double>, gPrime: UnsafePointer<Double>) -> Double {
        i == j ? gPrime[j] : jacobianEntry(aI: a[i], aJ: a[j], diagonal: false)
    }
}

/// The output layer of one sample, shared by ``Trace`` and the batched engine so both give the
/// same bits: the loss terms from `z` in stable form, `∂C_s/∂a_j^L`, and `δ_j^L` by the rule.
package enum OutputLayer {
    /// Writes `terms[j]` (node j's share of `C_s`), `dCda[j]` and `delta[j]` for the `n` outputs
    /// and returns `C_s`, the terms added in order of `j`.
    ///
    /// The logarithms the cross-entropies need come from `z`: for softmax
    /// `ln a_j = z_j − m − ln Σ_i e^(z_i − m)` with `m = max z`; for the sigmoid `ln a = ln σ(z)`
    /// and `ln(1 − a) = ln σ(−z)` (``Activation/logSigmoid(_:)``); otherwise `ln a` and `ln(1 − a)`
    /// of the value (pairings make sure those outputs are in (0, 1)).
    package static func backward(
        rule: OutputRule, activation: Activation, loss: Loss, n: Int,
        z: UnsafePointer<Double>, a: UnsafePointer<Double>, gPrime: UnsafePointer<Double>, y: UnsafePointer<Double>,
        terms: UnsafeMutablePointer<Double>, dCda: UnsafeMutablePointer<Double>, delta: UnsafeMutablePointer<Double>
    ) -> Double {
        let shift = loss.usesLogarithms && activation == .softmax ? logShift(z, count: n) : 0
        var total = 0.0
        for j in 0..<n {
            var logA = 0.0, logOneMinusA = 0.0
            let oneMinusA = complement(activation: activation, z: z, a: a, count: n, j: j)
            if loss.usesLogarithms {
                (logA, logOneMinusA) = logarithms(activation: activation, z: z[j], a: a[j], shift: shift, oneMinusA: oneMinusA)
            }
            terms[j] = loss.term(a: a[j], y: y[j], logA: logA, logOneMinusA: logOneMinusA, oneMinusA: oneMinusA)
            total += terms[j]
            dCda[j] = loss.derivative(a: a[j], y: y[j], oneMinusA: oneMinusA)
        }
        switch rule {
        case .chain:
            for j in 0..<n { delta[j] = Backpropagation.delta(dCda: dCda[j], gPrime: gPrime[j]) }
        case .jacobian:
            for j in 0..<n {
                var sum = 0.0
                for i in 0..<n { sum += dCda[i] * Backpropagation.jacobianEntry(i: i, j: j, a: a, gPrime: gPrime) }
                delta[j] = sum
            }
        case .softmaxCrossEntropy:
            let targets = targetSum(y, count: n)
            for j in 0..<n {
                delta[j] = softmaxCrossEntropyDelta(a: a[j], y: y[j], targets: targets,
                                                    oneMinusA: complement(activation: activation, z: z, a: a, count: n, j: j))
            }
        case .sigmoidBinaryCrossEntropy:
            for j in 0..<n { delta[j] = sigmoidBinaryDelta(z: z[j], a: a[j], y: y[j]) }
        case .sigmoidCrossEntropy:
            for j in 0..<n { delta[j] = y[j] == 0 ? 0 : -(y[j] * Activation.sigmoidComplement(z: z[j], a: a[j])) }
        }
        return total
    }

    /// `1 − a_j` of output `j` as the pass takes it: ``Activation/sigmoidComplement(z:a:)``,
    /// ``Activation/softmaxComplement(_:a:count:j:)``, otherwise the difference.
    @inlinable
    package static func complement(activation: Activation, z: UnsafePointer<Double>, a: UnsafePointer<Double>, count n: Int, j: Int) -> Double {
        switch activation {
        case .sigmoid: return Activation.sigmoidComplement(z: z[j], a: a[j])
        case .softmax: return Activation.softmaxComplement(z, a: a, count: n, j: j)
        default: return 1 - a[j]
        }
    }

    /// Softmax with cross-entropy's `δ_j = a_j · Σ_i y_i − y_j` (`targets` is `Σ_i y_i`); where `1 − a_j`
    /// is below ``Activation/complementFloor`` it is `(Σ_i y_i − y_j) − Σ_i y_i · (1 − a_j)`, so a
    /// one-hot target on an output that rounded to 1 gives `−(1 − a_j)`, not 0.
    @inlinable
    package static func softmaxCrossEntropyDelta(a: Double, y: Double, targets: Double, oneMinusA: Double) -> Double {
        1 - a < Activation.complementFloor ? (targets - y) - targets * oneMinusA : a * targets - y
    }

    /// Sigmoid with binary cross-entropy's `δ = a − y`; where `1 − a` is below
    /// ``Activation/complementFloor`` it is `(1 − y) − (1 − a)` with `1 − a = σ(−z)`, so a target of
    /// 1 on an output that rounded to 1 gives `−σ(−z)`, not 0.
    @inlinable
    package static func sigmoidBinaryDelta(z: Double, a: Double, y: Double) -> Double {
        Loss.error(a: a, y: y, oneMinusA: Activation.sigmoidComplement(z: z, a: a))
    }

    /// Softmax's `ln Σ_i e^(z_i) = m + ln Σ_i e^(z_i − m)`, so `ln a_j = z_j − shift`.
    package static func logShift(_ z: UnsafePointer<Double>, count n: Int) -> Double {
        let (m, total) = Activation.logSumExpParts(z, count: n)
        return m + log(total)
    }

    /// `ln a` and `ln(1 − a)` of one output from its `z`: softmax's `ln a_j = z_j − shift`
    /// (``logShift(_:count:)``), or `ln(1 − (1 − a_j))` from the pass's `1 − a_j` where that is below
    /// ``Activation/complementFloor`` (`z_j − shift` is then 0 though `ln a_j` is not); the sigmoid's
    /// `ln σ(z)` and `ln σ(−z)`; otherwise of the value.
    @inlinable
    package static func logarithms(activation: Activation, z: Double, a: Double, shift: Double,
                                   oneMinusA: Double) -> (logA: Double, logOneMinusA: Double) {
        switch activation {
        case .softmax:
            return 1 - a < Activation.complementFloor ? (log1p(-oneMinusA), log(oneMinusA)) : (z - shift, log1p(-a))
        case .sigmoid: return (Activation.logSigmoid(z), Activation.logSigmoid(-z))
        default: return (log(a), log1p(-a))
        }
    }

    /// `Σ_i y_i`, in order of `i`.
    package static func targetSum(_ y: UnsafePointer<Double>, count n: Int) -> Double {
        var sum = 0.0
        for i in 0..<n { sum += y[i] }
        return sum
    }
}
