/// The small pieces MathML is spelled with: a base with scripts, a run of tokens, and the plain-text
/// notation of ``Math/Piece/notation(text:latex:)`` (`z_j^l = Σ_k w_jk^l · a_k^(l-1)`) read into
/// MathML, so fixed notation is written once, in its text form, for every format.
extension MathMLMath {
    /// `base` with a subscript and a superscript, each left out when empty.
    static func scripted(_ base: String, sub: String, sup: String) -> String {
        switch (sub.isEmpty, sup.isEmpty) {
        case (true, true): return base
        case (false, true): return "<msub>" + base + tokens(sub) + "</msub>"
        case (true, false): return "<msup>" + base + tokens(sup) + "</msup>"
        case (false, false): return "<msubsup>" + base + tokens(sub) + tokens(sup) + "</msubsup>"
        }
    }

    /// A script such as `12`, `i′`, `L-1` or `j,k` as one token: `<mn>` when it is all digits,
    /// otherwise `<mi>` (upright when longer than a letter, as a label is in print). One token per
    /// script keeps a page's many `w_12^(L-1)` short.
    static func tokens(_ text: String) -> String {
        text.allSatisfy(\.isNumber) ? "<mn>\(text)</mn>" : "<mi>\(escaped(text))</mi>"
    }

    /// `∂`, as an ordinary symbol (TeX's `\partial`): as an `<mo>` it would get operator spacing.
    static let partial = "<mi>∂</mi>"
    /// Parentheses that keep their size: TeX's `(` and `)` stretch only when asked (`\left(`), and
    /// Chromium draws stretchy ones with wide gaps inside them.
    static let open = "<mo stretchy=\"false\">(</mo>", close = "<mo stretchy=\"false\">)</mo>"

    /// Words that the notation writes upright as prose inside a formula.
    private static let proseWords: Set<String> = ["if", "else"]

    /// The text notation as MathML: letters as `<mi>`, numbers as `<mn>`, `x_sub` and `x^sup` (a
    /// script is the next letter or digit run, or a parenthesised group written without its
    /// parentheses) as scripts of the atom before, `²` as a square, `∂` as ``partial``, parentheses as
    /// ``open`` and ``close``, anything else as `<mo>`.
    static func notation(_ text: String) -> String {
        var atoms: [String] = []
        var rest = Substring(text)
        /// The script after `_` or `^`: a parenthesised group or one run of letters or digits.
        func script() -> String {
            if rest.first == "(", let close = rest.firstIndex(of: ")") {
                let inner = rest[rest.index(after: rest.startIndex)..<close]
                rest = rest[rest.index(after: close)...]
                return String(inner)
            }
            let run = rest.prefix { $0.isLetter || $0.isNumber || $0 == "′" }
            rest = rest.dropFirst(run.count)
            return String(run)
        }
        while let first = rest.first {
            if first == "_" || first == "^" {
                rest = rest.dropFirst()
                var sub = "", sup = ""
                if first == "_" { sub = script() } else { sup = script() }
                if first == "_", rest.first == "^" { rest = rest.dropFirst(); sup = script() }
                let base = atoms.popLast() ?? "<mrow/>"
                atoms.append(scripted(base, sub: sub, sup: sup))
            } else if first == "²" {
                rest = rest.dropFirst()
                atoms.append("<msup>" + (atoms.popLast() ?? "<mrow/>") + "<mn>2</mn></msup>")
            } else if first.isNumber {
                let run = rest.prefix { $0.isNumber || $0 == "." }
                atoms.append("<mn>\(run)</mn>")
                rest = rest.dropFirst(run.count)
            } else if first == "Σ" {
                rest = rest.dropFirst()
                atoms.append("<mo>∑</mo>")
            } else if first.isLetter {
                let run = String(rest.prefix { $0.isLetter && $0 != "Σ" })
                rest = rest.dropFirst(run.count)
                atoms.append(proseWords.contains(run) ? "<mtext>\u{A0}\(run)\u{A0}</mtext>" : "<mi>\(escaped(run))</mi>")
            } else {
                rest = rest.dropFirst()
                if first == " " { continue }
                // `/` and `∂` as `<mi>`, without operator spacing, as ``MathMLMath`` writes `∂C/∂w`.
                switch first {
                case "/": atoms.append("<mi>/</mi>")
                case "∂": atoms.append(partial)
                case "(": atoms.append(open)
                case ")": atoms.append(close)
                default: atoms.append("<mo>\(escaped(String(first)))</mo>")
                }
            }
        }
        return atoms.joined()
    }

    /// Text made safe for HTML and MathML character data and attribute values (``XMLText/escaped(_:)``).
    static func escaped(_ text: String) -> String { XMLText.escaped(text) }
}
