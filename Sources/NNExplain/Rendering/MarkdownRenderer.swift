
/// Writes a ``Document`` as Markdown with `$…$` and `$$…$$` math that GitHub and KaTeX render:
/// headings for the title and sections, `aligned` blocks for chains of equations, pipe tables.
public struct MarkdownRenderer: Sendable {
    private let math: LatexMath

    /// A renderer that labels layers with `naming` and prints numbers to `precision` significant digits.
    /// - Parameters:
    ///   - naming: how layers are labelled.
    ///   - precision: significant digits of every printed number.
    public init(naming: LayerNaming, precision: Int = TextRenderer.defaultPrecision) {
        math = LatexMath(naming: naming, precision: precision)
    }

    /// The document as Markdown.
    /// - Parameter document: the document to write.
    /// - Returns: the Markdown text, ending with a newline.
    public func render(_ document: Document) -> String {
        blocks(document.blocks, level: 2).joined(separator: "\n\n") + "\n"
    }

    private func blocks(_ blocks: [Document.Block], level: Int) -> [String] {
        var out: [String] = []
        for block in blocks {
            switch block {
            case .title(let inlines):
                out.append(String(repeating: "#", count: level) + " " + text(inlines))
            case .paragraph(let inlines):
                out.append(text(inlines))
            case .section(let heading, let children):
                out.append(String(repeating: "#", count: level + 1) + " " + text(heading))
                out += self.blocks(children, level: level + 1)
            case .nested(let children):
                out += self.blocks(children, level: level)
            case .equation(let lhs, let steps, let chain):
                if chain && steps.count > 1 {
                    let rows = math.alignedRows(lhs, steps)
                    out.append("$$\n\\begin{aligned}\n" + rows.joined(separator: " \\\\\n") + "\n\\end{aligned}\n$$")
                } else {
                    out.append("$$\n" + ([lhs] + steps).map(math.latex).joined(separator: " = ") + "\n$$")
                }
            case .reason(let lines):
                out.append("*Why:* " + lines.map(text).joined(separator: " "))
            case .table(let header, let rows, let operators):
                out.append(table(header: header, rows: rows, operators: operators))
            case .gap:
                break
            }
        }
        return out
    }

    /// A table with a header is a pipe table with numbers right-aligned. One without a header is rows
    /// of arithmetic (`s = 0: ∂C_0/∂w = … · … = …`), written as a display `array`: a pipe table needs a
    /// header row (GitHub shows an empty one as a grey bar), and a wide one squeezes its first column
    /// until pandoc's MathML shows "s" for "s = 0:". The operators of the rows go into their cells.
    private func table(header: [Math]?, rows: [[Math]], operators: [Math.Operator?]) -> String {
        func cell(_ m: Math, after op: Math.Operator?) -> String {
            let body = math.latex(m)
            let prefix = op.map { $0 == .bar ? "" : math.latex($0).trimmingSpaces + " " } ?? ""
            return body.isEmpty ? "" : prefix + body
        }
        func cells(_ row: [Math]) -> [String] {
            row.enumerated().map { c, m in cell(m, after: c > 0 && c - 1 < operators.count ? operators[c - 1] : nil) }
        }
        let columns = ((header.map { [$0] } ?? []) + rows).map { $0.count }.max() ?? 0
        guard let header else {
            let spec = "r" + String(repeating: "l", count: max(columns - 1, 0))
            return "$$\n\\begin{array}{\(spec)}\n" + rows.map { cells($0).joined(separator: " & ") }.joined(separator: " \\\\\n")
                + "\n\\end{array}\n$$"
        }
        let head = header.map { m in m.pieces.isEmpty ? " " : "$" + math.latex(m) + "$" }
        var lines = ["| " + head.joined(separator: " | ") + " |",
                     "|" + Array(repeating: "---:|", count: columns).joined()]
        for row in rows {
            lines.append("| " + cells(row).map { $0.isEmpty ? " " : "$" + $0 + "$" }.joined(separator: " | ") + " |")
        }
        return lines.joined(separator: "\n")
    }

    private func text(_ inlines: [Document.Inline]) -> String {
        inlines.map { inline in
            switch inline {
            case .text(let text): return MarkdownRenderer.escaped(text)
            case .math(let formula): return "$" + math.latex(formula) + "$"
            case .code(let code): return "`" + code + "`"
            case .sparkline(let curve): return curve.text()
            case .layer(let l, let full):
                // The label as math like the `a^{L-1}` beside it, `$L{-}1$`, then `($l = 2$)`.
                let label = "$" + math.naming.label(l).replacingAll("-", with: "{-}") + "$"
                return full ? label + " ($" + math.naming.otherName(l).replacingAll("-", with: "{-}") + "$)" : label
            }
        }.joined()
    }
}

extension MarkdownRenderer {
    /// Prose as Markdown shows it literally: `\`, `*`, `` ` `` and `$` (which would start
    /// emphasis, code or mathematics) escaped with a backslash, `<` and `&` (which would start HTML)
    /// as character references. A name from a roster reaches the page as it was typed.
    static func escaped(_ text: String) -> String {
        var out = ""
        for character in text {
            switch character {
            case "\\", "*", "`", "$": out += "\\" + String(character)
            case "<": out += "&lt;"
            case "&": out += "&amp;"
            default: out.append(character)
            }
        }
        return out
    }
}
