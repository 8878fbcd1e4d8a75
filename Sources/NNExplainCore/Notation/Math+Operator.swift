extension Math {
    /// An operator between (or, for ``negative``, before) the parts of a formula.
    public enum Operator: Sendable, Equatable {
        case times, plus, minus, equals, lessOrEqual, greater, half
        /// ` < `, as in the case `z < 0`.
        case less
        /// `/` without spaces, a ratio of two letters, `1/N`.
        case slash
        /// ` × `, a product of quantities named in words.
        case cross
        /// ` ≥ `.
        case greaterOrEqual
        /// ` ≠ `.
        case notEqual
        /// ` ≈ `, an approximation.
        case approximately
        /// ` ∈ `, membership of a set.
        case element
        /// ` ← `, an assignment: the left side becomes the right.
        case assigned
        /// A wide space between two formulas on one line; ``qquad`` twice as wide.
        case quad, qquad
        /// `⊙`, the entry-by-entry (Hadamard) product.
        case hadamard
        /// ` / `, a division written inline (softmax's `e^(z_j) / Σ_i e^(z_i)`).
        case divided
        /// Two matrices side by side, multiplied as matrices.
        case matrixProduct
        /// `old → new`.
        case becomes
        /// A column rule in tables.
        case bar
        /// `×` between the two sizes of a shape, `3×1`.
        case by
        /// A unary minus, `−y`.
        case negative
        /// `, ` between the items of a list, `max(0, z)`.
        case comma
        /// `:` after a row's label, `k = 0:`.
        case colon
        /// Two factors side by side, multiplied without a sign: `0.01 z`, `g(z)(1 − g(z))`.
        case juxtaposed
    }
}
