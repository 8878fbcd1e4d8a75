/// Answer lines as students write them: the question (`3`, `Q3`, `Question 3`), then `:`, `)`, `=`,
/// `. ` or a space, then the number, with a decimal point or comma (`-0,262`), a Unicode minus,
/// and in scientific notation (`1.2e-3`, `1.2 × 10^-3`, `1.2·10⁻³`).
extension Answers {
    /// The answers of `text`, one a line; blank lines and `#` comments are skipped, and a line that
    /// cannot be read goes to ``unread`` with its 1-based number, the others are still read.
    static func lines(_ text: String) -> Answers {
        var values: [(id: String, value: Double)] = [], unread: [FormatError] = [], lines: [String: Int] = [:]
        for (n, raw) in text.split(omittingEmptySubsequences: false, whereSeparator: { $0.isNewline }).enumerated() {
            let line = raw.trimmed
            if line.isEmpty || line.hasPrefix("#") { continue }
            guard let (id, answer) = split(line) else {
                unread.append(.unreadable(line: n + 1, text: line))
                continue
            }
            guard !id.isEmpty else { unread.append(.noQuestion(line: n + 1)); continue }
            guard let value = number(answer) else {
                // `Name: Ann` is no answer at all; `3: 0.4.2` answers question 3 with what is not a number.
                unread.append(id.allSatisfy { $0.isASCIIDigit } ? .lineNotANumber(line: n + 1, text: answer, id: id) : .unreadable(line: n + 1, text: line))
                continue
            }
            values.append((id, value))
            if lines[id] == nil { lines[id] = n + 1 }
        }
        return Answers(values: values, unread: unread, lines: lines)
    }

    /// The question and the answer's text of a line: everything before the first `:` and after it,
    /// or else a question number, then `)`, `=`, `. ` or a space, then the rest; `nil` for neither.
    /// A leading `Q` or `Question` is dropped from a question number.
    static func split(_ line: String) -> (id: String, answer: String)? {
        if let colon = line.firstIndex(of: ":") {
            return (question(String(line[..<colon]).trimmed), String(line[line.index(after: colon)...]).trimmed)
        }
        let rest = Substring(withoutPrefix(line))
        let digits = rest.prefix(while: { $0.isASCIIDigit })
        guard !digits.isEmpty else { return nil }
        var after = rest.dropFirst(digits.count)
        let spaced = after.first?.isWhitespace ?? false
        after = after.drop(while: { $0.isWhitespace })
        if let mark = after.first, ")=.".contains(mark) {
            after = after.dropFirst()
            // `1.5` is a number, not question 1 and 5: a point separates only when a space follows.
            if mark == ".", !(after.first?.isWhitespace ?? false) { return nil }
        } else if !spaced {
            return nil
        }
        let answer = after.trimmed
        return answer.isEmpty ? nil : (String(digits), answer)
    }

    /// `3` of `Q3`, `q 3`, `Question 3`; any other text as it is.
    static func question(_ text: String) -> String {
        let rest = withoutPrefix(text)
        return !rest.isEmpty && rest.allSatisfy { $0.isASCIIDigit } ? rest : text
    }

    /// `text` without a leading `Question` or `Q` (any case) and the spaces after it, when a digit follows.
    private static func withoutPrefix(_ text: String) -> String {
        for word in ["question", "q"] where text.lowercased().hasPrefix(word) {
            let rest = text.dropFirst(word.count).drop(while: { $0.isWhitespace })
            if rest.first?.isASCIIDigit ?? false { return String(rest) }
        }
        return text
    }

    /// The finite number `text` writes: `−` as `-`, a decimal comma as a point (when there is no
    /// point), and `m × 10^e` (``timesSigns``; `^e`, `^(e)`, `^{e}` or superscript digits, spaces
    /// anywhere) as `m e e`; `nil` when it is none (`4 5`, `1e999`, `nan`).
    static func number(_ text: String) -> Double? {
        let compact = text.filter { !$0.isWhitespace }
        let power = timesSigns.lazy.compactMap { compact.rangeOfFirst($0 + "10") }.first
        // Spaces are dropped only around a power of ten's `×`: `4 5` is no number.
        var t = power == nil ? text : compact
        if let power {
            let exponent = t[power.upperBound...].filter { !"^(){}".contains($0) }.map { superscripts[$0] ?? $0 }
            t = t[..<power.lowerBound] + "e" + String(exponent)
        }
        t = t.replacingAll("−", with: "-")
        if t.contains(","), !t.contains(".") { t = t.replacingAll(",", with: ".") }
        guard t.first.map({ $0.isASCIIDigit || "+-.".contains($0) }) ?? false, let value = Double(t), value.isFinite else { return nil }
        return value
    }

    /// The signs a student multiplies a power of ten with.
    static let timesSigns = ["×", "x", "X", "*", "·", "⋅"]

    private static let superscripts: [Character: Character] = [
        "⁰": "0", "¹": "1", "²": "2", "³": "3", "⁴": "4", "⁵": "5", "⁶": "6", "⁷": "7", "⁸": "8", "⁹": "9", "⁻": "-", "⁺": "+",
    ]
}

extension Character {
    /// `0` to `9`.
    var isASCIIDigit: Bool { isASCII && isWholeNumber }
}
