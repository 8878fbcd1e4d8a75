/// Writes a ``Document``'s blocks as an HTML fragment whose formulas are TeX between `\(` and `\)`
/// (`\[` and `\]` for a display), as a learning platform's MathJax filter typesets them: Moodle's
/// question text, Canvas's. Headings are bold lines, tables are HTML tables with one formula a
/// cell. Every character that HTML reads as markup is escaped, in the prose and in the TeX.
struct TeXHTMLRenderer: Sendable {
    private let math: LatexMath

    /// - Parameters:
    ///   - naming: how layers are labelled.
    ///   - precision: significant digits of every printed number.
    init(naming: LayerNaming, precision: Int = TextRenderer.defaultPrecision) {
        math = LatexMath(naming: naming, precision: precision)
    }

    /// The blocks as HTML, one element a line.
    func render(_ blocks: [Document.Block]) -> String {
        self.blocks(blocks).joined(separator: "\n")
    }

    private func blocks(_ blocks: [Document.Block]) -> [String] {
        var out: [String] = []
        for block in blocks {
            switch block {
            case .title(let inlines): out.append("<p><b>" + html(inlines) + "</b></p>")
            case .paragraph(let inlines): out.append("<p>" + html(inlines) + "</p>")
            case .section(let heading, let children):
                out.append("<p><b>" + html(heading) + "</b></p>")
                out += self.blocks(children)
            case .nested(let children): out += self.blocks(children)
            case .equation(let lhs, let steps, _):
                out.append("<p>" + TeXHTMLRenderer.display(([lhs] + steps).map(math.latex).joined(separator: " = ")) + "</p>")
            case .reason(let lines): out.append("<p><i>Why:</i> " + lines.map(html).joined(separator: " ") + "</p>")
            case .table(let header, let rows, _): out.append(table(header: header, rows: rows))
            case .gap: break
            }
        }
        return out
    }

    /// A table with a formula in each cell that has one; the header's cells in `<th>`.
    private func table(header: [Math]?, rows: [[Math]]) -> String {
        func row(_ cells: [Math], tag: String) -> String {
            "<tr>" + cells.map { "<\(tag)>" + ($0.pieces.isEmpty ? "" : inline(math.latex($0))) + "</\(tag)>" }.joined() + "</tr>"
        }
        let lines = (header.map { [row($0, tag: "th")] } ?? []) + rows.map { row($0, tag: "td") }
        return "<table border=\"1\" cellpadding=\"4\">" + lines.joined() + "</table>"
    }

    /// Prose with its formulas inline.
    func html(_ inlines: [Document.Inline]) -> String {
        inlines.map { piece in
            switch piece {
            case .text(let text): return XMLText.escaped(text)
            case .math(let formula): return inline(math.latex(formula))
            case .code(let code): return "<code>" + XMLText.escaped(code) + "</code>"
            case .sparkline(let curve): return XMLText.escaped(curve.text())
            case .layer(let l, let full):
                let label = math.naming.label(l)
                return inline(label) + (full ? XMLText.escaped(String(math.naming.fullName(l).dropFirst(label.count))) : "")
            }
        }.joined()
    }

    /// TeX in the inline delimiters, escaped for HTML.
    static func inline(_ tex: String) -> String { "\\(" + XMLText.escaped(tex) + "\\)" }
    private func inline(_ tex: String) -> String { TeXHTMLRenderer.inline(tex) }

    /// TeX in the display delimiters, escaped for HTML.
    static func display(_ tex: String) -> String { "\\[" + XMLText.escaped(tex) + "\\]" }
}
