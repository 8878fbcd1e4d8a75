// `nnexplain-lessons-source OUTPUT LESSON.md…`: writes OUTPUT, a Swift file holding every lesson's
// file name, title and exact text as string literals, in the order given. Run by LessonsPlugin
// while NNExplainCLI builds; `LessonTests` checks that `nnexplain lesson N --markdown` prints each
// file as it is.
import Foundation

let arguments = CommandLine.arguments.dropFirst()
guard let output = arguments.first else {
    FileHandle.standardError.write(Data("usage: nnexplain-lessons-source OUTPUT LESSON.md…\n".utf8))
    exit(64)
}

/// A Swift string literal holding `text` exactly.
func literal(_ text: String) -> String {
    var out = "\""
    for scalar in text.unicodeScalars {
        switch scalar {
        case "\\": out += "\\\\"
        case "\"": out += "\\\""
        case "\n": out += "\\n"
        case "\t": out += "\\t"
        case "\r": out += "\\r"
        default: out.unicodeScalars.append(scalar)
        }
    }
    return out + "\""
}

var source = """
    // GENERATED at build time by nnexplain-lessons-source (LessonsPlugin) from lessons/*.md.

    /// The lessons compiled into the tool, in order.
    enum Lessons {
        struct Lesson: Sendable {
            /// The number its file name starts with, `13` of `13-real-data.md`: the N of `nnexplain lesson N`.
            let number: Int
            let file: String
            let title: String
            let text: String
        }

        /// The lesson numbered `n`, if there is one.
        static func numbered(_ n: Int) -> Lesson? { all.first { $0.number == n } }

        static let all: [Lesson] = [

    """
do {
    for path in arguments.dropFirst() {
        let url = URL(fileURLWithPath: path)
        let text = try String(contentsOf: url, encoding: .utf8)
        // "# Lesson 3: An output-layer weight" is listed as "An output-layer weight".
        var title = text.split(separator: "\n").first.map { String($0.drop { $0 == "#" || $0 == " " }) } ?? ""
        if title.hasPrefix("Lesson "), let colon = title.firstIndex(of: ":") {
            title = String(title[title.index(after: colon)...].drop { $0 == " " })
        }
        let number = Int(url.lastPathComponent.prefix { $0.isNumber }) ?? 0
        source += "        Lesson(number: \(number), file: \(literal(url.lastPathComponent)), title: \(literal(title)), text: \(literal(text))),\n"
    }
    source += "    ]\n}\n"
    // Written only when it changed, so that an unchanged lesson set recompiles nothing.
    if (try? String(contentsOfFile: output, encoding: .utf8)) != source {
        try source.write(toFile: output, atomically: true, encoding: .utf8)
    }
} catch {
    FileHandle.standardError.write(Data("nnexplain-lessons-source: \(error)\n".utf8))
    exit(1)
}
