/// Writes formulas as presentation MathML (the elements of MathML Core, which Chromium and Firefox
/// render natively and screen readers read), for ``MathMLRenderer``: `w_12^L` as
/// `<msubsup><mi>w</mi><mn>12</mn><mi>L</mi></msubsup>`, `∂C_0/∂w_12^L` on one line as in text.
/// Every number is written with the same significant digits as the text, so a page shows the digits
/// `step` prints.
struct MathMLMath: Sendable {
    var naming: LayerNaming
    var precision: Int

    /// A formula as the content of a `<math>` element.
    func mathML(_ math: Math) -> String { math.pieces.map(mathML).joined() }

    func mathML(_ piece: Math.Piece) -> String {
        switch piece {
        case .symbol(let symbol): return mathML(symbol)
        case .number(let x): return number(x)
        case .operand(let x): return x < 0 ? fenced(number(x)) : number(x)
        case .op(let op): return mathML(op)
        // MathML trims the white space at the ends of an mtext ("new " would touch the symbol
        // after it), so a space there is written as a no-break space, which is kept.
        case .word(let word): return "<mtext>" + MathMLMath.escaped(MathMLMath.keepingEndSpaces(word)) + "</mtext>"
        case .parenthesized(let inner): return fenced(mathML(inner))
        case .squared(let inner): return "<msup>" + grouped(inner) + "<mn>2</mn></msup>"
        case .exponential(let power): return "<msup><mi>e</mi>" + grouped(power) + "</msup>"
        case .activation(let l): return "<msub><mi>g</mi>" + MathMLMath.tokens(naming.label(l)) + "</msub>"
        case .sum(let index): return "<msub><mo>∑</mo>" + MathMLMath.tokens(index) + "</msub>"
        case .mean(let index): return "<mfrac><mn>1</mn><mi>N</mi></mfrac>" + mathML(.sum(index))
        case .batchMean(let index):
            return "<mfrac><mn>1</mn><mrow><mo stretchy=\"false\">|</mo><mi>B</mi><mo stretchy=\"false\">|</mo></mrow></mfrac><msub><mo>∑</mo><mrow>"
                + MathMLMath.tokens(index) + "<mo>∈</mo><mi>B</mi></mrow></msub>"
        case .over(let numerator, let n): return "<mfrac>" + grouped(numerator) + "<mn>\(n)</mn></mfrac>"
        case .matrix(let rows): return matrix(rows)
        case .variable, .integer, .fraction, .reciprocal, .partial, .function, .bracketed, .bracket, .conditional,
             .kronecker, .transposed, .ones, .code, .blank, .numeral, .ellipsis:
            return formulaMathML(piece)
        }
    }

    func mathML(_ op: Math.Operator) -> String {
        switch op {
        case .times: return "<mo>·</mo>"
        case .plus: return "<mo>+</mo>"
        case .minus: return "<mo>−</mo>"
        case .equals: return "<mo>=</mo>"
        case .lessOrEqual: return "<mo>≤</mo>"
        case .greater: return "<mo>&gt;</mo>"
        case .less: return "<mo>&lt;</mo>"
        case .slash: return "<mi>/</mi>"
        case .cross: return "<mo>×</mo>"
        case .greaterOrEqual: return "<mo>≥</mo>"
        case .notEqual: return "<mo>≠</mo>"
        case .approximately: return "<mo>≈</mo>"
        case .element: return "<mo>∈</mo>"
        case .assigned: return "<mo>←</mo>"
        case .quad: return "<mspace width=\"1em\"/>"
        case .qquad: return "<mspace width=\"2em\"/>"
        case .half: return "<mfrac><mn>1</mn><mn>2</mn></mfrac>"
        case .hadamard: return "<mo>⊙</mo>"
        case .divided: return "<mo>/</mo>"
        case .matrixProduct: return "<mspace width=\"0.2em\"/>"
        case .becomes: return "<mo>→</mo>"
        case .bar: return "<mo>│</mo>"
        case .by: return "<mo>×</mo>"
        case .negative: return "<mo>−</mo>"
        case .comma: return "<mo>,</mo>"
        case .colon: return "<mo>:</mo>"
        case .juxtaposed: return ""
        }
    }

