/// How wide a formula is set, estimated from its pieces in ems of the body font, and how the LaTeX
/// renderer keeps a display within a width with that estimate: a long equation goes on over rows,
/// broken before an `=` or another top-level operator as the text renderer breaks it, a matrix
/// too wide for the line shows its first and last columns around `\cdots`, and a long mean
/// `(a + b + …) / N` is written `\frac{1}{N}\bigl(a + b + …\bigr)` so that its terms can break.
/// The estimate errs wide (digits are half an em in Computer Modern, operators about one and a
/// third with their spacing, `·` less), so a display laid out within the width seldom needs shrinking.
extension LatexMath {
    /// The estimated width of a formula, in ems.
    func width(_ math: Math) -> Double {
        math.pieces.enumerated().reduce(0) { total, next in
            // A function after a factor is set off by a space, as in text (`y_j ln a_j^L`).
            guard case .function = next.element, next.offset > 0 else { return total + width(next.element) }
            if case .op = math.pieces[next.offset - 1] { return total + width(next.element) }
            return total + width(next.element) + 0.5
        }
    }

    func width(_ piece: Math.Piece) -> Double {
        switch piece {
        case .symbol(let symbol):
            if case .partial = symbol { return slashedPartials ? 4 : 2.4 }
            if case .gPrime = symbol { return 4.2 }
            if case .transpose = symbol { return 3.2 }
            return 1.6
        case .number(let x): return numberWidth(x)
        case .operand(let x): return numberWidth(x) + (x < 0 ? 0.8 : 0)
        case .op(let op):
            switch op {
            case .matrixProduct: return 0.2
            case .times: return 0.8
            case .half: return 0.7
            case .bar: return 0.3
            case .by, .negative, .colon, .juxtaposed, .slash: return 0.5
            case .comma: return 1
            default: return 1.3
            }
        case .word(let word): return Double(word.count) * 0.5
        case .variable, .integer, .fraction, .reciprocal, .partial, .function, .bracketed, .bracket, .conditional,
             .kronecker, .transposed, .ones, .code, .blank, .numeral, .ellipsis:
            // As wide as its text, half an em a character, as the general notation was first measured.
            return Double(TextRenderer(naming: naming, precision: precision).formulaText(piece).count) * 0.5
        case .parenthesized(let inner): return width(inner) + 0.8
        case .squared(let inner): return width(inner) + 0.5
        case .exponential(let power): return 0.5 + 0.7 * width(power)
        case .activation: return 1.2
        case .sum: return 1.6
        case .mean: return 2.6
        case .batchMean: return 4
        case .over(let numerator, _): return width(numerator) + 0.4
        case .matrix(let rows):
            let columns = shownColumns(rows)
            return columnWidths(rows, columns).reduce(0, +) + Double(columns.count) + 1.2
        }
    }

    private func numberWidth(_ x: Double) -> Double {
        let text = NumberText.significant(x, precision: precision)
        guard let e = text.firstIndex(of: "e") else {
            return text.reduce(0) { $0 + ($1 == "-" ? 0.8 : $1 == "." ? 0.3 : 0.5) }
        }
        return Double(text.distance(from: text.startIndex, to: e)) * 0.5 + 3
    }

    /// The widths of a matrix's shown columns; an elided one (`\cdots`) is one em.
    private func columnWidths(_ rows: [[Double]], _ columns: [Int?]) -> [Double] {
        columns.map { c in
            guard let c else { return 1 }
            return rows.map { numberWidth($0[c]) }.max() ?? 0
        }
    }

