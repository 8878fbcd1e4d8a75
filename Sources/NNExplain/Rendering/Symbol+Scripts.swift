/// A symbol as a letter with a subscript and a superscript, `w`, `12`, `L-1` for `w_12^(L-1)`: the
/// pieces every writer of symbols arranges its own way (text as `w_12^(L-1)`, LaTeX as
/// `w_{12}^{L-1}`, the diagram as raised and lowered text), so the notation is spelled in one place.
struct SymbolScripts: Sendable, Equatable {
    var base: String
    /// The node indices, `12`, or `j,k` style when an index is longer than one character; or empty.
    var sub: String
    /// The layer label without grouping parentheses, `L-1`; or empty.
    var sup: String
}

extension Symbol {
    /// The scripts of a quantity with layers labelled by `naming`; nil for the compound symbols
    /// `g_l'(z_j^l)` and `∂…/∂…`, which are written around the scripted symbols inside them, and for
    /// the Greek constants `η` and `ε`, whose letters each writer spells its own way.
    /// Index letters keep their primes (`i′`); LaTeX spells them itself.
    func scripts(_ naming: LayerNaming) -> SymbolScripts? {
        func index(_ i: Index) -> String {
            switch i {
            case .number(let n): return String(n)
            case .letter(let letter): return letter
            }
        }
        switch self {
        case .x(let k): return SymbolScripts(base: "x", sub: index(k), sup: "")
        case .y(let j): return SymbolScripts(base: "y", sub: index(j), sup: "")
        case .z(let l, let j): return SymbolScripts(base: "z", sub: index(j), sup: naming.label(l))
        case .a(let l, let j): return SymbolScripts(base: "a", sub: index(j), sup: naming.label(l))
        case .w(let l, let j, let k):
            // `jk`, or `j,k` when either index is longer than one character (`w_1,12`).
            let (a, b) = (index(j), index(k))
            return SymbolScripts(base: "w", sub: a.count == 1 && b.count == 1 ? a + b : a + "," + b, sup: naming.label(l))
        case .b(let l, let j): return SymbolScripts(base: "b", sub: index(j), sup: naming.label(l))
        case .loss(.sample(let s)): return SymbolScripts(base: "C", sub: String(s), sup: "")
        case .loss(.anySample): return SymbolScripts(base: "C", sub: "s", sup: "")
        case .loss(.mean): return SymbolScripts(base: "C", sub: "", sup: "")
        case .loss(.batch): return SymbolScripts(base: "C", sub: "B", sup: "")
        case .gPrime, .partial, .learningRate, .epsilon: return nil
        // The matrix form's symbols are written by each renderer around its own Greek letters and marks.
        case .array, .delta, .transpose, .lossGradient, .gPrimeArray: return nil
        }
    }
}

extension Symbol.Index {
    /// The index as a subscript writes it: `2`, or the letter `i`.
    var text: String {
        switch self {
        case .number(let n): return String(n)
        case .letter(let letter): return letter
        }
    }
}

extension Symbol.ArrayName {
    /// The letter of the vector or matrix in text: `W`, `δ`, `Δ`.
    var letter: String {
        switch self {
        case .weights: return "W"
        case .biases: return "b"
        case .activations: return "a"
        case .sums: return "z"
        case .delta: return "δ"
        case .batchActivations: return "A"
        case .batchDelta: return "Δ"
        }
    }

    /// The letter in LaTeX math: `W`, `\delta`, `\Delta`.
    var latexLetter: String {
        switch self {
        case .delta: return "\\delta"
        case .batchDelta: return "\\Delta"
        default: return letter
        }
    }
}