    /// A symbol: a quantity as `<msubsup>` (or `<msub>`, `<msup>`, `<mi>`) from its ``SymbolScripts``.
    func mathML(_ symbol: Symbol) -> String {
        if let s = symbol.scripts(naming) {
            return MathMLMath.scripted("<mi>" + MathMLMath.escaped(s.base) + "</mi>", sub: s.sub, sup: s.sup)
        }
        let label = naming.label
        switch symbol {
        case .gPrime(let l, let j):
            return "<msubsup><mi>g</mi>\(MathMLMath.tokens(label(l)))<mo>′</mo></msubsup>" + fenced(mathML(.z(layer: l, j)))
        case .partial(let top, let bottom):
            // Written `∂C_0/∂w_12^L` on one line, as the text writes it: a page holds thousands of these,
            // and a stacked fraction would double their markup. The slash and ∂ are `<mi>`, so they get no
            // operator spacing (TeX's ∂ is an ordinary symbol too, slanted as an `<mi>` is).
            // (No `<mrow>` around it: a partial is never a script's base, so its parent groups it.)
            return MathMLMath.partial + mathML(top) + "<mi>/</mi>" + MathMLMath.partial + mathML(bottom)
        case .learningRate: return "<mi>η</mi>"
        case .epsilon: return "<mi>ε</mi>"
        case .array(let name, let l): return MathMLMath.scripted("<mi>" + name.letter + "</mi>", sub: "", sup: label(l))
        case .delta(let l, let j): return MathMLMath.scripted("<mi>δ</mi>", sub: j.text, sup: label(l))
        case .transpose(let inner): return "<msup>" + fenced(mathML(inner)) + "<mi>T</mi></msup>"
        case .lossGradient(let scope, let batch): return "<msub><mo>∇</mo><mi>\(batch ? "A" : "a")</mi></msub>" + mathML(.loss(scope))
        case .gPrimeArray(let l, let batch):
            let z = MathMLMath.scripted("<mi>\(batch ? "Z" : "z")</mi>", sub: "", sup: label(l))
            return "<msubsup><mi>g</mi>\(MathMLMath.tokens(label(l)))<mo>′</mo></msubsup>" + fenced(z)
        default: preconditionFailure("\(symbol) has scripts")
        }
    }

    /// A number with `precision` significant digits, as `<mn>`; an exponent becomes `× 10^e`.
    func number(_ x: Double) -> String {
        // A negative number's sign is the minus sign, U+2212, as in the operators beside it, not a hyphen.
        func minus(_ text: String) -> String { text.replacingAll("-", with: "−") }
        let text = NumberText.significant(x, precision: precision)
        guard let e = text.firstIndex(of: "e") else { return "<mn>\(minus(text))</mn>" }
        let exponent = Int(text[text.index(after: e)...]) ?? 0
        return "<mrow><mn>\(minus(String(text[..<e])))</mn><mo>×</mo><msup><mn>10</mn><mn>\(minus("\(exponent)"))</mn></msup></mrow>"
    }

    /// A formula as one element, as a script's base or a fraction's part must be: in an `<mrow>`
    /// unless it is one piece written as one element already (a number, a letter, or a parenthesised group).
    func grouped(_ math: Math) -> String {
        if math.pieces.count == 1, let only = math.pieces.first {
            switch only {
            case .number, .operand, .parenthesized, .integer, .variable: return mathML(only)
            default: break
            }
        }
        return "<mrow>" + mathML(math) + "</mrow>"
    }

    private func fenced(_ inner: String) -> String { "<mrow>" + MathMLMath.open + inner + MathMLMath.close + "</mrow>" }

    /// A bracketed `<mtable>` with its shape under it, the middle entries of a big one elided as in
    /// text (``Math/shownIndices(_:)``).
    private func matrix(_ rows: [[Double]]) -> String {
        let columns = rows.first?.count ?? 0
        let body = Math.shownIndices(rows.count).map { r in
            "<mtr>" + Math.shownIndices(columns).map { c in
                switch (r, c) {
                case (let r?, let c?): return "<mtd>" + number(rows[r][c]) + "</mtd>"
                case (nil, nil): return "<mtd><mo>⋱</mo></mtd>"
                case (nil, _): return "<mtd><mo>⋮</mo></mtd>"
                case (_, nil): return "<mtd><mo>⋯</mo></mtd>"
                }
            }.joined() + "</mtr>"
        }.joined()
        return "<munder><mrow><mo>[</mo><mtable>" + body + "</mtable><mo>]</mo></mrow><mrow>"
            + mathML(Math.shape(rows.count, columns)) + "</mrow></munder>"
    }
}

extension MathMLMath {
    /// `word` with a space at either end written as a no-break space.
    static func keepingEndSpaces(_ word: String) -> String {
        var text = word
        if text.hasPrefix(" ") { text = "\u{00A0}" + text.dropFirst() }
        if text.hasSuffix(" ") { text = text.dropLast() + "\u{00A0}" }
        return text
    }
}
