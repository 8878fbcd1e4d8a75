/// Writes a ``Document`` as a complete beamer presentation for `pdflatex`: one frame per logical
/// block — the opening (title and prose), then each section (the chain rule, each term, the sum,
/// the result) — titled by its heading. Frames may break onto continuation frames between blocks,
/// and every display is a box scaled down, only when it must be, to the frame's width and to most
/// of its height, so nothing runs off a slide at either aspect ratio.
public struct BeamerRenderer: Sendable {
    /// The slide shape, `--aspect`.
    public enum Aspect: String, CaseIterable, Sendable {
        case standard = "4:3", wide = "16:9"

        /// beamer's `aspectratio` class option.
        var classOption: String { self == .standard ? "43" : "169" }
    }

    private let latex: LatexRenderer
    public var aspect: Aspect

    public init(naming: LayerNaming, precision: Int = TextRenderer.defaultPrecision, aspect: Aspect = .standard) {
        latex = LatexRenderer(naming: naming, precision: precision, layout: .frame)
        self.aspect = aspect
    }

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
        "\\begin{frame}[allowframebreaks=0.85]{\(frame.title)}\n" + latex.blocks(frame.blocks).joined(separator: "\n") + "\n\\end{frame}\n"
    }

    /// `\nnfit{box}` centres a display, scaled down to the line's width and to 70% of the text
    /// height when it is larger (pgfmath comes with beamer; graphicx scales).
    private var preamble: String {
        """
        \\documentclass[aspectratio=\(aspect.classOption)]{beamer}
        \\usepackage[utf8]{inputenc}
        \\usepackage{amsmath}
        \\setbeamertemplate{navigation symbols}{}
        \\setbeamertemplate{frametitle continuation}[from second][(continued)]
        \\newsavebox{\\nnbox}
        \\newdimen\\nnwidth \\newdimen\\nnheight
        \\newcommand{\\nnfit}[1]{\\par\\smallskip\\sbox{\\nnbox}{#1}%
          \\nnwidth=\\wd\\nnbox \\nnheight=\\ht\\nnbox \\advance\\nnheight by \\dp\\nnbox
          \\pgfmathsetmacro{\\nnscale}{min(1, \\linewidth/max(\\nnwidth, 1pt), 0.7\\textheight/max(\\nnheight, 1pt))}%
          \\noindent\\makebox[\\linewidth]{\\scalebox{\\nnscale}{\\usebox{\\nnbox}}}\\par\\smallskip}
        \\begin{document}

        """
    }
}
