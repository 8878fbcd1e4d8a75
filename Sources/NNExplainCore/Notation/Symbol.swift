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

    /// A node index: a number, or a letter that a formula sums or ranges over.
    public enum Index: Sendable, Equatable {
        case number(Int)
        case letter(String)
    }

    /// Which loss a symbol means.
    public enum LossScope: Sendable, Equatable {
        /// `C_s` for one sample `s`.
        case sample(Int)
        /// `C_s` with `s` as a letter, inside `Σ_s`.
        case anySample
        /// `C`, the mean over the samples.
        case mean
    }
}
