/// Writes a ``Document`` as a LaTeX fragment that needs only amsmath and compiles in an `article`
/// as well as inside a beamer frame: headings as bold lines of their own (not `\paragraph`, which
/// beamer lacks and which runs the first line into the heading), each run of equations as one
/// `align*` with the `=` aligned, tables as `array`s in display math. `standalone` wraps it in a
/// complete `article` that compiles with `pdflatex`.
public struct LatexRenderer: Sendable {
    /// How displays are set: on a page they may break across pages; in a beamer frame each is a
    /// box scaled down, if it must be, to fit the frame (`\nnfit`, defined by ``BeamerRenderer``).
    enum Layout: Sendable { case page, frame }

    private let math: LatexMath
    /// The same, with `∂C/∂w` slashed: for headings and table headers.
    private let headingMath: LatexMath
    private let layout: Layout
    public var standalone: Bool

    public init(naming: LayerNaming, precision: Int = TextRenderer.defaultPrecision, standalone: Bool = false) {
        self.init(naming: naming, precision: precision, layout: .page)
        self.standalone = standalone
    }

    init(naming: LayerNaming, precision: Int, layout: Layout) {
        math = LatexMath(naming: naming, precision: precision)
        headingMath = LatexMath(naming: naming, precision: precision, slashedPartials: true)
        self.layout = layout
        standalone = false
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

    /// The blocks in order; consecutive equations share one display.
    func blocks(_ blocks: [Document.Block]) -> [String] {
        var out: [String] = []
        var equations: [[String]] = []
        func closeEquations() {
            guard !equations.isEmpty else { return }
            out += displays(aligned: equations)
            equations = []
        }
        for block in blocks {
            if case .equation(let lhs, let steps, let chain) = block {
                equations.append(math.alignedRows(lhs, steps, chain: chain, termsPerRow: layout == .frame ? LatexRenderer.termsPerRow : nil))
                continue
            }
            closeEquations()
            switch block {
            case .title(let inlines):
                out.append("\\par\\noindent{\\large\\bfseries \(heading(inlines))}\\par\\smallskip")
            case .paragraph(let inlines):
                out.append(text(inlines) + "\n")
            case .section(let title, let children):
                out.append(sectionHeading(title, beforeDisplay: children.first?.isDisplay ?? false))
                out += self.blocks(children)
            case .nested(let children):
                out += self.blocks(children)
            case .reason(let lines):
                out.append("\\emph{Why:} " + lines.map(text).joined(separator: " ") + "\n")
            case .table(let header, let rows, let operators):
                out.append(table(header: header, rows: rows, operators: operators))
            case .gap, .equation:
                break
            }
        }
        closeEquations()
        return out
    }

    /// A heading on a line of its own, kept with what follows it. Before a display the paragraph
    /// stays open, so that the display does not start with an empty line.
    func sectionHeading(_ inlines: [Document.Inline], beforeDisplay: Bool) -> String {
        "\\par\\medskip\\noindent\\textbf{\(heading(inlines))}\\nopagebreak" + (beforeDisplay ? "" : "\\par")
    }

    /// Heading text: formulas with slashed, full-size partials.
    func heading(_ inlines: [Document.Inline]) -> String { LatexRenderer.text(inlines, math: headingMath) }

    /// The rows of consecutive equations: on a page one `align*`; in a frame, boxes of whole
    /// equations, at most ``rowsPerBox`` rows each unless one equation is longer, so that a frame
    /// can break between them and a long run is not shrunk to fit a single slide.
    private func displays(aligned equations: [[String]]) -> [String] {
        func joined(_ rows: [String]) -> String { rows.joined(separator: " \\\\\n") }
        // On a page the display may break between equations but never inside one (`\\*`), so
        // that no step or result is orphaned at the top of the next page.
        guard layout == .frame else {
            return ["\\begin{align*}\n" + equations.map { $0.joined(separator: " \\\\*\n") }.joined(separator: " \\\\\n") + "\n\\end{align*}"]
        }
        var boxes: [[String]] = []
        for rows in equations {
            if let last = boxes.last, last.count + rows.count <= LatexRenderer.rowsPerBox {
                boxes[boxes.count - 1] += rows
            } else {
                boxes.append(rows)
            }
        }
        return boxes.map { "\\nnfit{$\\displaystyle\\begin{aligned}\n" + joined($0) + "\n\\end{aligned}$}" }
    }

    static let rowsPerBox = 6
    /// The terms of a sum on one row of a slide.
    static let termsPerRow = 3

    /// A table as an `array` in display math; operators get their own centred columns. The rows
    /// are spaced out so that a `\frac` in one clears the next; the header's partials are slashed.
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
                parts.append((isHeader ? headingMath : math).latex(cell))
            }
            return parts.joined(separator: " & ")
        }
        let headerLine = header.map { [row($0, isHeader: true) + " \\\\ \\hline"] } ?? []
        func array(_ rows: ArraySlice<[Math]>) -> String {
            "\\begin{array}{\(spec)}\n" + (headerLine + rows.map { row($0, isHeader: false) + " \\\\" }).joined(separator: "\n") + "\n\\end{array}"
        }
        // Tables are set a size smaller with narrower gaps, so that wide ones still fit the page.
        let setting = "\\begingroup\\small\\setlength{\\arraycolsep}{3pt}\\renewcommand{\\arraystretch}{1.7}\n"
        switch layout {
        case .page: return setting + "\\[\n" + array(rows[...]) + "\n\\]\n\\endgroup"
        case .frame:
            // On a slide a long table goes on in pieces of ``rowsPerBox`` rows, each with the header.
            let pieces = stride(from: 0, to: max(rows.count, 1), by: LatexRenderer.rowsPerBox).map {
                "\\nnfit{$" + array(rows[$0..<min($0 + LatexRenderer.rowsPerBox, rows.count)]) + "$}"
            }
            return setting + pieces.joined(separator: "\n") + "\n\\endgroup"
        }
    }

    func text(_ inlines: [Document.Inline]) -> String { LatexRenderer.text(inlines, math: math) }

    private static func text(_ inlines: [Document.Inline], math: LatexMath) -> String {
        inlines.map { inline in
            switch inline {
            case .text(let text): return LatexProse.text(text)
            case .math(let formula): return "$" + math.latex(formula) + "$"
            case .code(let code): return "\\texttt{" + LatexProse.escaped(code) + "}"
            case .layer(let l, let full):
                // The label as math, `$L-1$`, like the `a^{L-1}` beside it; then `($l = 2$)`.
                let label = math.naming.label(l)
                return "$\(label.replacing("-", with: "{-}"))$" + (full ? LatexProse.text(String(math.naming.fullName(l).dropFirst(label.count))) : "")
            }
        }.joined()
    }
}

extension Document.Block {
    /// Whether the block is set as a display (equation or table) in LaTeX.
    var isDisplay: Bool {
        switch self {
        case .equation, .table: return true
        case .nested(let blocks): return blocks.first?.isDisplay ?? false
        default: return false
        }
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
