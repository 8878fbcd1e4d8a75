/// How ``TextRenderer`` lays out an equation whose formulas hold matrices of numbers: each matrix as
/// a block of right-aligned columns between tall brackets with its shape centred under it, the rest
/// of the formula on the matrices' middle row, and the whole broken before an operator wherever it
/// would pass the renderer's ``TextRenderer/width`` (``TextRenderer/matrixLineWidth`` without one).
extension TextRenderer {
    /// The columns an equation of matrices keeps within, indentation included, when its pieces fit
    /// and no narrower ``TextRenderer/width`` is asked for.
    package static let matrixLineWidth = 100

    /// A rectangle of text: its lines, all as wide as `width`, and the row the formula runs along.
    private struct Box {
        var lines: [String]
        var baseline: Int
        var width: Int { lines.map { $0.count }.max() ?? 0 }
    }

    /// The lines of `parts[0] = parts[1] = …` with its matrices written out, indented by `indent`.
    func matrixLines(_ parts: [Math], indent: Int) -> [String] {
        // Boxes alternate between formula text (operators, symbols) and matrices; a text box ends
        // before each operator but a matrix product's space, so a line can break there.
        var boxes: [Box] = [], buffer = ""
        func flush() {
            if !buffer.isEmpty { boxes.append(Box(lines: [buffer], baseline: 0)) }
            buffer = ""
        }
        for (n, part) in parts.enumerated() {
            if n > 0 { flush(); buffer += " = " }
            for piece in part.pieces {
                if case .op(let op) = piece, op != .matrixProduct { flush() }
                guard case .matrix(let rows) = piece else {
                    buffer += spelled(text(piece))
                    continue
                }
                flush()
                boxes.append(matrixBox(rows))
            }
        }
        flush()

        // A unit is a run of text with the matrix after it; lines break only between units.
        var units: [[Box]] = []
        for box in boxes {
            if box.lines.count > 1, let last = units.last, last.count == 1, last[0].lines.count == 1 {
                units[units.count - 1].append(box)
            } else {
                units.append([box])
            }
        }
        let limit = min(self.width ?? Self.matrixLineWidth, Self.matrixLineWidth)
        var rows: [[Box]] = [[]]
        var width = indent
        for unit in units {
            let unitWidth = unit.map { $0.width }.reduce(0, +)
            if !rows[rows.count - 1].isEmpty, width + unitWidth > limit {
                rows.append([])
                width = indent + 4
            }
            var unit = unit
            if rows[rows.count - 1].isEmpty, unit[0].lines.count == 1 {
                unit[0].lines[0] = String(unit[0].lines[0].drop { $0 == " " })
            }
            rows[rows.count - 1] += unit
            width += unit.map { $0.width }.reduce(0, +)
        }
        return rows.enumerated().flatMap { n, row in
            joined(row).map { line in String(repeating: " ", count: indent + (n == 0 ? 0 : 4)) + line }
        }
    }

    /// Boxes side by side, their baselines on one row, trailing spaces removed.
    private func joined(_ boxes: [Box]) -> [String] {
        let above = boxes.map { $0.baseline }.max() ?? 0
        let below = boxes.map { $0.lines.count - 1 - $0.baseline }.max() ?? 0
        return (0...(above + below)).map { row in
            var line = ""
            for box in boxes {
                let r = row - (above - box.baseline)
                let text = r >= 0 && r < box.lines.count ? box.lines[r] : ""
                line += text + String(repeating: " ", count: box.width - text.count)
            }
            while line.last == " " { line.removeLast() }
            return line
        }
    }

    /// A matrix between brackets, columns right-aligned, the middle rows and columns of a big one
    /// elided (``Math/shownIndices(_:)``), and its shape centred under it.
    private func matrixBox(_ rows: [[Double]]) -> Box {
        let columns = rows.first?.count ?? 0
        let shownRows = Math.shownIndices(rows.count), shownColumns = Math.shownIndices(columns)
        let cells: [[String]] = shownRows.map { r in
            shownColumns.map { c in
                switch (r, c) {
                case (let r?, let c?): return spelled(number(rows[r][c]))
                case (nil, nil): return spelled("⋱")
                case (nil, _): return spelled("⋮")
                case (_, nil): return spelled("…")
                }
            }
        }
        let widths = shownColumns.indices.map { c in cells.map { $0[c].count }.max() ?? 0 }
        let bodies = cells.map { row in
            row.enumerated().map { c, cell in String(repeating: " ", count: widths[c] - cell.count) + cell }.joined(separator: "  ")
        }
        let brackets: [(String, String)] = bodies.indices.map { n in
            if bodies.count == 1 { return ("[", "]") }
            return n == 0 ? ("⎡", "⎤") : (n == bodies.count - 1 ? ("⎣", "⎦") : ("⎢", "⎥"))
        }
        guard !bodies.isEmpty else { return Box(lines: ["[ ]"], baseline: 0) }
        var lines = zip(bodies, brackets).map { body, bracket in spelled(bracket.0) + " " + body + " " + spelled(bracket.1) }
        let width = lines[0].count
        let shape = spelled(text(Math.shape(rows.count, columns)))
        let left = max(0, (width - shape.count) / 2)
        lines.append(String(repeating: " ", count: left) + shape + String(repeating: " ", count: max(0, width - left - shape.count)))
        return Box(lines: lines, baseline: (bodies.count - 1) / 2)
    }
}

extension Math {
    /// Whether the formula writes out a matrix of numbers.
    var hasMatrix: Bool { pieces.contains { if case .matrix = $0 { return true } else { return false } } }
}
