/// Text escaped for XML character data and attribute values, stated once for every markup the
/// tool writes (the SVG diagram, the page's HTML and MathML, Graphviz's HTML-like labels).
enum XMLText {
    /// Where the text goes: XML proper, or a Graphviz HTML-like label, which knows the HTML entities
    /// but not `&apos;` and where a line break would be a layout instruction, not text.
    enum Target { case xml, graphvizLabel }

    private static let amp = Array("&amp;".utf8), lt = Array("&lt;".utf8), gt = Array("&gt;".utf8)
    private static let quot = Array("&quot;".utf8), apos = Array("&apos;".utf8)

    static func escaped(_ s: String, for target: Target = .xml) -> String {
        // Every character replaced or dropped is ASCII, and no byte of a longer UTF-8 sequence is:
        // bytes will do, and are quick on the megabytes of a class's quiz.
        var out: [UInt8] = []
        out.reserveCapacity(s.utf8.count)
        for byte in s.utf8 {
            switch byte {
            case 0x26: out.append(contentsOf: amp)  // &
            case 0x3C: out.append(contentsOf: lt)  // <
            case 0x3E: out.append(contentsOf: gt)  // >
            case 0x22: out.append(contentsOf: quot)  // "
            case 0x27 where target == .xml: out.append(contentsOf: apos)  // '
            case 0x09, 0x0A, 0x0D: if target == .xml { out.append(byte) }  // a line break is layout in a Graphviz label
            case ..<0x20: continue  // XML 1.0 forbids most control characters: dropped, not an invalid document
            default: out.append(byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
