/// The scripts and groups of the lessons' LaTeX: `a_j^L` a letter with its scripts, `(a - y)^2` and
/// `0.5^2` squares, `(W^{l+1})^T` a transpose, `e^{-z}` an exponential, `g_l'` a primed letter.
extension LatexReader {
    /// A factor and the scripts after it.
    mutating func scripted(_ factor: Math.Piece) -> [Math.Piece] {
        var piece = factor
        while let mark = rest.first {
            if mark == "'", case .variable(let base, let sub, let sup) = piece {
                rest.removeFirst()
                piece = sub.isEmpty ? .variable(base + "'", sub: sub, sup: sup) : .variable(base, sub: sub + "'", sup: sup)
                continue
            }
            guard mark == "_" || mark == "^" else { break }
            let saved = rest
            rest.removeFirst()
            let braced = rest.first == "{"
            let raw = braced ? group() : oneCharacter()
            if mark == "^", raw == "2", LatexReader.squares(piece) {
                piece = .squared([piece])
            } else if mark == "^", raw == "T", case .bracketed = piece {
                piece = .transposed([piece])
            } else if mark == "^", braced, case .variable("e", "", "") = piece {
                piece = .exponential(LatexReader.math(raw))
            } else if case .variable(let base, let sub, let sup) = piece {
                let index = LatexReader.index(raw)
                piece = mark == "_" ? .variable(base, sub: index, sup: sup) : .variable(base, sub: sub, sup: index)
            } else {
                rest = saved
                break
            }
        }
        return [piece]
    }

    /// Whether `^2` after a piece is its square: after a bracket, `ε` or a number, but not after a
    /// letter, where `W^2` and `a_1^2` name layer 2.
    private static func squares(_ piece: Math.Piece) -> Bool {
        switch piece {
        case .bracketed, .numeral, .variable("ε", "", ""): return true
        default: return false
        }
    }

    /// The script after `_` of a `\sum`, as an index: `i`, `s ∈ B`.
    mutating func script(_ mark: Character) -> String? {
        guard rest.first == mark else { return nil }
        rest.removeFirst()
        return LatexReader.index(rest.first == "{" ? group() : oneCharacter())
    }

    /// A script's LaTeX as an index: `s \in B` is `s ∈ B`, `\mathrm{total}` is `total`.
    private static func index(_ latex: String) -> String {
        latex.replacingAll("\\mathrm", with: "").replacingAll("\\in", with: "∈").filter { $0 != "{" && $0 != "}" }
    }

    /// The body of the `{…}` group that starts what is left (or has just been opened).
    mutating func group(opened: Bool = false) -> String {
        if !opened {
            guard rest.first == "{" else { return "" }
            rest.removeFirst()
        }
        var depth = 1, body = ""
        while let c = rest.first {
            rest.removeFirst()
            if c == "{" { depth += 1 } else if c == "}" { depth -= 1; if depth == 0 { break } }
            body.append(c)
        }
        return body
    }

    /// What is left up to `close` (a `(` … `)` pair nested inside it kept whole), and past it.
    mutating func until(_ close: String) -> String {
        var depth = 0, body = ""
        while !rest.isEmpty {
            if depth == 0, rest.hasPrefix(close) { rest = rest.dropFirst(close.count); break }
            let c = rest.removeFirst()
            if c == "(" { depth += 1 } else if c == ")" { depth -= 1 }
            body.append(c)
        }
        return body
    }

    /// The next character alone, an unbraced script.
    private mutating func oneCharacter() -> String { rest.isEmpty ? "" : String(rest.removeFirst()) }

    /// The digits and decimal point of a number after its first character.
    mutating func digits() -> String {
        let run = rest.prefix { $0.isNumber || $0 == "." }
        rest = rest.dropFirst(run.count)
        return String(run)
    }
}

extension String {
    /// Without spaces at either end.
    var trimmed: String { String(drop { $0 == " " }.reversed().drop { $0 == " " }.reversed()) }
}
