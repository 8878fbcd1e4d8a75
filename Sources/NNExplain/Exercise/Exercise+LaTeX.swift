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
        /// One page of a booklet: small type, the questions in two columns with less room.
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
        let labelled = zip(network.sizes, network.sizes.dropFirst()).allSatisfy { $0 * $1 <= Exercise.labelledWeights }
        let caption = labelled ? "" : "\\\\[2pt]{\\small The weights are in the tables above.}"
        var tikz = diagram.tikz(maxWidth: layout.pictureWidth, weightLabels: labelled)
        if let height = layout.pictureHeight {
            // Taller than `height` (three or four nodes in a layer), the picture is scaled down to it.
            tikz = "\\sbox0{" + tikz + "}\\ifdim\\dimexpr\\ht0+\\dp0\\relax>\(height)\\resizebox{!}{\(height)}{\\usebox0}\\else\\usebox0\\fi"
        }
        let picture = "\\par\\medskip\\begin{center}\n" + tikz + caption + "\n\\end{center}\n"
        let room = key ? "" : "\\par\\vspace{\(layout.room)}\n"
        var questions = parts.questions.map { render($0) + room }.joined()
        if layout == .bookletPage { questions = "\\begin{multicols}{2}\n" + questions + "\\end{multicols}\n" }
        let network = layout == .sheet ? render(parts.network) : sideBySide(render)
        let body = render(parts.heading) + (key || owner != nil ? "" : fields) + network + picture
            + render([.gap, .section(heading: ["Questions"], blocks: [])]) + questions
            + (key ? "\\newpage\n" + render(parts.working) : "")
        return layout == .bookletPage ? "{\\small\n" + body + "}\n" : body
    }

    /// The network as a booklet's page gives it: the layers' tables side by side.
    private func sideBySide(_ render: ([Document.Block]) -> String) -> String {
        let given = self.given, width = "0.\(96 / given.tables.count)"
        let tables = given.tables.map { "\\begin{minipage}[t]{\(width)\\textwidth}\n" + render([$0]) + "\\end{minipage}" }
        return render([.gap, .section(heading: ["The network"], blocks: given.intro)]) + "\\par\\noindent"
            + tables.joined(separator: "\\hfill\n") + "\\par\n" + render([given.sample])
    }

    /// A complete document of `pages`, each starting on a new page.
    private static func latexDocument(_ pages: [String]) -> String {
        """
        \\documentclass[10pt]{article}
        \\usepackage[utf8]{inputenc}
        \\usepackage{amsmath}
        \\usepackage{tikz}
        \\usepackage{multicol}
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
