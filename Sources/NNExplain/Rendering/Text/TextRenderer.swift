
/// Writes a ``Document`` as terminal text with Unicode math (∂, Σ, ·, −), in the notation of
/// docs/notation.md: `∂C_0/∂w_12^L`, `a_2^(L-1)`, `g_(L-1)'(z_i^(L-1))`.
///
/// Sections are indented under their headings, chains of equations keep their `=` aligned, and table
/// columns are right-aligned. Every number has the same number of significant digits, so the same
/// input gives the same bytes everywhere. `ascii` spells the math in plain ASCII; `color` adds ANSI
/// styles (bold headings and a bold `Why:`, never faint: dim text vanishes on a projector) and is
/// only for terminals. With a `width`, prose wraps at spaces and formulas after an operator with a
/// hanging indent, so no line is wider than `width` display columns unless one piece is; matrices
/// stay whole, equations of them breaking before an operator, and a table wider than `width` is
/// printed in groups of its columns. Without one nothing wraps, so files and pipes get the same
/// bytes everywhere.
public struct TextRenderer: Sendable {
    /// How layers are labelled: `L`, `L-1`, … or `1`, `2`, ….
    public var naming: LayerNaming
    /// Significant digits of every printed number.
    public var precision: Int
    /// Plain ASCII instead of Unicode math.
    public var ascii: Bool
    /// ANSI colours and weights.
    public var color: Bool
    /// The display columns a line may take, or nil for no wrapping.
    public var width: Int?

    /// The default number of significant digits.
    public static let defaultPrecision = 9

    /// A renderer with these options (see the type's description).
    /// - Parameters:
    ///   - naming: how layers are labelled, `L`, `L-1`, … or `2`, `1`, ….
    ///   - precision: significant digits of every printed number.
    ///   - ascii: plain ASCII instead of Unicode math.
    ///   - color: ANSI colours and weights, for terminals only.
    ///   - width: the display columns a line may take; nil for no wrapping.
    public init(naming: LayerNaming, precision: Int = TextRenderer.defaultPrecision, ascii: Bool = false, color: Bool = false, width: Int? = nil) {
        self.naming = naming
        self.precision = precision
        self.ascii = ascii
        self.color = color
        self.width = width
    }

    /// The document as text, ending with a newline.
    ///
    /// - Parameter document: any document of ``Explanation`` (or one built by hand).
    /// - Returns: the text, the same bytes for the same document and options everywhere.
    public func render(_ document: Document) -> String {
        lines(document.blocks, indent: 0).joined(separator: "\n") + "\n"
    }

    // MARK: Blocks

    private func lines(_ blocks: [Document.Block], indent: Int) -> [String] {
        let pad = String(repeating: " ", count: indent)
        var out: [String] = []
        for block in blocks {
            switch block {
            case .title(let inlines):
                out += prose(text(inlines), first: pad, rest: pad).map { styled($0, .bold) }
            case .paragraph(let inlines):
                out += prose(text(inlines), first: pad, rest: pad)
            case .section(let heading, let children):
                out += prose(text(heading), first: pad, rest: pad).map { styled($0, .bold) }
                out += lines(children, indent: indent + 2)
            case .nested(let children):
                out += lines(children, indent: indent + 2)
            case .equation(let lhs, let steps, _) where ([lhs] + steps).contains(where: { $0.hasMatrix }):
                out += matrixLines([lhs] + steps, indent: indent)
            case .equation(let lhs, let steps, let chain):
                let left = text(lhs)
                if chain {
                    let continuation = String(repeating: " ", count: TextWrapping.displayWidth(left))
                    let hanging = hangingIndent(pad + continuation + "   ")
                    out += steps.enumerated().flatMap { n, step in
                        formula(text(step), first: pad + (n == 0 ? left : continuation) + " = ", rest: hanging)
                    }
                } else {
                    out += formula(([left] + steps.map(text)).joined(separator: " = "), first: pad, rest: hangingIndent(pad))
                }
            case .reason(let reasonLines):
                out += reasonLines.enumerated().flatMap { n, inlines in
                    prose(text(inlines), first: pad + (n == 0 ? styled("Why:", .bold) + " " : "     "), rest: pad + "     ")
                }
            case .table(let header, let rows, let operators):
                out += table(header: header?.map(text), rows: rows.map { $0.map(text) },
                             separators: operators.map { $0.map { tableOperator($0) } ?? "   " },
                             splittable: operators.map { $0 == nil || $0 == .bar }, indent: indent)
            case .gap:
                out.append("")
            }
        }
        return out
    }

