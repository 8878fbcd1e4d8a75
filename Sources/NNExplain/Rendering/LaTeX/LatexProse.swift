/// Prose for LaTeX: the special characters escaped and the few things in prose that are really
/// mathematics or code set as such, so that a typeset page reads the same as the text output:
/// - an index or count such as `j = 1`, `l = 3`, an index letter `i`, `j`, `k` (none is an English
///   word) or a layer label `L-1` as italic math, like the formulas beside it (in text mode they
///   would be upright, and `-` a hyphen);
/// - an option name such as `--average` in typewriter with its dashes kept apart (`-{}-`), since
///   TeX joins `--` into an en dash;
/// - `|x|` as `\lvert x\rvert` (a bare `|` in the default OT1 font encoding prints an em dash).
enum LatexProse {
    /// Prose in text mode.
    static func text(_ prose: String) -> String {
        pieces(prose).map { piece in
            switch piece {
            case .prose(let text): return escaped(text)
            case .math(let math): return "$" + math + "$"
            case .option(let name): return option(name)
            }
        }.joined()
    }

    /// Prose inside math, e.g. a table cell `k = 0`: the mathematics bare, the rest in `\text{…}`.
    /// A lone letter or a function of one, `g` or `g(z)`, is math italic like the `g_l` beside it.
    static func inMath(_ prose: String) -> String {
        if isLetterOrFunction(prose) { return prose.replacingPrimes }
        return pieces(prose).map { piece in
            switch piece {
            case .prose(let text): return text.isEmpty ? "" : "\\text{" + escaped(text) + "}"
            case .math(let math): return math
            case .option(let name): return "\\text{" + option(name) + "}"
            }
        }.joined()
    }

    /// `\texttt{-{}-average}`.
    static func option(_ name: String) -> String { "\\texttt{" + escaped(name) + "}" }

    private enum Piece { case prose(String), math(String), option(String) }

    private static func pieces(_ prose: String) -> [Piece] {
        var out: [Piece] = []
        var rest = prose[...]
        for range in specialRanges(prose) {
            out.append(.prose(String(rest[rest.startIndex..<range.lowerBound])))
            let found = String(prose[range])
            out.append(found.hasPrefix("--") ? .option(found) : .math(found.replacingPrimes.replacingAll("−", with: "-").replacingAll("L-", with: "L{-}")))
            rest = prose[range.upperBound...]
        }
        out.append(.prose(String(rest)))
        return out
    }

    /// Prose made safe for LaTeX: its special characters escaped, our few Unicode marks spelled out,
    /// a character pdflatex cannot print as a bold `?` (``printsAsIs(_:)``),
    /// `--` kept as two hyphens, and bars paired as `\lvert`, `\rvert`.
    static func escaped(_ text: String) -> String {
        var out = ""
        var barIsOpen = false
        var previous: Character = " "
        for character in text {
            if character == "-" && previous == "-" { out += "{}" }
            previous = character
            switch character {
            case "|":
                out += barIsOpen ? "$\\rvert$" : "$\\lvert$"
                barIsOpen.toggle()
            default: out += LatexProse.marks[character] ?? (printsAsIs(character) ? String(character) : unprintable)
            }
        }
        return out
    }

    static let marks: [Character: String] = [
        "\\": "\\textbackslash{}", "&": "\\&", "%": "\\%", "$": "\\$", "#": "\\#", "_": "\\_", "{": "\\{", "}": "\\}",
        "~": "\\textasciitilde{}", "^": "\\textasciicircum{}", "…": "\\ldots{}", "—": "---", "½": "$\\tfrac{1}{2}$",
        "−": "-", "→": "$\\to$", "′": "'", "η": "$\\eta$", "ε": "$\\varepsilon$", "θ": "$\\theta$", "∂": "$\\partial$",
        "·": "$\\cdot$", "Σ": "$\\Sigma$", "²": "$^2$", "≤": "$\\le$", "×": "$\\times$", "⊙": "$\\odot$",
        "∇": "$\\nabla$", "δ": "$\\delta$", "Δ": "$\\Delta$", "⋮": "$\\vdots$", "⋱": "$\\ddots$",
        "\u{00A0}": "~",
    ]
}
