import NNExplain

/// A lesson's Markdown as a terminal shows it: headings underlined, the answers under an "Answers"
/// heading instead of raw `<details>`/`<summary>` tags, `$…$` math in the text renderer's Unicode
/// spelling (`∂C_0/∂w_12^L`, `a_2^(L-1)`), code spans and emphasis without their marks, and the
/// command outputs of the ```` ```console ```` blocks exactly as the tool prints them.
enum LessonText {
    /// The lesson without its answers: every `<details>` … `</details>` block left out, so a
    /// student's edition keeps the questions and loses nothing else.
    static func withoutAnswers(_ markdown: String) -> String {
        var out: [Substring] = [], inAnswers = false
        for line in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
            if line == "<details>" { inAnswers = true; continue }
            if inAnswers { if line == "</details>" { inAnswers = false }; continue }
            if line.isEmpty, out.last?.isEmpty == true { continue }
            out.append(line)
        }
        return out.joined(separator: "\n")
    }

    /// The lesson for a terminal.
    static func terminal(_ markdown: String) -> String {
        var out: [String] = []
        var block: Block = .prose
        for line in markdown.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            switch block {
            case .console:
                if line == "```" { block = .prose } else { out.append("  " + line) }
                continue
            case .math:
                if line == "$$" { block = .prose } else { out.append("    " + LessonMath.text(line)) }
                continue
            case .prose:
                break
            }
            if line.hasPrefix("```") { block = .console; continue }
            if line == "$$" { block = .math; continue }
            if line == "<details>" || line == "</details>" { continue }
            if line.hasPrefix("<summary>"), line.hasSuffix("</summary>") {
                out += underlined(String(line.dropFirst("<summary>".count).dropLast("</summary>".count)), with: "─")
                continue
            }
            if line.hasPrefix("# ") { out += underlined(inline(String(line.dropFirst(2))), with: "═"); continue }
            if line.hasPrefix("## ") { out += underlined(inline(String(line.dropFirst(3))), with: "─"); continue }
            if line.hasPrefix("### ") { out.append(inline(String(line.dropFirst(4)))); continue }
            out.append(line.hasPrefix("    ") ? line : inline(line))
        }
        return out.joined(separator: "\n")
    }

    private enum Block { case prose, console, math }

    private static func underlined(_ heading: String, with rule: Character) -> [String] {
        [heading, String(repeating: rule, count: heading.count)]
    }

    /// One line of prose: `$…$` as Unicode math, `` `code` `` and `**bold**`/`*italic*` without their
    /// marks, `[text](target)` as "text (target)", `![text](picture)` as "Picture: text (lessons/picture)"
    /// (a terminal shows no image, so it names the file to open, from the repository's top), `\*` as `*`.
    static func inline(_ line: String) -> String {
        var out = "", rest = Substring(line), picture = false
        while let c = rest.first {
            rest = rest.dropFirst()
            switch c {
            case "\\" where rest.first.map({ "*_`$[]\\".contains($0) }) == true:
                out.append(rest.removeFirst())
            case "`", "$":
                let ticks = c == "`" ? rest.prefix { $0 == "`" }.count + 1 : 1
                let fence = String(repeating: c, count: ticks)
                rest = rest.dropFirst(ticks - 1)
                if let end = rest.firstRange(of: fence) {
                    let body = String(rest[..<end.lowerBound])
                    out += c == "$" ? LessonMath.text(body) : body.trimmingSpaces(ifFenced: ticks > 1)
                    rest = rest[end.upperBound...]
                } else { out += fence }
            case "*":
                rest = rest.drop { $0 == "*" }
            case "!" where rest.first == "[":
                out += "Picture: "
                picture = true
            case "[":
                if let close = rest.firstIndex(of: "]"), rest[rest.index(after: close)...].hasPrefix("("),
                   let end = rest[close...].firstIndex(of: ")") {
                    let target = rest[rest.index(close, offsetBy: 2)..<end]
                    // A picture's file is named from the repository's top, where the reader stands.
                    let shown = picture && !target.contains(":") && !target.hasPrefix("/") ? "lessons/" + target : String(target)
                    out += inline(String(rest[..<close])) + " (" + shown + ")"
                    picture = false
                    rest = rest[rest.index(after: end)...]
                } else { out.append(c) }
            default:
                out.append(c)
            }
        }
        return out
    }
}

private extension String {
    /// A double-backtick code span (```` `` ```console `` ````) drops the one space on each side.
    func trimmingSpaces(ifFenced fenced: Bool) -> String {
        guard fenced, hasPrefix(" "), hasSuffix(" "), count >= 2 else { return self }
        return String(dropFirst().dropLast())
    }
}