    /// Prose lines within ``width``, or one line without it.
    private func prose(_ text: String, first: String, rest: String) -> [String] {
        guard let width else { return [first + text] }
        return TextWrapping.prose(text, width: width, first: first, rest: rest)
    }

    /// Formula lines within ``width``, or one line without it.
    private func formula(_ text: String, first: String, rest: String) -> [String] {
        guard let width else { return [first + text] }
        return TextWrapping.formula(text, width: width, first: first, rest: rest)
    }

    /// Where a formula's continuation lines start: 4 columns right of `start`, or 4 right of the
    /// left margin when that would leave less than half the line.
    private func hangingIndent(_ start: String) -> String {
        let wanted = TextWrapping.displayWidth(start) + 4
        let margin = start.prefix { $0 == " " }.count
        return String(repeating: " ", count: wanted > (width ?? .max) / 2 ? margin + 4 : wanted)
    }

    /// Rows of cells as columns, each as wide as its widest cell and right-aligned, a column of
    /// plain decimals aligned on its decimal point; the header row has spaces where the rows have
    /// operators. A table wider than ``width`` is wrapped as a whole: its columns go into groups
    /// printed one under another, each beginning with the first (label) column, split only where
    /// no operator joins two columns, so every row still reads as it did.
    private func table(header: [String]?, rows: [[String]], separators: [String], splittable: [Bool], indent: Int) -> [String] {
        let rows = TextWrapping.decimalAligned(rows)
        let all = (header.map { [$0] } ?? []) + rows
        let columns = all.map { $0.count }.max() ?? 0
        let widths = (0..<columns).map { c in all.map { c < $0.count ? TextWrapping.displayWidth($0[c]) : 0 }.max() ?? 0 }
        let separator = { (c: Int) in c - 1 < separators.count ? separators[c - 1] : "   " }
        let groups = columnGroups(widths: widths, separator: separator, indent: indent) { c in c - 1 >= splittable.count || splittable[c - 1] }
        return groups.enumerated().flatMap { n, group in
            (n == 0 ? [] : [""]) + all.enumerated().map { r, row in
                var line = String(repeating: " ", count: indent)
                for c in [0] + group where c < row.count {
                    if c > 0 {
                        let gap = n > 0 && c == group.first ? "   " : separator(c)
                        line += header != nil && r == 0 ? String(repeating: " ", count: gap.count) : gap
                    }
                    line += String(repeating: " ", count: widths[c] - TextWrapping.displayWidth(row[c])) + row[c]
                }
                return String(line.reversed().drop { $0 == " " }.reversed())
            }
        }
    }

    /// The columns after the first in as few groups as fit ``width`` with the first column before
    /// each, a group ending only before a column that is `breakable` (joined by plain space or the
    /// bar); the groups as even in size as that allows, so columns read together (a change beside
    /// its prediction) stay together. One group, all the columns, without a width or when it fits.
    private func columnGroups(widths: [Int], separator: (Int) -> String, indent: Int, breakable: (Int) -> Bool) -> [[Int]] {
        guard widths.count > 1 else { return [[]] }
        let rest = Array(1..<widths.count)
        func span(_ columns: [Int]) -> Int {
            indent + widths[0] + columns.map { TextWrapping.displayWidth(separator($0)) + widths[$0] }.reduce(0, +)
        }
        guard let width, span(rest) > width else { return [rest] }
        var greedy: [[Int]] = [[]]
        for c in rest {
            if !greedy[greedy.count - 1].isEmpty, breakable(c), span(greedy[greedy.count - 1] + [c]) > width {
                greedy.append([])
            }
            greedy[greedy.count - 1].append(c)
        }
        let count = greedy.count, size = rest.count / count, larger = rest.count % count
        var even: [[Int]] = [], start = 0
        for n in 0..<count {
            let end = start + size + (n < larger ? 1 : 0)
            even.append(Array(rest[start..<end]))
            start = end
        }
        let fits = even.allSatisfy { !$0.isEmpty && breakable($0[0]) && span($0) <= width }
        return fits ? even : greedy
    }

    // MARK: Inline text and math

    /// Every piece of text passes through here or through `text(_ math:)`, which spell it in ASCII
    /// when asked, before any column is measured, so tables stay aligned.
    private func text(_ inlines: [Document.Inline]) -> String {
        spelled(inlines.map { inline in
            switch inline {
            case .text(let text): return text
            case .math(let math): return self.text(math)
            case .layer(let l, let full): return full ? naming.fullName(l) : naming.label(l)
            case .code(let code): return code
            case .sparkline(let curve): return curve.text(ascii: ascii)
            }
        }.joined())
    }

    /// A formula as text.
    package func text(_ math: Math) -> String { spelled(joined(math)) }

