/// How the text renderers draw a ``Sparkline``.
extension Sparkline {
    /// The block characters of the heights, ▁ (0) to █ (7).
    static let blocks: [Character] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]
    /// Plain ASCII stand-ins for ``blocks``, lowest first, for `--ascii`.
    static let asciiBlocks: [Character] = ["_", ".", "-", "~", "=", "+", "*", "#"]

    /// The curve in block characters, `█▆▃▁`; in ASCII characters, `#+-_`, when `ascii`.
    func text(ascii: Bool = false) -> String {
        let characters = ascii ? Sparkline.asciiBlocks : Sparkline.blocks
        return String(heights.map { characters[$0] })
    }
}
