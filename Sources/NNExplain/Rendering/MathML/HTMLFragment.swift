/// One block of HTML as ``MathMLRenderer`` writes it, kept as a tree so a page can find the blocks
/// its views repeat and write each of them once (``SharedFragments``): a line of its own (a
/// paragraph, a display formula, a table), or an element whose opening line, children and closing
/// line enclose other blocks (a section with its heading, a nested working).
package struct HTMLFragment: Sendable, Hashable {
    /// The opening line: the whole block for a line of its own.
    package let open: String
    package let children: [HTMLFragment]
    /// The closing line; empty for a line of its own.
    package let close: String
    /// The block as the renderer's text: `open`, each child on lines of its own, `close`.
    package let text: String

    package init(_ line: String) {
        (open, children, close, text) = (line, [], "", line)
    }

    package init(open: String, children: [HTMLFragment], close: String) {
        (self.open, self.children, self.close) = (open, children, close)
        text = ([open] + children.map { $0.text } + [close]).joined(separator: "\n")
    }

    /// Whether the block encloses others (and so has a closing line).
    package var isElement: Bool { !close.isEmpty }

    /// Blocks one after another, one a line, as a document's HTML ends: with a newline.
    package static func text(_ blocks: [HTMLFragment]) -> String {
        blocks.map { $0.text + "\n" }.joined()
    }
}
