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
        var out = ""
        let characters = Array(text)
        for (n, c) in characters.enumerated() {
            switch c {
            case "\n", "\r": out.append(" ")
            case "~", "=", "#", "{", "}", ":": out += "\\" + String(c)
            case "\\" where n + 1 == characters.count || "~=#{}:\\n".contains(characters[n + 1]):
                out += "&\\#92;"
            default: out.append(c)
            }
        }
        return out
    }
}
