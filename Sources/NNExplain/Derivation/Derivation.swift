/// The explanation of one weight's gradient, `∂C_s/∂w_jk^l`, as data: every chain-rule term with the
/// numbers that go into it, read from a ``Trace``. Renderers turn it into text or JSON; they compute
/// nothing, so what they print is exactly what the engine computed.
///
///     ∂C_s/∂w_jk^l = ∂C_s/∂a_j^l · ∂a_j^l/∂z_j^l · ∂z_j^l/∂w_jk^l
public struct Derivation: Sendable, Equatable {
    /// The layer `l`, node `j` of layer `l` and node `k` of layer `l-1` of the weight `w_jk^l`.
    public let layer: Int
    public let j: Int
    public let k: Int
    /// `L`.
    public let depth: Int
    public let loss: Loss
    /// The sample worked in full.
    public let sample: Int
    /// Whether layer `l` has biases, so that `z_j^l` is written with `+ b_j^l`.
    public let hasBias: Bool

    /// Term 1, `∂C_s/∂a_j^l`: from the loss at the output layer, a sum over layer `l+1` below it.
    package let first: FirstTerm
    /// Term 2, `∂a_j^l/∂z_j^l = g_l'(z_j^l)`.
    package let slope: ActivationSlope
    /// Term 3, `∂z_j^l/∂w_jk^l = a_k^(l-1)`.
    public let input: Double
    /// `term 1 · term 2 · term 3`, for the sample worked in full.
    public let value: Double

    /// With `--average`: every sample's product and their mean; `nil` for one sample.
    package let average: Average?

    /// `∂C_s/∂z_i^L` of every output node when the network's ``OutputRule`` is not `chain` (a hidden
    /// weight's sums then end in them); empty otherwise.
    package let outputDeltas: [OutputDelta]

    /// The nodes on this gradient's path (node `j` of layer `l`, and every node of the layers above)
    /// that sit exactly on the kink `z = 0` of a piecewise activation, in the samples the gradient
    /// is taken over. There the activation has no derivative and the engine uses a one-sided slope,
    /// so the gradient is a one-sided rate: a change of `w` the other way can change `C` differently.
    package let kinks: [Kink]

    /// A node at `z = 0` of a relu or leaky-relu.
    package struct Kink: Sendable, Equatable {
        package let sample: Int
        package let layer: Int
        package let node: Int
    }

    /// The sample an averaged derivation works out in full: the first.
    package static let sampleInFull = 0

    /// Term 1 in either of its two forms.
    package enum FirstTerm: Sendable, Equatable {
        /// `l = L`: straight from the loss.
        case output(OutputGradient)
        /// `l < L`: the sum over layer `l+1`, then every `∂C_s/∂a` it needs, layer by layer up to
        /// the output layer: `traceBack[0]` holds layer `l+1`'s sums (when `l+1 < L`), and so on;
        /// `outputs` holds `∂C_s/∂a_i^L` for every output node (and ``Derivation/outputDeltas`` their
        /// `∂C_s/∂z_i^L` when the output layer is not the article's chain).
        case hidden(sum: NodeSum, traceBack: [[NodeSum]], outputs: [OutputGradient])
        /// `l = L` with softmax or a cross-entropy taken with its activation (``OutputRule`` other
        /// than `chain`): the article's Terms 1 and 2 as one, `∂C_s/∂z_j^L`.
        case outputDelta(OutputDelta)
    }

    /// `∂C_s/∂z_j^L` of output node `j` by the network's ``OutputRule``, with the numbers of every
    /// form the explanation shows.
    package struct OutputDelta: Sendable, Equatable {
        package let rule: OutputRule
        package let node: Int
        package let a: Double
        package let y: Double
        /// `∂C_s/∂a_j^L`, infinite only where it is beyond the largest double (an output too close
        /// to 0 or 1 under a cross-entropy).
        package let dCda: Double
        /// `1 − a_j^L` as the pass takes it: `σ(−z_j^L)` for a sigmoid, else the difference.
        package let oneMinusA: Double
        /// `g_L'(z_j^L)` (for softmax the diagonal `a_j(1 − a_j)`).
        package let gPrime: Double
        /// `Σ_i y_i`, in order of `i`.
        package let targetSum: Double
        /// Whether `Σ_i y_i` is 1 exactly, as real numbers (``Derivation/sumsExactlyToOne(_:)``).
        package let targetsSumExactlyToOne: Bool
        /// Softmax: one summand of `Σ_i ∂C_s/∂a_i^L · ∂a_i^L/∂z_j^L` per output node `i`; else empty.
        package let jacobian: [JacobianTerm]
        /// `δ_j^L`, as the backward pass computed it.
        package let value: Double

        /// Whether every `∂C_s/∂a_i^L` of the sum (or this node's, without softmax) is a finite number.
        package var partialsAreFinite: Bool { jacobian.isEmpty ? dCda.isFinite : jacobian.allSatisfy { $0.dCda.isFinite } }
    }

