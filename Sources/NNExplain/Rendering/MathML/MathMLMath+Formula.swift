/// The MathML of the general notation's pieces: a letter with its scripts as ``scripted(_:sub:sup:)``
/// writes a symbol's, fractions as `<mfrac>`, a function's name as an upright `<mi>`, brackets that
/// keep their size, the words of cases as `<mtext>`.
extension MathMLMath {
    func formulaMathML(_ piece: Math.Piece) -> String {
        switch piece {
        case .variable(let base, let sub, let sup):
            return MathMLMath.scripted("<mi>" + MathMLMath.escaped(base) + "</mi>", sub: sub, sup: sup)
        case .integer(let n): return "<mn>\(n)</mn>"
        case .fraction(let numerator, let denominator): return "<mfrac>" + grouped(numerator) + grouped(denominator) + "</mfrac>"
        case .reciprocal(let count): return "<mfrac><mn>1</mn>" + grouped(count) + "</mfrac>"
        case .partial(let top, let bottom, _):
            // On one line, as a symbol's partial derivative is (see ``mathML(_:)-(Symbol)``).
            return MathMLMath.partial + mathML(top) + "<mi>/</mi>" + MathMLMath.partial + mathML(bottom)
        case .function(let name, let argument, let squared):
            let mi = "<mi>" + MathMLMath.escaped(name) + "</mi>"
            return (squared ? "<msup>" + mi + "<mn>2</mn></msup>" : mi) + mathML(argument)
        case .bracketed(let inner, let bracket):
            return MathMLMath.bracket(bracket, opening: true) + mathML(inner) + MathMLMath.bracket(bracket, opening: false)
        case .bracket(let bracket, let opening): return MathMLMath.bracket(bracket, opening: opening)
        case .conditional(let value, let condition, let otherwise):
            return mathML(value) + "<mtext>\u{A0}if\u{A0}</mtext>" + mathML(condition) + "<mo>,</mo><mtext>\u{A0}else\u{A0}</mtext>" + mathML(otherwise)
        case .kronecker(let i, let j): return MathMLMath.scripted("<mi>δ</mi>", sub: i + j, sup: "")
        case .transposed(let inner): return "<msup>" + grouped(inner) + "<mi>T</mi></msup>"
        case .ones: return "<mn>1</mn>"
        case .code(let command): return "<mtext>" + MathMLMath.escaped(command) + "</mtext>"
        case .blank: return "<mtext>____________</mtext>"
        case .numeral(let digits): return "<mn>" + digits + "</mn>"
        case .ellipsis: return "<mi>…</mi>"
        default: return ""  // the others are written by mathML(_:)
        }
    }

    /// A bracket that keeps its size (see ``open``): `(`, `[` or `|`.
    private static func bracket(_ bracket: Math.Bracket, opening: Bool) -> String {
        switch bracket {
        case .plain, .big: return opening ? open : close
        case .square: return opening ? "<mo>[</mo>" : "<mo>]</mo>"
        case .bars: return "<mo stretchy=\"false\">|</mo>"
        }
    }
}

extension MathMLMath {
    /// The label of layer `l` as ``LayerNaming/label(_:)`` writes it, as MathML: `L`, `L−1` (the
    /// letter, a minus sign set tight as in a name, not spaced as a subtraction, and the number), or `2`.
    func label(_ l: Int) -> String {
        guard naming.relative else { return "<mn>\(l)</mn>" }
        return "<mi>L</mi>" + (l == naming.depth ? "" : "<mo lspace=\"0\" rspace=\"0\">−</mo><mn>\(naming.depth - l)</mn>")
    }

    /// The other name of layer `l` (``LayerNaming/otherName(_:)``): `l = 2` beside `L-1`, `L-1` beside `2`.
    func otherName(_ l: Int) -> String {
        naming.relative ? "<mi>l</mi><mo>=</mo><mn>\(l)</mn>"
            : MathMLMath(naming: LayerNaming(depth: naming.depth, relative: true), precision: precision).label(l)
    }
}
