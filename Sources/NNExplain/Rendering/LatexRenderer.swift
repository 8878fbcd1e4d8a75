/// Writes a ``Document`` as a LaTeX fragment that needs only amsmath: headings as `\paragraph`,
/// equation chains as `align*` environments with the `=` aligned, tables as `array`s in display
/// math. `standalone` wraps it in a complete document that compiles with `pdflatex`.
public struct LatexRenderer: Sendable {
    private let math: LatexMath
    public var standalone: Bool

    public init(naming: LayerNaming, precision: Int = TextRenderer.defaultPrecision, standalone: Bool = false) {
        math = LatexMath(naming: naming, precision: precision)
        self.standalone = standalone
    }

    public func render(_ document: Document) -> String {
        let body = blocks(document.blocks).joined(separator: "\n") + "\n"
        guard standalone else { return body }
        return """
            \\documentclass{article}
            \\usepackage[utf8]{inputenc}
            \\usepackage{amsmath}
            \\begin{document}
            \\allowdisplaybreaks

            \(body)
            \\end{document}

            """
    }

    private func blocks(_ blocks: [Document.Block]) -> [String] {
        var out: [String] = []
        for block in blocks {
            switch block {
            case .title(let inlines):
                out.append("\\subsection*{\(text(inlines))}")
            case .paragraph(let inlines):
                out.append(text(inlines) + "\n")
            case .section(let heading, let children):
                out.append("\\paragraph{\(text(heading))}")
                out += self.blocks(children)
            case .nested(let children):
                out += self.blocks(children)
            case .equation(let lhs, let steps, let chain):
                let rows = math.alignedRows(lhs, steps, chain: chain)
                out.append("\\begin{align*}\n" + rows.joined(separator: " \\\\\n") + "\n\\end{align*}")
            case .reason(let lines):
                out.append("\\emph{Why:} " + lines.map(text).joined(separator: " ") + "\n")
            case .table(let header, let rows, let operators):
                out.append(table(header: header, rows: rows, operators: operators))
            case .gap:
                break
            }
        }
        return out
    }

    /// A table as an `array` in display math; operators get their own centred columns.
    private func table(header: [Math]?, rows: [[Math]], operators: [Math.Operator?]) -> String {
        let columns = ((header.map { [$0] } ?? []) + rows).map(\.count).max() ?? 0
        var spec = "r"
        for c in 1..<max(columns, 1) {
            let op = c - 1 < operators.count ? operators[c - 1] : nil
            spec += op == .bar ? "|r" : (op == nil ? "r" : "cr")
        }
        func row(_ cells: [Math], isHeader: Bool) -> String {
            var parts: [String] = []
            for (c, cell) in cells.enumerated() {
                if c > 0, let op = c - 1 < operators.count ? operators[c - 1] : nil, op != .bar {
                    parts.append(isHeader ? "" : math.latex(op).trimmingSpaces)
                }
                parts.append(math.latex(cell))
            }
            return parts.joined(separator: " & ")
        }
        var lines = (header.map { [row($0, isHeader: true) + " \\\\ \\hline"] } ?? [])
        lines += rows.map { row($0, isHeader: false) + " \\\\" }
        // Tables are set a size smaller with narrower gaps, so that wide ones still fit the page.
        return "\\begingroup\\small\\setlength{\\arraycolsep}{3pt}\n\\[\n\\begin{array}{\(spec)}\n"
            + lines.joined(separator: "\n") + "\n\\end{array}\n\\]\n\\endgroup"
    }

    private func text(_ inlines: [Document.Inline]) -> String {
        inlines.map { inline in
            switch inline {
            case .text(let text): return LatexMath.escaped(text)
            case .math(let formula): return "$" + math.latex(formula) + "$"
            case .code(let code): return "\\texttt{" + LatexMath.escaped(code) + "}"
            case .layer(let l, let full): return LatexMath.escaped(full ? math.naming.fullName(l) : math.naming.label(l))
            }
        }.joined()
    }
}

extension String {
    var trimmingSpaces: String {
        var text = Substring(self)
        while text.first == " " { text.removeFirst() }
        while text.last == " " { text.removeLast() }
        return String(text)
    }
}
