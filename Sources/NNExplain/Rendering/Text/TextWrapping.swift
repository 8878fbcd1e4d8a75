/// Line breaking for terminal text, measured in display columns: what a terminal shows, not what
/// Swift counts. A combining mark takes no column, an East Asian wide character or emoji takes two,
/// and an ANSI escape sequence takes none.
package enum TextWrapping {
    /// The columns `text` takes on a terminal.
    package static func displayWidth(_ text: String) -> Int {
        var width = 0
        var inEscape = false
        for scalar in text.unicodeScalars {
            if inEscape {
                if (0x40...0x7E).contains(scalar.value) && scalar != "[" { inEscape = false }
                continue
            }
            if scalar == "\u{1B}" { inEscape = true; continue }
            width += columns(scalar)
        }
        return width
    }

    /// 0 for combining marks, joiners and variation selectors, 2 for wide characters, else 1.
    static func columns(_ scalar: Unicode.Scalar) -> Int {
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format, .control: return 0
        default: break
        }
        let v = scalar.value
        if (0xFE00...0xFE0F).contains(v) { return 0 }
        let wide: [ClosedRange<UInt32>] = [
            0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF,
            0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6,
            0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x3FFFD,
        ]
        return wide.contains { $0.contains(v) } ? 2 : 1
    }

    /// Prose in lines of at most `width` columns, broken at spaces: the first line starts with
    /// `first`, the others with `rest`. A word longer than a line stays whole on its own line.
    package static func prose(_ text: String, width: Int, first: String, rest: String) -> [String] {
        fill(text.split(separator: " ", omittingEmptySubsequences: false).enumerated().map { n, word in
            n == 0 ? String(word) : " " + word
        }, width: width, first: first, rest: rest)
    }

    /// A formula in lines of at most `width` columns, broken only after an operator (` = `, ` + `,
    /// ` − `, ` · `, …, in Unicode or ASCII spelling), continuation lines indented by `rest` (a
    /// hanging indent). A piece that cannot be broken stays whole.
    package static func formula(_ text: String, width: Int, first: String, rest: String) -> [String] {
        fill(formulaPieces(text), width: width, first: first, rest: rest)
    }

    static let operators: Set<String> = ["=", "+", "−", "-", "·", "*", "≤", "<=", ">", "⊙", ".*", "→", "->"]

    /// `text` cut after each ` op ` so that the pieces joined give `text` back.
    static func formulaPieces(_ text: String) -> [String] {
        let words = text.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
        var pieces: [String] = []
        var current = ""
        for (n, word) in words.enumerated() {
            current += (n == 0 ? "" : " ") + word
            if operators.contains(word) && n > 0 && n < words.count - 1 {
                pieces.append(current)
                current = ""
            }
        }
        pieces.append(current)
        return pieces
    }

    /// Pieces put on lines greedily; a piece that starts a continuation line loses its leading space.
    static func fill(_ pieces: [String], width: Int, first: String, rest: String) -> [String] {
        var lines: [String] = []
        var line = first
        var lineHasContent = false
        for piece in pieces {
            if lineHasContent && displayWidth(line + piece) > width {
                lines.append(line)
                line = rest + piece.drop { $0 == " " }
            } else {
                line += piece
            }
            lineHasContent = true
        }
        lines.append(line)
        return lines
    }
}

extension TextWrapping {
    /// `rows` with every column whose cells are all plain decimals (`-0.5`, `12`, `9.8e-05`) padded
    /// on both sides to one width, their decimal points (or where an integer's would be) in one
    /// column, so they stay aligned however the table then aligns or trims the cells.
    package static func decimalAligned(_ rows: [[String]]) -> [[String]] {
        let columns = rows.map { $0.count }.max() ?? 0
        var aligned = rows
        for c in 0..<columns {
            let cells = rows.compactMap { c < $0.count ? $0[c] : nil }
            guard !cells.isEmpty, cells.allSatisfy(isPlainDecimal), cells.contains(where: { $0.contains(".") }) else { continue }
            let whole = cells.map(wholeWidth).max() ?? 0, fraction = cells.map(fractionWidth).max() ?? 0
            for r in rows.indices where c < rows[r].count {
                let cell = rows[r][c]
                let right = fraction - fractionWidth(cell) + (cell.contains(".") ? 0 : 1)
                aligned[r][c] = String(repeating: " ", count: whole - wholeWidth(cell)) + cell + String(repeating: " ", count: right)
            }
        }
        return aligned
    }

    /// The characters before the decimal point, all of them without one.
    static func wholeWidth(_ cell: String) -> Int { cell.count - fractionWidth(cell) - (cell.contains(".") ? 1 : 0) }

    /// The characters after the decimal point, 0 without one.
    static func fractionWidth(_ cell: String) -> Int {
        cell.firstIndex(of: ".").map { cell.distance(from: $0, to: cell.endIndex) - 1 } ?? 0
    }

    static func isPlainDecimal(_ cell: String) -> Bool {
        let parts = cell.split(separator: "e", omittingEmptySubsequences: false)
        guard parts.count <= 2 else { return false }
        let body = parts[0].hasPrefix("-") ? parts[0].dropFirst() : parts[0]
        let exponent = parts.count == 2 ? parts[1].drop { $0 == "-" || $0 == "+" } : "0"
        return !body.isEmpty && !exponent.isEmpty && exponent.allSatisfy { $0.isASCII && $0.isNumber }
            && body.allSatisfy { $0.isASCII && ($0.isNumber || $0 == ".") } && body.filter { $0 == "." }.count <= 1
    }
}
