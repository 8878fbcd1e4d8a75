/// The sheet printed: a complete LaTeX document for `pdflatex`, with fields for the student's name
/// and number, a picture of the network with its numbers, and room to work under each question.
extension Exercise {
    /// The most weights between two layers whose picture labels every edge with its weight.
    static let labelledWeights = 9

    /// The sheet (or with `key` the key) as a complete LaTeX document: narrow margins and small
    /// type; the student's sheet has a name and a student-number field under the title and room to
    /// work under each question; both show the network as a picture (``Diagram`` laid out as the
    /// `diagram` command lays it out, drawn in TikZ with the given numbers only, never an
    /// activation); the key's working starts on a new page.
    ///
    /// - Parameters:
    ///   - key: whether to give the answers and the working.
    ///   - naming: how layers are labelled, in the text and the picture.
    ///   - precision: significant digits of every printed number.
    /// - Returns: a complete LaTeX document for `pdflatex`.
    public func latexPage(key: Bool, naming: LayerNaming, precision: Int) -> String {
        Exercise.latexDocument([latexBody(key: key, naming: naming, precision: precision)])
    }

    /// The roster's sheets (or keys) as one LaTeX document for `pdflatex`, each sheet starting on a
    /// page of its own: a booklet to print for the whole class.
    ///
    /// - Parameters:
    ///   - sheets: the sheets in the order to print them.
    ///   - key: whether to give each sheet's answers and working.
    ///   - precision: significant digits of every printed number.
    public static func latexBooklet(_ sheets: [Exercise], key: Bool, precision: Int) -> String {
        latexDocument(sheets.map { sheet in
            sheet.latexBody(key: key, naming: LayerNaming(depth: sheet.network.depth, relative: false), precision: precision,
                            layout: key ? .sheet : .bookletPage)
        })
    }

    /// How a sheet is laid out on paper.
    enum Layout {
        /// As `exercise --format latex` prints one sheet: room to work under each question, over
        /// two pages.
        case sheet
        /// One page of a booklet: small type, the layers' tables side by side, the picture at most
        /// 4 cm tall, the questions in two columns with less room; a page that would still be too
        /// tall is scaled down to fit.
        case bookletPage

        /// The height left under each question for the working.
        var room: String { self == .sheet ? "2.6cm" : "0.5cm" }
        /// The widest the network's picture may be, in centimetres.
        var pictureWidth: Double { self == .sheet ? 16.5 : 12 }
        /// The tallest the network's picture may be: on a booklet's page 4 cm, so the questions fit.
        var pictureHeight: String? { self == .sheet ? nil : "4cm" }
    }

