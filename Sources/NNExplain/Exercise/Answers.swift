/// A student's answers as a file holds them: a JSON object `{"1": 0.42, …}`, or lines `1: 0.42`
/// (blank lines and lines starting with `#` are skipped).
public struct Answers: Sendable, Equatable {
    /// The answers in the file's order, by question id.
    public let values: [(id: String, value: Double)]

    public static func == (lhs: Answers, rhs: Answers) -> Bool {
        lhs.values.map(\.id) == rhs.values.map(\.id) && lhs.values.map(\.value) == rhs.values.map(\.value)
    }

    /// Why a file is not a list of answers, in words that say where and what to write instead.
    public struct FormatError: Error, Equatable, Sendable {
        public let message: String
    }

    /// The answers in `bytes`; JSON when the first character that is not a space is `{`.
    public static func parse(_ bytes: [UInt8]) throws(FormatError) -> Answers {
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw FormatError(message: "it is not UTF-8 text; write one answer a line, as '1: 0.42'")
        }
        let answers = text.first(where: { !$0.isWhitespace }) == "{" ? try json(bytes) : try lines(text)
        var seen: Set<String> = []
        for (id, _) in answers where !seen.insert(id).inserted {
            throw FormatError(message: "question \(id) is answered twice; keep one answer")
        }
        return Answers(values: answers)
    }

    private static func json(_ bytes: [UInt8]) throws(FormatError) -> [(id: String, value: Double)] {
        let value: JSONValue
        do { value = try JSONValue.parse(bytes) } catch { throw FormatError(message: "it is not valid JSON (\(error))") }
        guard let members = value.objectMembers else {
            throw FormatError(message: "it holds \(value.kindDescription), not an object; write {\"1\": 0.42, \"2\": 0.6}")
        }
        var out: [(id: String, value: Double)] = []
        for (id, answer) in members {
            guard let number = answer.doubleValue, number.isFinite else {
                throw FormatError(message: "the answer to question \(id) is \(answer.kindDescription), not a number; write it as \"\(id)\": 0.42")
            }
            out.append((id, number))
        }
        return out
    }

    private static func lines(_ text: String) throws(FormatError) -> [(id: String, value: Double)] {
        var out: [(id: String, value: Double)] = []
        for (n, raw) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
            let line = raw.trimmed
            if line.isEmpty || line.hasPrefix("#") { continue }
            guard let colon = line.firstIndex(of: ":") else {
                throw FormatError(message: "line \(n + 1) has no ':'; write each answer as the question's number, a colon and the number, e.g. '1: 0.42'")
            }
            let id = String(line[..<colon]).trimmed, number = String(line[line.index(after: colon)...]).trimmed
            guard !id.isEmpty else { throw FormatError(message: "line \(n + 1) names no question before its ':'; write e.g. '1: 0.42'") }
            guard let value = Double(number), value.isFinite else {
                throw FormatError(message: "line \(n + 1): '\(number.visiblePrefix)' is not a number; write the answer as a decimal, e.g. '\(id.visiblePrefix): 0.42'")
            }
            out.append((id, value))
        }
        return out
    }
}

extension StringProtocol {
    /// Without spaces and tabs (and a carriage return) at either end.
    var trimmed: String {
        var text = Substring(self)
        while let first = text.first, first == " " || first == "\t" || first == "\r" { text.removeFirst() }
        while let last = text.last, last == " " || last == "\t" || last == "\r" { text.removeLast() }
        return String(text)
    }

    /// At most 40 characters of the text, for an error message that quotes what was typed.
    var visiblePrefix: String { count <= 40 ? String(self) : String(prefix(40)) + "…" }
}
