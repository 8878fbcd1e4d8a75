/// The quiz in Moodle's GIFT text format: a `$CATEGORY:` line, then one numerical question a
/// student and question, `::name::[html]text{#=value:tolerance#feedback =%0%value:tolerance#feedback}`,
/// each on one line and separated by a blank line. GIFT carries the text, every answer's value,
/// tolerance, credit and feedback; it cannot carry a question's default mark or penalty (Moodle
/// gives its defaults) nor the category's description.
extension Quiz {
    /// The whole file, UTF-8 text; the same quiz gives the same bytes.
    public func gift() -> String {
        var out = "// \(questions.count) questions drawn by nnexplain from a roster and a course key.\n"
        out += "$CATEGORY: $course$/top/\(title)\n\n"
        for question in questions {
            let answers = question.answers.map { answer in
                (answer.percent == 100 ? "=" : "=%\(answer.percent)%") + "\(Quiz.decimal(answer.value)):\(Quiz.decimal(answer.tolerance))#"
                    + Quiz.giftEscaped(answer.feedback)
            }
            out += "::\(Quiz.giftEscaped(question.name))::[html]\(Quiz.giftEscaped(question.text)){#" + answers.joined(separator: " ") + "}\n\n"
        }
        return out
    }

    /// `text` on one line (a line break is a space in HTML) with GIFT's special characters
    /// `~ = # { } :` escaped by a backslash. A backslash that GIFT would read as an escape (one
    /// before a special character, a backslash or `n`, GIFT's line break, as in TeX's `\neq`) or
    /// that would escape the answers' `{` (one at the end) is written as the HTML character
    /// reference `&#92;`, whose `#` is escaped in turn.
    static func giftEscaped(_ text: String) -> String {
        // Every character concerned is ASCII, and no byte of a longer UTF-8 sequence is: bytes will do.
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count + text.utf8.count / 8)
        var backslashes = 0  // a run of backslashes not yet written: each is written once the next byte is known
        func flush(escaping: Bool) {
            for _ in 0..<backslashes { if escaping { out.append(contentsOf: reference) } else { out.append(0x5C) } }
            backslashes = 0
        }
        for byte in text.utf8 {
            switch byte {
            case 0x5C:  // \: written as a reference when another backslash follows
                if backslashes > 0 { flush(escaping: true) }
                backslashes = 1
            case 0x7E, 0x3D, 0x23, 0x7B, 0x7D, 0x3A:  // ~ = # { } :
                flush(escaping: true)
                out.append(0x5C); out.append(byte)
            case 0x6E:  // n
                flush(escaping: true)
                out.append(byte)
            case 0x0A, 0x0D:
                flush(escaping: false)
                out.append(0x20)
            default:
                flush(escaping: false)
                out.append(byte)
            }
        }
        flush(escaping: true)
        return String(decoding: out, as: UTF8.self)
    }

    /// `&#92;`, a backslash as HTML writes it, with GIFT's `#` escaped.
    private static let reference = Array("&\\#92;".utf8)
}
