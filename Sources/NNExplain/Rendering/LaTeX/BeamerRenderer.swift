/// Writes a ``Document`` as a complete beamer presentation for `pdflatex`: one frame per logical
/// block — the opening (title and prose), then each section (the chain rule, each term, the sum,
/// the result) — titled by its heading. Frames may break onto continuation frames between blocks,
/// every display is laid out for the frame's width (rows, elided matrix columns, table column
/// groups) and scaled down only by what the estimate missed, so nothing runs off a slide at
/// either aspect ratio.
public struct BeamerRenderer: Sendable {
    /// The slide shape, `--aspect`.
    public enum Aspect: String, CaseIterable, Sendable {
        case standard = "4:3", wide = "16:9"

        /// beamer's `aspectratio` class option.
        var classOption: String { self == .standard ? "43" : "169" }

        /// The frame's text width in ems of its 11 pt font: 108 mm or 140 mm, the paper less
        /// beamer's two 1 cm margins, with a little to spare.
        var budget: Double { self == .standard ? 27 : 35 }
    }

    /// The significant digits of a slide's numbers unless told otherwise: four can be read from
    /// the back of a lecture room, nine cannot, and four tell the same story.
    public static let defaultPrecision = 4

    /// The least scale a display's width is fitted with: 80% of 11 pt on a slide is still larger
    /// than an article's footnotes.
    static let minimumScale = 0.8

    private let latex: LatexRenderer
    public let aspect: Aspect

    /// A renderer of beamer presentations.
    /// - Parameters:
    ///   - naming: how layers are labelled.
    ///   - precision: significant digits of every printed number.
    ///   - aspect: the slide shape.
    public init(naming: LayerNaming, precision: Int = BeamerRenderer.defaultPrecision, aspect: Aspect = .standard) {
        latex = LatexRenderer(naming: naming, precision: precision, layout: .frame, budget: aspect.budget)
        self.aspect = aspect
    }

    /// The document as a beamer presentation.
    /// - Parameter document: the document to write.
    /// - Returns: a complete LaTeX source for `pdflatex`.
    public func render(_ document: Document) -> String {
        preamble + frames(document.blocks).map(frame).joined(separator: "\n") + "\n\\end{document}\n"
    }

    private struct Frame {
        var title: String
        var blocks: [Document.Block] = []
    }

    /// The document's top-level blocks grouped into frames: a section is a frame of its own, and
    /// the blocks between sections share one, titled by the document's title.
    private func frames(_ blocks: [Document.Block]) -> [Frame] {
        var frames: [Frame] = []
        var title = ""
        var open: Frame?
        func close() {
            if let frame = open, frame.blocks.contains(where: { $0 != .gap }) { frames.append(frame) }
            open = nil
        }
        for block in blocks {
            switch block {
            case .title(let inlines):
                close()
                title = latex.heading(inlines)
                open = Frame(title: title)
            case .section(let heading, let children):
                close()
                frames.append(Frame(title: latex.heading(heading), blocks: children))
            default:
                if open == nil { open = Frame(title: title) }
                open?.blocks.append(block)
            }
        }
        close()
        return frames
    }

    private func frame(_ frame: Frame) -> String {
        "\\begin{frame}[allowframebreaks=0.75]{\(frame.title)}\n" + latex.blocks(frame.blocks).joined(separator: "\n") + "\n\\end{frame}\n"
    }

    /// `\nnfit{box}` centres a display, scaled down to the line's width and to 55% of the text
    /// height when it is larger (pgfmath comes with beamer; graphicx scales). For its width never
    /// below ``minimumScale``; a display is taller than 55% of a frame only when it holds tall
    /// matrices on several rows (an equation is never cut across frames), which is shrunk to leave
    /// room for the line introducing it and its Why. Displays are laid out to fit (``LatexMath/fittedRows(_:_:chain:budget:)``),
    /// so the scale only absorbs the estimate's error, and a display that would need more runs
    /// over as an overfull `\hbox` in the log (it sits in `\hbox to\linewidth` between `\hfil`s,
    /// which cannot shrink) rather than being shrunk out of legibility. Paragraphs are never split
    /// across frames (`\interlinepenalty`), so a continuation frame starts between blocks;
    /// `\nnkeep{box}` sets a box aside for the next `\nnfit` to stack above its own, one box
    /// that no frame break can part (a penalty between the two would stop beamer's frame breaks).
    private var preamble: String {
        """
        \\documentclass[aspectratio=\(aspect.classOption)]{beamer}
        \\usepackage[utf8]{inputenc}
        \\usepackage{amsmath}
        \\setbeamertemplate{navigation symbols}{}
        \\setbeamertemplate{frametitle continuation}[from second][(continued)]
        \\newsavebox{\\nnbox}
        \\newdimen\\nnwidth \\newdimen\\nnheight
        \\newsavebox{\\nnkept}\\newif\\ifnnkept
        \\newcommand{\\nnkeep}[1]{\\global\\setbox\\nnkept=\\hbox{#1}\\global\\nnkepttrue}
        \\newcommand{\\nnfit}[1]{\\par\\smallskip\\ifnnkept\\sbox{\\nnbox}{\\begin{tabular}{@{}c@{}}\\usebox{\\nnkept}\\\\[0.5ex]#1\\end{tabular}}\\global\\nnkeptfalse
          \\else\\sbox{\\nnbox}{#1}\\fi
          \\nnwidth=\\wd\\nnbox \\nnheight=\\ht\\nnbox \\advance\\nnheight by \\dp\\nnbox
          \\pgfmathsetmacro{\\nnscale}{min(1, max(\(BeamerRenderer.minimumScale), \\linewidth/max(\\nnwidth, 1pt)), 0.55\\textheight/max(\\nnheight, 1pt))}%
          \\noindent\\hbox to\\linewidth{\\hfil\\scalebox{\\nnscale}{\\usebox{\\nnbox}}\\hfil}\\par\\smallskip}
        \\interlinepenalty=10000
        \\begin{document}

        """
    }
}
