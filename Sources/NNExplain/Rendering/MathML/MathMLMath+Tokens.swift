/// The small pieces MathML is spelled with: a base with scripts, a script as one token, `∂`, the
/// parentheses, and escaped character data.
extension MathMLMath {
    /// `base` with a subscript and a superscript, each left out when empty.
    static func scripted(_ base: String, sub: String, sup: String) -> String {
        switch (sub.isEmpty, sup.isEmpty) {
        case (true, true): return base
        case (false, true): return "<msub>" + base + tokens(sub) + "</msub>"
        case (true, false): return "<msup>" + base + tokens(sup) + "</msup>"
        case (false, false): return "<msubsup>" + base + tokens(sub) + tokens(sup) + "</msubsup>"
        }
    }

    /// A script such as `12`, `i′`, `L-1` or `j,k` as one token: `<mn>` when it is all digits,
    /// otherwise `<mi>` (upright when longer than a letter, as a label is in print). One token per
    /// script keeps a page's many `w_12^(L-1)` short.
    static func tokens(_ text: String) -> String {
        text.allSatisfy { $0.isNumber } ? "<mn>\(text)</mn>" : "<mi>\(escaped(text))</mi>"
    }

    /// `∂`, as an ordinary symbol (TeX's `\partial`): as an `<mo>` it would get operator spacing.
    static let partial = "<mi>∂</mi>"
    /// Parentheses that keep their size: TeX's `(` and `)` stretch only when asked (`\left(`), and
    /// Chromium draws stretchy ones with wide gaps inside them.
    static let open = "<mo stretchy=\"false\">(</mo>", close = "<mo stretchy=\"false\">)</mo>"

    /// Text made safe for HTML and MathML character data and attribute values (``XMLText/escaped(_:)``).
    static func escaped(_ text: String) -> String { XMLText.escaped(text) }
}
