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

    /// A renderer of LaTeX fragments, or with `standalone` of complete articles.
    /// - Parameters:
    ///   - naming: how layers are labelled.
    ///   - precision: significant digits of every printed number.
    ///   - standalone: whether ``render(_:)`` writes a complete `article` rather than a fragment.
    public init(naming: LayerNaming, precision: Int = TextRenderer.defaultPrecision, standalone: Bool = false) {
        self.init(naming: naming, precision: precision, layout: .page)
        self.standalone = standalone
    }

    /// The width of a display in ems: a 4:3 beamer frame's, 108 mm at 11 pt (the fragment's too,
    /// so that it fits a frame as well as an article's 345 pt at 10 pt).
    static let fragmentBudget = 27.0

    init(naming: LayerNaming, precision: Int, layout: Layout, budget: Double = LatexRenderer.fragmentBudget) {
        math = LatexMath(naming: naming, precision: precision, budget: budget)
        headingMath = LatexMath(naming: naming, precision: precision, slashedPartials: true, budget: budget)
        self.layout = layout
        standalone = false
    }

    /// The fragment in a group that lets its long runs of equations break across pages
    /// (`\\allowdisplaybreaks`) and its prose stretch a little more rather than run into the
    /// margin beside a long inline formula (`\\emergencystretch`), without touching the host.
    ///
    /// - Parameter document: the document to write.
    /// - Returns: the LaTeX source: a fragment, or with ``standalone`` an article for `pdflatex`.
    public func render(_ document: Document) -> String {
        let body = "\\begingroup\\allowdisplaybreaks\\emergencystretch=10em\n" + blocks(document.blocks).joined(separator: "\n") + "\n\\endgroup\n"
        guard standalone else { return body }
        return """
            \\documentclass{article}
            \\usepackage[utf8]{inputenc}
            \\usepackage{amsmath}
            \\begin{document}

            \(body)
            \\end{document}

            """
    }

    /// The blocks in order; consecutive equations share one display. `lastKeptWithNext`: the
    /// blocks are nested in a list whose next block is an equation.
    func blocks(_ blocks: [Document.Block], lastKeptWithNext: Bool = false) -> [String] {
        var out: [String] = []
        var equations: [[LatexMath.Row]] = []
        func equationFollows(_ n: Int) -> Bool {
            guard n + 1 < blocks.count else { return lastKeptWithNext }
            if case .equation = blocks[n + 1] { return true }
            return false
        }
        func closeEquations() {
            guard !equations.isEmpty else { return }
            out += displays(aligned: equations)
            equations = []
        }
        for (n, block) in blocks.enumerated() {
            if case .equation(let lhs, let steps, let chain) = block {
                equations.append(math.fittedRows(lhs, steps, chain: chain, budget: math.budget ?? LatexRenderer.fragmentBudget))
                continue
            }
            closeEquations()
            switch block {
            case .title(let inlines):
                // Ragged right: a heading's line is not justified, which would stretch its spaces.
                out.append("\\par\\noindent{\\raggedright\\large\\bfseries \(heading(inlines))\\par}\\smallskip")
            case .paragraph(let inlines):
                // On a slide the line that introduces a display stays on its frame.
                let introducesDisplay = layout == .frame && n + 1 < blocks.count && blocks[n + 1].isDisplay
                out.append(text(inlines) + (introducesDisplay ? "\\par\\nopagebreak\n" : "\n"))
            case .section(let title, let children):
                out.append(sectionHeading(title, beforeDisplay: children.first?.isDisplay ?? false))
                out += self.blocks(children)
            case .nested(let children):
                out += self.blocks(children, lastKeptWithNext: equationFollows(n))
            case .reason(let lines):
                out.append("\\emph{Why:} " + lines.map(text).joined(separator: " ") + "\n")
            case .table(let header, let rows, let operators):
                // On a slide a table of terms stays with the equation that sums them.
                out.append(table(header: header, rows: rows, operators: operators, keptWithNext: layout == .frame && equationFollows(n)))
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
    /// equations, at most ``rowsPerBox`` rows and ``boxHeight`` ems each when they fit, so that a
    /// frame can break between them and a long run is not shrunk to fit a single slide. An
    /// equation is never cut: one taller than that is a box of its own, scaled by `\nnfit` to fit
    /// the frame, since a frame that ends at one of its rows would show a part of it as the whole
    /// (`δ = ∂C/∂a ⊙ g′ = [∂C/∂a's numbers]`, its `⊙ g′`'s numbers on the next frame).
    private func displays(aligned equations: [[LatexMath.Row]]) -> [String] {
        // On a page the display may break between equations but never inside one (`\\*`), so
        // that no step or result is orphaned at the top of the next page.
        guard layout == .frame else {
            return ["\\begin{align*}\n" + equations.map { $0.map { $0.text }.joined(separator: " \\\\*\n") }.joined(separator: " \\\\\n") + "\n\\end{align*}"]
        }
        func height(_ rows: [LatexMath.Row]) -> Double { rows.map { $0.height }.reduce(0, +) }
        var boxes: [[LatexMath.Row]] = []
        for rows in equations {
            if let last = boxes.last, last.count + rows.count <= LatexRenderer.rowsPerBox, height(last + rows) <= LatexRenderer.boxHeight {
                boxes[boxes.count - 1] += rows
            } else {
                boxes.append(rows)
            }
        }
        return boxes.map { "\\nnfit{$\\displaystyle\\begin{aligned}\n" + $0.map { $0.text }.joined(separator: " \\\\\n") + "\n\\end{aligned}$}" }
    }

    /// The height of a display box on a slide, in ems of 11 pt: about half a frame's text.
    static let boxHeight = 10.0
    static let rowsPerBox = 6
    /// The rows of a table's piece on a page: at \\small with its rows spaced out, about a third of a page.
    static let rowsPerPageTable = 12

    /// A table too wide for ``LatexMath/budget`` in groups of columns, each a table of its own with
    /// the first column (the row labels) repeated, as the text renderer groups them; a group breaks
    /// only where no operator joins two columns. On a slide the budget is what `\nnfit` can reach
    /// at its least scale, ``BeamerRenderer/minimumScale``: a row read across (a gradient, its
    /// finite difference and their relative error) is split only when 80% of the type would not hold it.
    private func table(header: [Math]?, rows: [[Math]], operators: [Math.Operator?], keptWithNext: Bool = false) -> String {
        let columns = ((header.map { [$0] } ?? []) + rows).map { $0.count }.max() ?? 0
        guard let line = math.budget, columns > 2 else {
            return groupTable(header: header, rows: rows, operators: operators, keptWithNext: keptWithNext)
        }
        let budget = layout == .frame ? line / BeamerRenderer.minimumScale : line
        // A cell in `\small` with its 3 pt gaps on both sides.
        func width(_ c: Int) -> Double {
            let cells = rows.compactMap { c < $0.count ? $0[c] : nil }
            let head = header.flatMap { c < $0.count ? headingMath.width($0[c]) : nil } ?? 0
            return 0.9 * max(head, cells.map(math.width).max() ?? 0) + 0.6
        }
        var groups: [[Int]] = [[]], used = width(0)
        for c in 1..<columns {
            let op = c - 1 < operators.count ? operators[c - 1] : nil
            if !(groups.last ?? []).isEmpty, op == nil || op == .bar, used + width(c) > budget {
                groups.append([])
                used = width(0)
            }
            groups[groups.count - 1].append(c)
            used += width(c) + (op == nil || op == .bar ? 0 : 1.2)
        }
        guard groups.count > 1 else { return groupTable(header: header, rows: rows, operators: operators, keptWithNext: keptWithNext) }
        return groups.enumerated().map { n, group in
            let kept = [0] + group
            func cells(_ row: [Math]) -> [Math] { kept.map { $0 < row.count ? row[$0] : [] } }
            return groupTable(header: header.map(cells), rows: rows.map(cells),
                              operators: group.map { $0 - 1 < operators.count ? operators[$0 - 1] : nil },
                              keptWithNext: keptWithNext && n == groups.count - 1)
        }.joined(separator: "\n")
    }

    /// A table as an `array` in display math; operators get their own centred columns. The rows
    /// are spaced out so that a `\frac` in one clears the next; the header's partials are slashed.
    /// With `keptWithNext`, on a slide its last piece is set aside (`\nnkeep`) to share the box
    /// of the display after it, so that a table of summands stays with their sum.
    private func groupTable(header: [Math]?, rows: [[Math]], operators: [Math.Operator?], keptWithNext: Bool) -> String {
        let columns = ((header.map { [$0] } ?? []) + rows).map { $0.count }.max() ?? 0
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
        case .page:
            // On a page a long table goes on in pieces of ``rowsPerPageTable`` rows, each with the
            // header, so that it can break across pages (an `array` cannot).
            let pieces = stride(from: 0, to: max(rows.count, 1), by: LatexRenderer.rowsPerPageTable).map {
                "\\[\n" + array(rows[$0..<min($0 + LatexRenderer.rowsPerPageTable, rows.count)]) + "\n\\]"
            }
            return setting + pieces.joined(separator: "\n") + "\n\\endgroup"
        case .frame:
            // On a slide a long table goes on in pieces of ``rowsPerBox`` rows, each with the header.
            let starts = Array(stride(from: 0, to: max(rows.count, 1), by: LatexRenderer.rowsPerBox))
            let pieces = starts.map {
                (keptWithNext && $0 == starts.last ? "\\nnkeep{$" : "\\nnfit{$")
                    + array(rows[$0..<min($0 + LatexRenderer.rowsPerBox, rows.count)]) + "$}"
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
            // pdflatex's fonts have no block characters: each point is a rule of its height, 0.2ex a step.
            case .sparkline(let curve):
                return "\\mbox{" + curve.heights.map { "\\rule{0.4em}{\\dimexpr 0.2ex*\($0 + 1)\\relax}" }.joined(separator: "\\hspace{0.1em}") + "}"
            case .layer(let l, let full):
                // The label as math, `$L-1$`, like the `a^{L-1}` beside it; then `($l = 2$)`.
                let label = math.naming.label(l)
                return "$\(label.replacingAll("-", with: "{-}"))$" + (full ? LatexProse.text(String(math.naming.fullName(l).dropFirst(label.count))) : "")
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