    /// One sheet's page: the heading, the name fields (only on a sheet of a seed: a roster's sheet
    /// names its student), the network, its picture, the questions, and with `key` the working.
    func latexBody(key: Bool, naming: LayerNaming, precision: Int, layout: Layout = .sheet) -> String {
        let renderer = LatexRenderer(naming: naming, precision: precision)
        let parts = self.parts(key: key)
        func render(_ blocks: [Document.Block]) -> String { renderer.render(Document(blocks)) }
        let fields = "\\par\\medskip\\noindent Name: \\underline{\\hspace{8cm}}\\hfill Student number: \\underline{\\hspace{4.5cm}}\\par\\medskip\n"
        let diagram = Diagram(network: network, trace: network.uncheckedTrace(sample: 0), naming: naming,
                              precision: precision, checkedWeight: nil)
        // Up to 3 × 3 weights between two layers every edge carries its weight; beyond, the labels
        // could not all find a free place, and the tables give the weights.
        // On a booklet's small page the tables beside the picture give the weights.
        let labelled = layout == .sheet && zip(network.sizes, network.sizes.dropFirst()).allSatisfy { $0 * $1 <= Exercise.labelledWeights }
        let caption = labelled ? "" : "\\\\[2pt]{\\small The weights are in the tables above.}"
        var tikz = diagram.tikz(maxWidth: layout.pictureWidth, weightLabels: labelled)
        if let height = layout.pictureHeight {
            // Taller than `height` (three or four nodes in a layer), the picture is scaled down to it.
            tikz = "\\sbox0{" + tikz + "}\\ifdim\\dimexpr\\ht0+\\dp0\\relax>\(height)\\resizebox*{!}{\(height)}{\\usebox0}\\else\\usebox0\\fi"
        }
        let picture = "\\par\\medskip\\begin{center}\n" + tikz + caption + "\n\\end{center}\n"
        let room = key ? "" : "\\par\\vspace{\(layout.room)}\n"
        let questions = parts.questions.map { render($0) + room }
        guard layout == .bookletPage else {
            return render(parts.heading) + (key || owner != nil ? "" : fields) + render(parts.network) + picture
                + render([.gap, .section(heading: ["Questions"], blocks: [])]) + questions.joined()
                + (key ? "\\newpage\n" + render(parts.working) : "")
        }
        let half = (questions.count + 1) / 2
        let columns = [questions[..<half], questions[half...]].map { "\\begin{minipage}[t]{0.48\\textwidth}\n" + $0.joined() + "\\end{minipage}" }
        let body = render(parts.heading) + sideBySide(render) + picture + render([.gap, .section(heading: ["Questions"], blocks: [])])
            + "\\par\\noindent" + columns.joined(separator: "\\hfill\n") + "\\par\n"
        // The page is set in a box; a sheet that would not fit (four nodes a layer) is scaled to the page.
        return "\\setbox4=\\vbox{\\hsize=\\textwidth\\linewidth=\\textwidth\\small\n" + body + "}\n"
            + "\\noindent\\ifdim\\dimexpr\\ht4+\\dp4\\relax>0.98\\textheight\\resizebox*{!}{0.98\\textheight}{\\box4}\\else\\box4\\fi\n"
    }

    /// The most table columns a row of a booklet's page holds side by side.
    static let columnsInARow = 14

    /// The network as a booklet's page gives it: the layers' tables side by side, as many in a row
    /// as fit (``columnsInARow``, each table counting a column a weight of a row, and two more).
    private func sideBySide(_ render: ([Document.Block]) -> String) -> String {
        let given = self.given
        var rows: [[Int]] = [[]], used = 0
        for l in 1...given.tables.count {
            let columns = network.size(ofLayer: l - 1) + 2
            if used + columns > Exercise.columnsInARow, !rows[rows.count - 1].isEmpty { rows.append([]); used = 0 }
            rows[rows.count - 1].append(l - 1)
            used += columns
        }
        let table = rows.map { row in
            let width = "0.\(96 / row.count)"
            return "\\par\\noindent" + row.map { "\\begin{minipage}[t]{\(width)\\textwidth}\n" + render([given.tables[$0]]) + "\\end{minipage}" }
                .joined(separator: "\\hfill\n") + "\\par\n"
        }
        return render([.gap, .section(heading: ["The network"], blocks: given.intro)]) + table.joined() + render([given.sample])
    }

    /// A complete document of `pages`, each starting on a new page.
    private static func latexDocument(_ pages: [String]) -> String {
        """
        \\documentclass[10pt]{article}
        \\usepackage[utf8]{inputenc}
        \\usepackage{amsmath}
        \\usepackage{tikz}
        \\usepackage{graphicx}
        \\setlength{\\textwidth}{17cm}\\setlength{\\oddsidemargin}{-0.5cm}
        \\setlength{\\textheight}{26.5cm}\\setlength{\\topmargin}{-2.5cm}
        \\setlength{\\parindent}{0pt}\\pagestyle{empty}
        \\begin{document}
        \\allowdisplaybreaks
        \\setlength{\\abovedisplayskip}{2pt}\\setlength{\\belowdisplayskip}{2pt}
        \\setlength{\\abovedisplayshortskip}{0pt}\\setlength{\\belowdisplayshortskip}{2pt}

        \(pages.joined(separator: "\\clearpage\n"))
        \\end{document}

        """
    }
}
