/// Text escaped for XML character data and attribute values, stated once for every markup the
/// tool writes (the SVG diagram, the page's HTML and MathML, Graphviz's HTML-like labels).
enum XMLText {
    /// Where the text goes: XML proper, or a Graphviz HTML-like label, which knows the HTML entities
    /// but not `&apos;` and where a line break would be a layout instruction, not text.
    enum Target { case xml, graphvizLabel }

    static func escaped(_ s: String, for target: Target = .xml) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for c in s.unicodeScalars {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'" where target == .xml: out += "&apos;"
            default:
                // XML 1.0 forbids most control characters; drop them rather than emit an invalid document.
                if c.value < 0x20 && (target == .graphvizLabel || (c != "\t" && c != "\n" && c != "\r")) { continue }
                out.unicodeScalars.append(c)
            }
        }
        return out
    }
}
