/// The lessons' `$…$` math in the text renderer's spelling, for the terminal: `\partial C_0/\partial
/// w_{12}^L` is `∂C_0/∂w_12^L`, `a_2^{(L-1)}` is `a_2^(L-1)`, `(a - y)^2` is `(a − y)²`. The lessons
/// keep to the small part of LaTeX listed here (which GitHub and KaTeX both typeset); a command
/// outside it is shown as written, so nothing is lost.
enum LessonMath {
    /// Commands and the Unicode they stand for.
    static let symbols: [String: String] = [
        "partial": "∂", "sum": "Σ", "cdot": "·", "times": "×", "delta": "δ", "Delta": "Δ", "odot": "⊙",
        "varepsilon": "ε", "epsilon": "ε", "eta": "η", "to": "→", "ldots": "…", "dots": "…", "approx": "≈",
        "le": "≤", "leq": "≤", "ge": "≥", "geq": "≥", "lvert": "|", "rvert": "|", "Sigma": "Σ", "neq": "≠",
        "tfrac12": "½", "prime": "'", ",": "", ";": " ", "quad": "  ", "top": "T",
    ]

    static func text(_ latex: String) -> String {
        var out = "", rest = Substring(latex)
        while let c = rest.first {
            rest = rest.dropFirst()
            switch c {
            case "\\":
                let name = rest.first.map(\.isLetter) == true ? String(rest.prefix(while: \.isLetter)) : rest.first.map(String.init) ?? ""
                rest = rest.dropFirst(name.count)
                if name == "tfrac" || name == "frac", let (a, r1) = group(rest), let (b, r2) = group(r1) {
                    out += a == "1" && b == "2" ? "½" : "(\(text(a)))/(\(text(b)))"
                    rest = r2
                } else if name == "text" || name == "mathrm", let (body, r) = group(rest) {
                    out += body; rest = r
                } else if let symbol = symbols[name] {
                    out += symbol
                    if ["partial", "lvert"].contains(name), rest.first == " " { rest = rest.dropFirst() }  // ∂C, |z|
                } else { out += "\\" + name }
            case "_", "^":
                if let (body, r) = group(rest) {
                    let shown = text(body)
                    let plain = shown.allSatisfy { $0.isLetter || $0.isNumber } || (shown.hasPrefix("(") && shown.hasSuffix(")"))
                    out += c == "^" && shown == "2" && out.last == ")" ? "²" : String(c) + (plain ? shown : "(" + shown + ")")
                    rest = r
                } else if c == "^", rest.first == "2", out.last == ")" {
                    out += "²"; rest = rest.dropFirst()
                } else { out.append(c) }
            case "{", "}":
                break
            case "-" where out.last == " " && rest.first == " ":
                out += "−"
            default:
                out.append(c)
            }
        }
        return out
    }

    /// The body of a `{…}` group at the start of `text` and what follows it.
    private static func group(_ text: Substring) -> (String, Substring)? {
        guard text.first == "{" else { return nil }
        var depth = 0
        for i in text.indices {
            if text[i] == "{" { depth += 1 } else if text[i] == "}" { depth -= 1 }
            if depth == 0 { return (String(text[text.index(after: text.startIndex)..<i]), text[text.index(after: i)...]) }
        }
        return nil
    }
}
