/// The sheet printed: a complete LaTeX document for `pdflatex`, with fields for the student's name
/// and number, a picture of the network with its numbers, and room to work under each question.
extension Exercise {
    /// The height left under each question of the student's sheet for the working.
    static let roomToWork = "2.6cm"

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
        let picture = "\\par\\medskip\\begin{center}\n" + diagram.tikz(maxWidth: 16.5, weightLabels: labelled) + caption + "\n\\end{center}\n"
        let room = key ? "" : "\\par\\vspace{\(Exercise.roomToWork)}\n"
        let questions = parts.questions.map { render($0) + room }.joined()
        return """
            \\documentclass[10pt]{article}
            \\usepackage[utf8]{inputenc}
            \\usepackage{amsmath}
            \\usepackage{tikz}
            \\setlength{\\textwidth}{17cm}\\setlength{\\oddsidemargin}{-0.5cm}
            \\setlength{\\textheight}{26.5cm}\\setlength{\\topmargin}{-2.5cm}
            \\setlength{\\parindent}{0pt}\\pagestyle{empty}
            \\begin{document}
            \\allowdisplaybreaks
            \\setlength{\\abovedisplayskip}{2pt}\\setlength{\\belowdisplayskip}{2pt}
            \\setlength{\\abovedisplayshortskip}{0pt}\\setlength{\\belowdisplayshortskip}{2pt}

            \(render(parts.heading))\(key || owner != nil ? "" : fields)\(render(parts.network))\(picture)\(render([.gap, .section(heading: ["Questions"], blocks: [])]))\(questions)\(key ? "\\newpage\n" + render(parts.working) : "")
            \\end{document}

            """
    }
}
