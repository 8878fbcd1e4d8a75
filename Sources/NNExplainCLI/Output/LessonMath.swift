/// The lessons' `$…$` math in the text renderer's spelling, for the terminal: `\partial C_0/\partial
/// w_{12}^L` is `∂C_0/∂w_12^L`, `a_2^{L-1}` is `a_2^(L-1)`, `(a - y)^2` is `(a − y)²`,
/// `\frac{\partial C}{\partial w}` is `∂C/∂w` and `\frac{1}{N} \sum_s` is `(1/N) Σ_s`. The lessons keep
/// to the small part of LaTeX listed here (which GitHub and KaTeX both typeset), and the lesson tests
/// check that every command they use is in it; a command outside it is shown as written, so nothing
/// is lost.
enum LessonMath {
    /// Commands and the Unicode they stand for. `\left` and `\right` only size the delimiter that
    /// follows them, so they stand for nothing.
    static let symbols: [String: String] = [
        "partial": "∂", "sum": "Σ", "cdot": "·", "times": "×", "delta": "δ", "Delta": "Δ", "odot": "⊙",
        "varepsilon": "ε", "epsilon": "ε", "eta": "η", "theta": "θ", "nabla": "∇", "to": "→", "leftarrow": "←",
        "ldots": "…", "dots": "…", "approx": "≈", "le": "≤", "leq": "≤", "ge": "≥", "geq": "≥", "neq": "≠",
        "lvert": "|", "rvert": "|", "Sigma": "Σ", "ast": "*", "prime": "'", "top": "T", "ln": "ln", "exp": "exp",
        "max": "max", "tanh": "tanh", "tfrac12": "½", "left": "", "right": "", ",": "", ";": " ", "quad": " ",
        "qquad": "  ", "in": "∈",
    ]

    /// Commands after which the one space that separates them from their argument is dropped: `∂C`, `|z|`.
    private static let tight: Set<String> = ["partial", "lvert", "left", "right"]

    static func text(_ latex: String) -> String {
        var out = "", rest = Substring(latex)
        while let c = rest.first {
            rest = rest.dropFirst()
            switch c {
            case "\\":
                let name = rest.first.map(\.isLetter) == true ? String(rest.prefix(while: \.isLetter)) : rest.first.map(String.init) ?? ""
                rest = rest.dropFirst(name.count)
                if name == "tfrac" || name == "frac", let (a, r1) = group(rest), let (b, r2) = group(r1) {
                    out += fraction(text(a), text(b), followedBy: r2)
                    rest = r2
                } else if name == "text" || name == "mathrm", let (body, r) = group(rest) {
                    out += body; rest = r
                } else if let symbol = symbols[name] {
                    if name == "rvert", out.last == " " { out.removeLast() }  // `\lvert B \rvert` is |B|
                    out += symbol
                    if tight.contains(name), rest.first == " " { rest = rest.dropFirst() }
                } else { out += "\\" + name }
            case "_", "^":
                if let (body, r) = group(rest) {
                    let shown = text(body)
                    let plain = shown.allSatisfy { $0.isLetter || $0.isNumber } || (shown.hasPrefix("(") && shown.hasSuffix(")"))
                    out += c == "^" && shown == "2" && squares(out) ? "²" : String(c) + (plain ? shown : "(" + shown + ")")
                    rest = r
                } else if c == "^", rest.first == "2", squares(out) {
                    out += "²"; rest = rest.dropFirst()
                } else { out.append(c) }
            case "{", "}":
                break
            case "-" where out.last == " " && rest.first == " ":
                out += "−"
            case "-" where rest.first.map({ $0.isLetter || $0 == "\\" }) == true && out.last.map({ $0.isLetter || $0.isNumber }) != true:
                out += "−"  // −y_i, e^(−z); a negative number keeps the tool's hyphen, -0.2
            default:
                out.append(c)
            }
        }
        return out
    }

    /// Whether a `^2` after `text` is a square, written `²`: after `)`, `ε` or a number (`(a − y)²`,
    /// `ε²`, `0.5²`), but not after a symbol with a layer, where `W^2` and `a_1^2` name layer 2.
    private static func squares(_ text: String) -> Bool {
        guard let last = text.last else { return false }
        if last == ")" || last == "ε" { return true }
        let number = text.reversed().prefix { $0.isNumber || $0 == "." }
        return !number.isEmpty && text.dropLast(number.count).last.map { $0.isLetter || $0 == "_" } != true
    }

    /// `a/b`, with parentheses around a side that has a space outside its own parentheses
    /// (`(C(θ + ε) − C(θ − ε))/2ε`), and around the whole when a factor follows it, so that
    /// `\frac{1}{N} \sum_s C_s` reads `(1/N) Σ_s C_s`, not `1/N Σ_s C_s`.
    private static func fraction(_ a: String, _ b: String, followedBy rest: Substring) -> String {
        if a == "1", b == "2" { return "½" }
        let side = { (s: String) in spacedAtTopLevel(s) ? "(" + s + ")" : s }
        let next = rest.drop { $0 == " " }
        let operators = ["=", "+", "-", ")", ",", "\\cdot", "\\times", "\\approx", "\\qquad", "\\quad", "\\le", "\\ge", "\\text", "\\right"]
        let factorFollows = !next.isEmpty && !operators.contains { next.hasPrefix($0) }
        let shown = side(a) + "/" + side(b)
        return factorFollows ? "(" + shown + ")" : shown
    }

    /// Whether `s` has a space outside every pair of parentheses: `a + b` does, `∂(a − y)` does not.
    private static func spacedAtTopLevel(_ s: String) -> Bool {
        var depth = 0
        for c in s {
            if c == "(" { depth += 1 } else if c == ")" { depth -= 1 } else if c == " ", depth == 0 { return true }
        }
        return false
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
