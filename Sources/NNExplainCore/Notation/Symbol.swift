/// A quantity of the mathematics in docs/notation.md, as structure rather than text, so that every
/// renderer writes the same symbol its own way and none of them builds symbols from strings.
public indirect enum Symbol: Sendable, Equatable {
    /// The input `x_k`.
    case x(Index)
    /// The target `y_j`.
    case y(Index)
    /// `z_j^l`.
    case z(layer: Int, Index)
    /// `a_j^l`.
    case a(layer: Int, Index)
    /// `w_jk^l`.
    case w(layer: Int, Index, Index)
    /// `b_j^l`.
    case b(layer: Int, Index)
    /// `g_l'(z_j^l)`.
    case gPrime(layer: Int, Index)
    /// The loss: `C_0` for one sample, `C` for the average, `C_s` in a formula.
    case loss(LossScope)
    /// The partial derivative `∂numerator/∂denominator`.
    case partial(Symbol, Symbol)
    /// The learning rate `η` of gradient descent.
    case learningRate
    /// The step `ε` of a finite difference.
    case epsilon
    /// A whole layer as one vector or matrix, for the matrix form: `W^l`, `b^l`, `δ^l`, …
    case array(ArrayName, layer: Int)
    /// `δ_j^l = ∂C_s/∂z_j^l`, one entry of `δ^l` (Nielsen's error of node j).
    case delta(layer: Int, Index)
    /// The transpose `X^T`.
    case transpose(Symbol)
    /// `∇_a C_s`, the vector of `∂C_s/∂a_j^L`; with `batch`, `∇_A C_s`, one row per sample.
    case lossGradient(LossScope, batch: Bool)
    /// `g_l'(z^l)`, the slopes of layer l as a vector; with `batch`, `g_l'(Z^l)`, one row per sample.
    case gPrimeArray(layer: Int, batch: Bool)

    /// A node index: a number, or a letter that a formula sums or ranges over.
    public enum Index: Sendable, Equatable {
        case number(Int)
        case letter(String)
    }

    /// The name of a layer's vector or matrix in the matrix form (docs/notation.md).
    public enum ArrayName: Sendable, Equatable {
        /// `W^l`, n×m: row j, column k is `w_jk^l`.
        case weights
        /// `b^l`, n×1.
        case biases
        /// `a^l`, the activations, n×1.
        case activations
        /// `z^l`, the weighted sums, n×1.
        case sums
        /// `δ^l = ∂C_s/∂z^l`, n×1.
        case delta
        /// `A^l`, N×n: row s is `(a^l)^T` of sample s.
        case batchActivations
        /// `Δ^l`, N×n: row s is `(δ^l)^T` of sample s.
        case batchDelta
    }

    /// Which loss a symbol means.
    public enum LossScope: Sendable, Equatable {
        /// `C_s` for one sample `s`.
        case sample(Int)
        /// `C_s` with `s` as a letter, inside `Σ_s`.
        case anySample
        /// `C`, the mean over the samples.
        case mean
        /// `C_B`, the mean over the samples of a mini-batch B.
        case batch
    }
}
