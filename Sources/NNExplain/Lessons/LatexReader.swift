/// Reads the small part of LaTeX the lessons write their mathematics in into ``Math``, so that a
/// terminal shows a lesson's formulas as the text renderer writes the tool's own: `\partial C_0/\partial
/// w_{12}^L` is the partial ``Math/Piece/partial(_:_:slashed:)`` `∂C_0/∂w_12^L`, `(a - y)^2` a
/// square, `\frac{1}{N} \sum_s C_s` the division `(1/N)` before the sum `Σ_s`. A space between two
/// factors is kept as their product; an operator brings its own spacing. A command outside the part
/// read here is kept as a word, backslash and all, which the lesson tests catch.
struct LatexReader {
    var rest: Substring

    /// The formula `latex` as ``Math``.
    static func math(_ latex: String) -> Math {
        var reader = LatexReader(rest: Substring(latex))
        return reader.formula()
    }

    /// Commands that stand for an operator, and the operator.
    private static let operators: [String: Math.Operator] = [
        "cdot": .times, "times": .cross, "odot": .hadamard, "to": .becomes, "leftarrow": .assigned, "approx": .approximately,
        "le": .lessOrEqual, "leq": .lessOrEqual, "ge": .greaterOrEqual, "geq": .greaterOrEqual, "neq": .notEqual, "in": .element,
        "ast": .times,
        "quad": .quad, "qquad": .qquad,
    ]
    /// Commands that stand for a letter.
    private static let letters: [String: String] = [
        "delta": "δ", "Delta": "Δ", "eta": "η", "theta": "θ", "varepsilon": "ε", "epsilon": "ε", "nabla": "∇", "Sigma": "Σ",
    ]

    /// The pieces up to the end of what is left.
    private mutating func formula() -> Math {
        var pieces: [Math.Piece] = [], spaced = false
        while let c = rest.first {
            if c == " " { rest.removeFirst(); spaced = true; continue }
            let next = self.next(after: pieces.last, spaced: spaced)
            if let first = next.first, spaced, let last = pieces.last, LatexReader.isFactor(first) {
                if case .op(.half) = last { pieces.append(.op(.juxtaposed)) }
                else if LatexReader.isFactor(last), !LatexReader.isSum(last) { if case .function = first {} else { pieces.append(.op(.matrixProduct)) } }
            }
            pieces += next
            spaced = false
        }
        return Math(pieces)
    }

    private static func isFactor(_ piece: Math.Piece) -> Bool { if case .op = piece { false } else { true } }
    private static func isSum(_ piece: Math.Piece) -> Bool { if case .sum = piece { true } else { false } }

    /// The next operator or factor (a `{…}` group gives all of its pieces).
    private mutating func next(after previous: Math.Piece?, spaced: Bool) -> [Math.Piece] {
        let c = rest.removeFirst()
        switch c {
        case "=": return [.op(.equals)]
        case "+": return [.op(.plus)]
        case "<": return [.op(.less)]
        case ">": return [.op(.greater)]
        case ",": return [.op(.comma)]
        case "/": return [.op(spaced && rest.first == " " ? .divided : .slash)]
        case "-":
            if spaced, rest.first == " " { return [.op(.minus)] }
            if let next = rest.first, next.isNumber { return scripted(.numeral("-" + digits())) }
            return [.op(.negative)]
        case "{":
            let body = group(opened: true)
            return LatexReader.math(body).pieces
        case "(": return scripted(.bracketed(LatexReader.math(until(")")), .plain))
        case "[": return scripted(.bracketed(LatexReader.math(until("]")), .square))
        case "\\": return command()
        default:
            if c.isNumber { return scripted(.numeral(String(c) + digits())) }
            var name = String(c)
            while rest.first == "'" { name.append(rest.removeFirst()) }
            return scripted(.variable(name))
        }
    }

    /// A command and what it takes.
    private mutating func command() -> [Math.Piece] {
        let name = rest.first.map { $0.isLetter } == true ? String(rest.prefix(while: { $0.isLetter })) : rest.first.map(String.init) ?? ""
        rest = rest.dropFirst(name.count)
        if let op = LatexReader.operators[name] { return [.op(op)] }
        if let letter = LatexReader.letters[name] { return scripted(.variable(letter)) }
        switch name {
        case "frac", "tfrac": return fraction()
        case "text": return [.word(group())]
        case "mathrm": return scripted(.variable(group()))
        case "sum": return [.sum(script("_") ?? "")]
        case "ldots", "dots": return [.ellipsis]
        case "left", "right", ",", ";": return []
        case "lvert": return [.bracketed(LatexReader.math(until("\\rvert").trimmed), .bars)]
        case "partial": return partial()
        case "ln", "tanh", "max", "exp":
            if rest.first == " " { rest.removeFirst() }
            return [.function(name, Math(next(after: nil, spaced: false)))]
        default: return [.word("\\" + name)]
        }
    }

    /// `\partial X/\partial Y` as one partial derivative.
    private mutating func partial() -> [Math.Piece] {
        if rest.first == " " { rest.removeFirst() }
        let top = next(after: nil, spaced: false)
        guard rest.hasPrefix("/\\partial") else { return [.variable("∂")] + top }
        rest = rest.dropFirst("/\\partial".count)
        if rest.first == " " { rest.removeFirst() }
        return [.partial(Math(top), Math(next(after: nil, spaced: false)), slashed: true)]
    }

    /// `\frac{a}{b}` on one line: `½`, a partial derivative `∂a/∂b`, or `a/b` with a side that has an
    /// operator in parentheses; the whole in parentheses when a factor follows it.
    private mutating func fraction() -> [Math.Piece] {
        let a = group(), b = group()
        if a == "1", b == "2" { return [.op(.half)] }
        var shown: [Math.Piece]
        if a.hasPrefix("\\partial"), b.hasPrefix("\\partial") {
            let top = LatexReader.math(String(a.dropFirst("\\partial".count)).trimmed)
            shown = [.partial(top, LatexReader.math(String(b.dropFirst("\\partial".count)).trimmed), slashed: true)]
        } else {
            shown = LatexReader.side(LatexReader.math(a)) + [.op(.slash)] + LatexReader.side(LatexReader.math(b))
        }
        let next = rest.drop { $0 == " " }
        let ends = ["=", "+", "-", ")", ",", "\\cdot", "\\times", "\\approx", "\\qquad", "\\quad", "\\le", "\\ge", "\\text", "\\right"]
        if !next.isEmpty, !ends.contains(where: { next.hasPrefix($0) }) { shown = [.bracketed(Math(shown), .plain)] }
        return shown
    }

    /// A side of a division: in parentheses when it is spaced, with an operator, a sum or a function.
    private static func side(_ math: Math) -> [Math.Piece] {
        let spaced = math.pieces.contains { piece in
            switch piece {
            case .op(.slash), .op(.negative): return false
            case .op, .sum, .function: return true
            default: return false
            }
        }
        return spaced ? [.bracketed(math, .plain)] : math.pieces
    }
}
