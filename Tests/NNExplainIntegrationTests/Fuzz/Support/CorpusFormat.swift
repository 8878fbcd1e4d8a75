import Foundation
import NNExplain
import NNExplainCLI
import NNExplainTestSupport
import Testing

// MARK: - Corpus files

/// `Corpus/`: `args-*.txt` hold one argument per line, `network-*.json` raw bytes. See
/// `Corpus/README.md` for the escapes and placeholders of argument files.
enum CorpusFormat {
    static let directory = TestPaths.corpus

    /// The corpus's input files, sorted.
    static func files() -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return names.filter { ($0.hasPrefix("args-") && $0.hasSuffix(".txt")) || ($0.hasPrefix("network-") && $0.hasSuffix(".json")) }
            .sorted()
    }

    /// The arguments of an `args-*.txt` file: one per line (`\n`; a final line break ends the last
    /// line), with the escapes `\\`, `\n`, `\r`, `\t`, `\0` and `\u{HEX}`, and `$FIXTURES` and
    /// `$CORPUS` standing for those directories.
    static func parseArguments(_ text: String) -> [String] {
        var lines = text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false)
            .map { String(String.UnicodeScalarView($0)) }
        if lines.last == "" { lines.removeLast() }
        return lines.map { line in
            unescape(line)
                .replacingOccurrences(of: "$FIXTURES", with: Fixtures.directory.path)
                .replacingOccurrences(of: "$CORPUS", with: directory.path)
        }
    }

    /// `arguments` as the text of an `args-*.txt` file.
    static func arguments(_ arguments: [String]) -> String {
        arguments.map { argument in
            var line = ""
            for scalar in argument.unicodeScalars {
                switch scalar {
                case "\\": line += "\\\\"
                case "\n": line += "\\n"
                case "\r": line += "\\r"
                case "\t": line += "\\t"
                case "\0": line += "\\0"
                default:
                    let category = scalar.properties.generalCategory
                    if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || category == .format
                        || category == .lineSeparator || category == .paragraphSeparator {
                        line += "\\u{\(String(scalar.value, radix: 16, uppercase: true))}"
                    } else {
                        line.unicodeScalars.append(scalar)
                    }
                }
            }
            return line + "\n"
        }.joined()
    }

    private static func unescape(_ line: String) -> String {
        var out = String.UnicodeScalarView()
        var scalars = line.unicodeScalars[...]
        while let scalar = scalars.popFirst() {
            guard scalar == "\\", let next = scalars.first else { out.append(scalar); continue }
            switch next {
            case "\\": out.append("\\"); scalars.removeFirst()
            case "n": out.append("\n"); scalars.removeFirst()
            case "r": out.append("\r"); scalars.removeFirst()
            case "t": out.append("\t"); scalars.removeFirst()
            case "0": out.append("\0"); scalars.removeFirst()
            case "u":
                let rest = String(String.UnicodeScalarView(scalars.dropFirst()))
                if rest.hasPrefix("{"), let close = rest.firstIndex(of: "}"),
                   let value = UInt32(rest[rest.index(after: rest.startIndex)..<close], radix: 16),
                   let decoded = Unicode.Scalar(value) {
                    out.append(decoded)
                    scalars = scalars.dropFirst(2 + rest[..<close].unicodeScalars.count)
                } else {
                    out.append(scalar)
                }
            default: out.append(scalar)
            }
        }
        return String(out)
    }

    /// FNV-1a, 32 bits, for names of candidate corpus files.
    static func hash(_ bytes: [UInt8]) -> String {
        var h: UInt32 = 0x811C_9DC5
        for b in bytes { h = (h ^ UInt32(b)) &* 0x0100_0193 }
        let hex = String(h, radix: 16)
        return String(repeating: "0", count: 8 - hex.count) + hex
    }
}