    /// `∂C_s/∂a_i^L · ∂a_i^L/∂z_j^L` with `∂a_i^L/∂z_j^L = a_i^L(δ_ij − a_j^L)`.
    package struct JacobianTerm: Sendable, Equatable {
        package let i: Int
        package let dCda: Double
        package let a: Double
        /// `a_i(δ_ij − a_j)`.
        package let entry: Double
        package let value: Double
    }

    /// `∂C_s/∂a_j^L = 2(a_j^L − y_j)` (or `a_j^L − y_j` for half-squared), with its numbers.
    package struct OutputGradient: Sendable, Equatable {
        package let node: Int
        package let a: Double
        package let y: Double
        /// `1 − a` as the pass takes it (``OutputLayer/complement(activation:z:a:count:j:)``).
        package let oneMinusA: Double
        package let value: Double
    }

    /// `∂C_s/∂a_k^l = Σ_i ∂C_s/∂a_i^(l+1) · g_(l+1)'(z_i^(l+1)) · w_ik^(l+1)`, one summand per `i`;
    /// `Σ_i ∂C_s/∂z_i^L · w_ik^L` (`throughDelta`) when layer `l+1 = L` is not the article's chain.
    package struct NodeSum: Sendable, Equatable {
        /// The layer `l` and node `k` whose `∂C_s/∂a` this is.
        package let layer: Int
        package let node: Int
        /// The name of the summation index (never `j` or `k`, which already mean something).
        package let index: String
        package let summands: [Summand]
        /// Whether the summands are `∂C_s/∂z_i^L · w_ik^L` rather than three factors.
        package let throughDelta: Bool
        /// The sum, as the backward pass computed it.
        package let value: Double
    }

    /// One summand, `∂C_s/∂a_i · g'(z_i) · w_ik` or `∂C_s/∂z_i · w_ik`: its factors in that order
    /// (the weight last), multiplied left to right.
    package struct Summand: Sendable, Equatable {
        package let i: Int
        package let factors: [Double]
        package let value: Double
    }

    /// `g_l'(z_j^l)` with the numbers its formula needs.
    package struct ActivationSlope: Sendable, Equatable {
        package let activation: Activation
        package let z: Double
        package let a: Double
        package let substitution: Activation.Substitution
        package let value: Double

        /// Whether `z` sits on the kink of a piecewise activation, where it has no derivative.
        package var isAtKink: Bool { Derivation.isKink(activation, z: z) }
        /// The slopes of a piecewise activation on either side of its kink, read from its derivative.
        package var sideSlopes: (left: Double, right: Double) {
            (activation.derivative(z: -1, a: activation.value(-1)), activation.derivative(z: 1, a: activation.value(1)))
        }
    }

    /// Whether `z` is the kink `z = 0` of `activation`: a piecewise one (its derivative is a branch on `z`).
    static func isKink(_ activation: Activation, z: Double) -> Bool {
        guard z == 0, case .branch = activation.substitution(z: z, a: activation.value(z)) else { return false }
        return true
    }

    /// `∂C/∂w_jk^l = (1/N) Σ_s ∂C_s/∂w_jk^l`, or over a mini-batch `B`,
    /// `∂C_B/∂w_jk^l = (1/|B|) Σ_(s∈B) ∂C_s/∂w_jk^l`.
    package struct Average: Sendable, Equatable {
        /// One product per sample averaged over, in the order they are added.
        package let samples: [SampleProduct]
        /// Whether each product is `∂C_s/∂z_j^L · a_k^(L-1)` (an output layer that is not the article's
        /// chain) rather than the three factors `∂C_s/∂a_j^l · g_l'(z_j^l) · a_k^(l-1)`.
        package let throughDelta: Bool
        package let value: Double
        /// For a mini-batch: what the full batch would give, to compare; `nil` over all samples.
        package let batch: Batch?

        /// The loss this is the gradient of: `C`, or the batch's `C_B`.
        package var loss: Symbol.LossScope { batch == nil ? .mean : .batch }
    }

    /// What a mini-batch's average is compared with: the network's sample count `N` and the
    /// full-batch gradient `∂C/∂w_jk^l` over all `N` samples.
    package struct Batch: Sendable, Equatable {
        package let sampleCount: Int
        package let fullValue: Double
    }

    /// One sample's terms and their product: `∂C_s/∂a · g'(z) · a_k`, or `∂C_s/∂z · a_k` at an
    /// output layer that is not the article's chain.
    package struct SampleProduct: Sendable, Equatable {
        package let sample: Int
        package let factors: [Double]
        package let value: Double
    }
}

/// The letters used for summation indices, one per layer of depth below the weight: never `j`, `k`
/// (the weight's own indices), `s` (samples), `l`, `m`, `n` (layers and their sizes), `a`, `b`, `g`,
/// `w`, `x`, `y`, `z` (quantities), or `e` (Euler's number). Past the last, they repeat with primes.
package let summationLetters = ["i", "p", "q", "r", "t", "u", "v", "c", "d", "f", "h"]

func summationLetter(_ depth: Int) -> String {
    summationLetters[depth % summationLetters.count] + String(repeating: "′", count: depth / summationLetters.count)
}