    func spelled(_ text: String) -> String { ascii ? TextRenderer.asciiSpelling(text) : text }

    func text(_ piece: Math.Piece) -> String {
        switch piece {
        case .symbol(let symbol): return text(symbol)
        case .number(let x): return number(x)
        case .operand(let x):
            let text = number(x)
            return text.hasPrefix("-") ? "(\(text))" : text
        case .op(let op): return operatorText(op)
        case .word(let word): return word
        case .parenthesized(let inner): return "(" + text(inner) + ")"
        case .squared(let inner): return text(inner) + "²"
        case .exponential(let power): return "e^(" + text(power) + ")"
        case .activation(let l): return "g_" + grouped(naming.label(l))
        case .sum(let index): return "Σ_" + TextRenderer.script(index) + " "
        case .mean(let index): return "(1/N) " + text(.sum(index))
        case .batchMean(let index): return "(1/|B|) Σ_(\(index)∈B) "
        case .over(let numerator, let n): return "(" + text(numerator) + ") / \(n)"
        case .matrix(let rows): return "[" + rows.map { "[" + $0.map(number).joined(separator: ", ") + "]" }.joined(separator: ", ") + "]"
        case .variable, .integer, .fraction, .reciprocal, .partial, .function, .bracketed, .bracket, .conditional,
             .kronecker, .transposed, .ones, .code, .blank, .numeral, .ellipsis:
            return formulaText(piece)
        }
    }

    private func tableOperator(_ op: Math.Operator) -> String { spelled(operatorText(op)) }

    /// `x` with `precision` significant digits (C's `%g`), trailing zeros dropped; `-0` prints as `0`.
    package func number(_ x: Double) -> String { NumberText.significant(x, precision: precision) }

    // MARK: Symbols

    /// The text of a symbol, e.g. `∂C_0/∂w_12^L`, `a_2^(L-1)`, `g_(L-1)'(z_i^(L-1))`: a quantity as
    /// `base_sub^sup` from its ``SymbolScripts``, the superscript grouped when longer than one character.
    package func text(_ symbol: Symbol) -> String {
        if let s = symbol.scripts(naming) {
            return s.base + (s.sub.isEmpty ? "" : "_" + s.sub) + (s.sup.isEmpty ? "" : "^" + grouped(s.sup))
        }
        switch symbol {
        case .gPrime(let l, let j): return "g_" + grouped(naming.label(l)) + "'(\(text(.z(layer: l, j))))"
        case .partial(let top, let bottom): return "∂\(text(top))/∂\(text(bottom))"
        case .learningRate: return "η"
        case .epsilon: return "ε"
        case .array(let name, let l): return name.letter + "^" + grouped(naming.label(l))
        case .delta(let l, let j): return "δ_" + j.text + "^" + grouped(naming.label(l))
        case .transpose(let inner): return "(" + text(inner) + ")^T"
        case .lossGradient(let scope, let batch): return "∇_" + (batch ? "A " : "a ") + text(.loss(scope))
        case .gPrimeArray(let l, let batch):
            let z = "\(batch ? "Z" : "z")^" + grouped(naming.label(l))
            return "g_" + grouped(naming.label(l)) + "'(" + z + ")"
        default: preconditionFailure("\(symbol) has scripts")
        }
    }

    /// A label in parentheses when it is longer than one character: `L`, `(L-1)`, `(12)`.
    func grouped(_ label: String) -> String { label.count == 1 ? label : "(\(label))" }

    // MARK: Styles

    private enum Style: String {
        case bold = "1"
    }

    private func styled(_ text: String, _ style: Style) -> String {
        color && !text.isEmpty ? "\u{1B}[\(style.rawValue)m\(text)\u{1B}[0m" : text
    }

    /// The Unicode of our math spelled in ASCII, for terminals that cannot show it.
    static func asciiSpelling(_ text: String) -> String {
        let spellings: [Character: String] = [
            "∂": "d", "Σ": "sum", "·": "*", "−": "-", "²": "^2", "½": "(1/2)", "…": "...", "│": "|",
            "≤": "<=", "∈": " in ", "θ": "theta", "∇": "grad", "⊙": ".*", "Δ": "Delta", "⋮": ":", "⋱": "\\",
            "⎡": "[", "⎢": "[", "⎣": "[", "⎤": "]", "⎥": "]", "⎦": "]", "′": "'", "—": "-", "×": "x", "→": "->", "η": "eta", "ε": "eps", "δ": "delta", "✓": "ok", "✗": "X",
        ]
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for character in text {
            if let spelling = spellings[character] { out += spelling } else { out.append(character) }
        }
        return out
    }
}