    /// The columns of a matrix that are shown: ``Math/shownIndices(_:)``, fewer when that is wider
    /// than ``budget`` (less room for an `=`), down to the first and the last around the ellipsis;
    /// a matrix of three columns or fewer is never elided (the matrix form says so only of wider ones).
    func shownColumns(_ rows: [[Double]]) -> [Int?] {
        let count = rows.first?.count ?? 0
        var columns = Math.shownIndices(count)
        guard let budget, count > 3 else { return columns }
        var shown = min(count, Math.shownEntries)
        while shown > 2, columnWidths(rows, columns).reduce(0, +) + Double(columns.count) + 1.2 > budget - 2 {
            shown -= 1
            let head = (shown + 1) / 2, tail = shown - head
            columns = (0..<head).map { $0 } + [nil] + ((count - tail)..<count).map { $0 }
        }
        return columns
    }

    /// The rows of `lhs = step = step …` kept within ``budget``: units (a run of the formula up to
    /// the next operator it may break before) packed greedily onto rows, a row after the first continuing
    /// with `&\quad`, or with `&=` where a step begins. With `chain`, each step starts a row.
    func fittedRows(_ lhs: Math, _ steps: [Math], chain: Bool, budget: Double) -> [Row] {
        var rows: [Row] = [], row = Row(text: latex(lhs) + " &= ", height: height(lhs)), used = width(lhs) + 1.3, rowIsEmpty = true
        func close(_ opening: String, _ width: Double) {
            rows.append(row)
            row = Row(text: opening, height: 0)
            used = width
        }
        for (n, step) in steps.enumerated() {
            if n > 0 {
                if chain || used + 1.3 + width(units(step, budget: budget).first ?? []) > budget {
                    close(" &= ", 1.3)
                } else {
                    row.text += " = "
                    used += 1.3
                }
                rowIsEmpty = true
            }
            for unit in units(step, budget: budget) {
                let w = width(unit)
                if !rowIsEmpty, used + w > budget { close(" &\\quad {}", 2.3) }
                row.text += latex(unit)
                row.height = max(row.height, height(unit))
                used += w
                rowIsEmpty = false
            }
        }
        rows.append(row)
        return rows
    }

    /// A row of an `aligned` display and its estimated height in ems.
    struct Row {
        var text: String
        var height: Double
    }

    /// The estimated height of a formula in ems: a line, or its tallest matrix (the rows shown, and
    /// the shape under it).
    func height(_ math: Math) -> Double {
        math.pieces.reduce(1.5) { tallest, piece in
            guard case .matrix(let rows) = piece else { return tallest }
            return max(tallest, 1.25 * Double(Math.shownIndices(rows.count).count) + 1.5)
        }
    }

    /// The operators a row may break before: a sum's signs, `=` and the like, `⊙`; never inside a
    /// product of factors (`·`, `/`, a matrix product's space), so that a term stays whole.
    static let breaksBefore: Set<Math.Operator> = [.plus, .minus, .equals, .lessOrEqual, .greater, .hadamard, .becomes]

    /// A step cut before each operator of ``breaksBefore``, and between two matrices multiplied;
    /// a mean too wide for
    /// the budget opened up into `\frac{1}{N}\bigl(`, its terms, `\bigr)`.
    private func units(_ step: Math, budget: Double) -> [Math] {
        var pieces: [Math.Piece] = []
        for piece in step.pieces {
            if case .over(let numerator, let n) = piece, width(piece) > budget * 0.8 {
                pieces += [.reciprocal([.integer(n)]), .bracket(.big, opening: true)] + numerator.pieces + [.bracket(.big, opening: false)]
            } else {
                pieces.append(piece)
            }
        }
        var units: [[Math.Piece]] = [[]]
        func holdsMatrix(_ unit: [Math.Piece]) -> Bool { unit.contains { if case .matrix = $0 { true } else { false } } }
        for piece in pieces {
            if case .op(let op) = piece, LatexMath.breaksBefore.contains(op), !(units.last ?? []).isEmpty { units.append([]) }
            if case .matrix = piece, holdsMatrix(units.last ?? []) { units.append([]) }
            units[units.count - 1].append(piece)
        }
        return units.map(Math.init)
    }
}
