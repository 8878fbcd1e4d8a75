/// Writes a ``Document`` as an HTML fragment with its mathematics in MathML, for web pages: the
/// title and section headings as headings, prose as paragraphs with inline `<math>`, every equation
/// as display `<math>` (a chain as an `<mtable>` with its `=` in a column of its own), tables as HTML
/// tables with a `<math>` per cell. Like the text, Markdown and LaTeX renderers it adds layout,
/// never content, so a page says what `step` prints.
///
/// Classes a page styles or tests count: `doc-title`, `why`, `chain`, `terms`, `nested`.
public struct MathMLRenderer: Sendable {
    private let math: MathMLMath
    /// The level of the title's heading (`h3` by default); sections are one level below.
    public var headingLevel: Int

    /// A renderer of HTML fragments with MathML.
    /// - Parameters:
    ///   - naming: how layers are labelled.
    ///   - precision: significant digits of every printed number.
    ///   - headingLevel: the level of the title's heading (`3` for `h3`); sections are one below.
    public init(naming: LayerNaming, precision: Int = TextRenderer.defaultPrecision, headingLevel: Int = 3) {
        math = MathMLMath(naming: naming, precision: precision)
        self.headingLevel = min(max(headingLevel, 1), 5)
    }

    /// The document as HTML, one block a line.
    ///
    /// - Parameter document: the document to write.
    /// - Returns: an HTML fragment (no `<html>` around it) with `<math>` elements.
    public func render(_ document: Document) -> String { HTMLFragment.text(fragments(document)) }

    /// The document's blocks as a tree of HTML fragments, whose text is ``render(_:)``'s.
    package func fragments(_ document: Document) -> [HTMLFragment] { blocks(document.blocks) }

    /// A formula as one inline `<math>` element.
    package func inline(_ formula: Math) -> String { "<math>" + math.mathML(formula) + "</math>" }

    private func blocks(_ blocks: [Document.Block]) -> [HTMLFragment] {
        blocks.compactMap { block in
            switch block {
            case .title(let inlines):
                return HTMLFragment("<h\(headingLevel) class=\"doc-title\">" + html(inlines) + "</h\(headingLevel)>")
            case .paragraph(let inlines):
                return HTMLFragment("<p>" + html(inlines) + "</p>")
            case .section(let heading, let children):
                let h = headingLevel + 1
                return HTMLFragment(open: "<section><h\(h)>" + html(heading) + "</h\(h)>", children: self.blocks(children),
                                    close: "</section>")
            case .nested(let children):
                return HTMLFragment(open: "<div class=\"nested\">", children: self.blocks(children), close: "</div>")
            case .equation(let lhs, let steps, let chain):
                return HTMLFragment(equation(lhs, steps, chain: chain))
            case .reason(let lines):
                return HTMLFragment("<p class=\"why\"><em>Why:</em> " + lines.map(html).joined(separator: " ") + "</p>")
            case .table(let header, let rows, let operators):
                return HTMLFragment(table(header: header, rows: rows, operators: operators))
            case .gap:
                return nil
            }
        }
    }

    /// `lhs = step = …` on one line, or with `chain` one step a row, the `=` signs in one column.
    private func equation(_ lhs: Math, _ steps: [Math], chain: Bool) -> String {
        let equals = math.mathML(.equals)
        guard chain && steps.count > 1 else {
            return "<math display=\"block\">" + ([lhs] + steps).map(math.mathML).joined(separator: equals) + "</math>"
        }
        let rows = steps.enumerated().map { n, step in
            "<mtr><mtd>" + (n == 0 ? math.mathML(lhs) : "") + "</mtd><mtd>" + equals + "</mtd><mtd>" + math.mathML(step) + "</mtd></mtr>"
        }
        return "<math display=\"block\"><mtable class=\"chain\">" + rows.joined() + "</mtable></math>"
    }

    /// An HTML table of formulas; each operator of the rows gets a narrow cell of its own.
    private func table(header: [Math]?, rows: [[Math]], operators: [Math.Operator?]) -> String {
        func row(_ cells: [Math], tag: String) -> String {
            var parts: [String] = []
            for (c, cell) in cells.enumerated() {
                if c > 0, let op = c - 1 < operators.count ? operators[c - 1] : nil {
                    parts.append(tag == "th" ? "<th></th>" : "<td class=\"op\"><math>" + math.mathML(op) + "</math></td>")
                }
                parts.append("<\(tag)>" + (cell.pieces.isEmpty ? "" : inline(cell)) + "</\(tag)>")
            }
            return "<tr>" + parts.joined() + "</tr>"
        }
        let head = header.map { "<thead>" + row($0, tag: "th") + "</thead>" } ?? ""
        return "<table class=\"terms\">" + head + "<tbody>" + rows.map { row($0, tag: "td") }.joined() + "</tbody></table>"
    }

    private func html(_ inlines: [Document.Inline]) -> String {
        inlines.map { inline in
            switch inline {
            case .text(let text): return MathMLMath.escaped(text)
            case .math(let formula): return self.inline(formula)
            case .code(let code): return "<code>" + MathMLMath.escaped(code) + "</code>"
            case .sparkline(let curve): return MathMLMath.escaped(curve.text())
            case .layer(let l, let full):
                let label = "<math>" + math.label(l) + "</math>"
                return full ? label + " (<math>" + math.otherName(l) + "</math>)" : label
            }
        }.joined()
    }
}
