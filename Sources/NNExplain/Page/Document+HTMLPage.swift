/// A document alone on a web page, such as a class report: the same blocks the text and Markdown
/// renderers write, as HTML with MathML (``MathMLRenderer``), in a page that loads nothing.
extension Document {
    /// The document as one self-contained HTML5 page (UTF-8, no script, nothing fetched): the title
    /// as the page's heading, sections below it, tables with their numbers right-aligned.
    ///
    /// - Parameters:
    ///   - title: the page's title (the browser tab's); escaped.
    ///   - naming: how layers are labelled.
    ///   - precision: significant digits of every printed number.
    public func htmlPage(title: String, naming: LayerNaming, precision: Int = TextRenderer.defaultPrecision) -> String {
        let body = MathMLRenderer(naming: naming, precision: precision, headingLevel: 1).render(self)
        return ["<!DOCTYPE html>", "<html lang=\"en\">", "<head>", "<meta charset=\"utf-8\">",
                "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">",
                "<title>" + MathMLMath.escaped(title) + "</title>", "<style>", Document.pageStyle, "</style>", "</head>",
                "<body>", "<main>", body, "</main>", "</body>", "</html>"].joined(separator: "\n") + "\n"
    }

    /// The page's look: a readable column, tables with a rule under the header and numbers to the right.
    static let pageStyle = """
        body { font-family: "DejaVu Sans", system-ui, sans-serif; line-height: 1.45; margin: 0; color: #1a1a1a; }
        main { max-width: 60rem; margin: 0 auto; padding: 1rem 1.5rem 3rem; }
        h1 { font-size: 1.6rem; } h2 { font-size: 1.25rem; margin-top: 1.6rem; }
        math { font-size: 1.15em; }
        table { border-collapse: collapse; margin: 0.5rem 0; }
        td, th { padding: 0.2rem 0.7rem; text-align: right; }
        th { border-bottom: 1px solid #888888; font-weight: normal; }
        tbody tr:nth-child(even) { background: #f3f3f3; }
        """
}
