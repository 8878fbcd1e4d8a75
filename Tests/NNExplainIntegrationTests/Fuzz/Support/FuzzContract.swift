import Foundation
import NNExplain
import NNExplainCLI
import NNExplainTestSupport
import Testing

// MARK: - The contract

/// What every run of the command line must satisfy, whatever its input:
///
/// - success: status 0, output on stdout, and stderr empty or only `Warning: …` lines;
/// - a clean error: status 64 (usage), 65 (bad network file), 66 (unreadable) or 1 (other) as the
///   caller allows, stdout empty, and stderr one line `Error: <message>` (for 64, followed by the
///   `Usage: nnexplain …` line and the `See 'nnexplain … --help'.` line, nothing else);
/// - never a status of 128 or more (a signal), never status 0 with `Error:`;
/// - never status 0 with a result that is not a number: `inf`, `nan`, `-nan`, `NaN` as a token, or
///   `infinite` where a number stands (after `=` or `→`), in any output; `null` outside strings in JSON.
/// - never a format character (category Cf, such as a bidirectional override) on stderr: an echoed
///   argument shows it escaped, so it cannot reorder the sentence.
///
/// A trap cannot be checked here: it ends the test process.
enum FuzzContract {
    struct Violation: Equatable {
        /// The rule broken, without the input's details, so that failures group by it.
        var rule: String
        var detail: String
    }

    /// Commands that by design print their output and then fail with status 1 (see
    /// `CommandResult.failure`: `check` prints its table, then reports the gradients that disagree).
    static let commandsThatFailAfterOutput: Set<String> = ["check"]

    /// `command` is the command line's first argument; `silentAllowed` says that success may print
    /// nothing (the command line writes a file: `diagram --output FILE`, `update --in-place`).
    static func check(_ result: CLIResult, errors allowed: Set<Int32>, command: String? = nil,
                      silentAllowed: Bool = false) -> Violation? {
        let status = result.status
        if status < 0 || status >= 128 {
            return Violation(rule: "status \(status) is not in 0…127 (a signal or a trap?)", detail: "")
        }
        if let format = result.stderr.unicodeScalars.first(where: { $0.properties.generalCategory == .format }) {
            return Violation(rule: "stderr holds a format character unescaped", detail: "U+\(String(format.value, radix: 16, uppercase: true))")
        }
        var errLines = lines(result.stderr)
        if status == 0 {
            if result.stderr.contains("Error:") {
                return Violation(rule: "status 0 but stderr says Error:", detail: "")
            }
            if !result.stderr.isEmpty, !result.stderr.hasSuffix("\n") || errLines.contains(where: { !$0.hasPrefix("Warning: ") }) {
                return Violation(rule: "status 0 but stderr is not only 'Warning: ' lines", detail: "")
            }
            if result.stdout.isEmpty && !silentAllowed {
                return Violation(rule: "status 0 but nothing on stdout", detail: "")
            }
            if let token = nonFiniteResult(in: result.stdout) {
                return Violation(rule: "status 0 but stdout shows a result that is not a number", detail: token)
            }
            return nil
        }
        guard allowed.contains(status) else {
            let list = allowed.sorted().map(String.init).joined(separator: ", ")
            return Violation(rule: "status \(status), expected 0 or one of \(list)", detail: "")
        }
        let outputAllowed = status == 1 && command.map(commandsThatFailAfterOutput.contains) == true
        if !result.stdout.isEmpty && !outputAllowed {
            return Violation(rule: "error (status \(status)) but stdout is not empty", detail: "")
        }
        var stderr = result.stderr
        if outputAllowed, errLines.count > 1, errLines[0].hasPrefix("Warning: ") {
            // Such a command ran to the end first, so it may have warned first.
            while errLines.count > 1, errLines[0].hasPrefix("Warning: ") { errLines.removeFirst() }
            stderr = errLines.joined(separator: "\n") + (result.stderr.hasSuffix("\n") ? "\n" : "")
        }
        guard stderr.hasPrefix("Error: ") else {
            return Violation(rule: "error (status \(status)) but stderr does not start with 'Error: '", detail: "")
        }
        guard stderr.hasSuffix("\n") else {
            return Violation(rule: "error (status \(status)) but stderr does not end with a line break", detail: "")
        }
        if errLines[0].dropFirst("Error: ".count).allSatisfy(\.isWhitespace) {
            return Violation(rule: "error (status \(status)) with an empty message", detail: "")
        }
        let wellFormed = status == 64
            ? errLines.count == 3 && errLines[1].hasPrefix("Usage: nnexplain") && errLines[2].hasPrefix("See 'nnexplain")
                && errLines[2].hasSuffix("--help'.")
            : errLines.count == 1
        if !wellFormed {
            return Violation(
                rule: "error (status \(status)) is not one 'Error: ' line"
                    + (status == 64 ? " followed by the usage and help lines" : ""),
                detail: "stderr has \(errLines.count) lines")
        }
        return nil
    }

    /// The spellings of infinity and NaN that C's `%g` and Swift print, as whole tokens.
    static let nonFiniteTokens: Set<String> = ["inf", "-inf", "+inf", "nan", "-nan", "+nan", "NaN", "-NaN", "infinity",
                                               "-infinity", "Infinity", "-Infinity"]

    /// The first token of `output` that is a non-finite number where a result is printed: one of
    /// ``nonFiniteTokens`` between characters that cannot be part of a word or number, `infinite`
    /// right after `=` or `→` (prose such as "the loss became infinite" is not a result), and in
    /// JSON output `null` outside strings (every value the tool writes as JSON is a number, string,
    /// array or object, so a `null` is a number that was not finite). `nil` when there is none.
    static func nonFiniteResult(in output: String) -> String? {
        let wordCharacters = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_+-.")
        let tokens = output.split { !wordCharacters.contains($0) }.map { String($0).trimmingCharacters(in: ["."]) }
        if let token = tokens.first(where: nonFiniteTokens.contains) { return token }
        let words = output.split(whereSeparator: \.isWhitespace)
        for (previous, word) in zip(words, words.dropFirst()) where previous == "=" || previous == "→" {
            if word.trimmingCharacters(in: .punctuationCharacters) == "infinite" { return "\(previous) \(word)" }
        }
        guard let first = output.first(where: { !$0.isWhitespace }), first == "{" || first == "[" else { return nil }
        var inString = false, escaped = false
        let characters = Array(output)
        for (i, c) in characters.enumerated() {
            if inString {
                if escaped { escaped = false } else if c == "\\" { escaped = true } else if c == "\"" { inString = false }
            } else if c == "\"" {
                inString = true
            } else if c == "n", String(characters[i..<min(characters.count, i + 4)]) == "null" {
                return "null"
            }
        }
        return nil
    }

    /// The rule "a network file written by a command always reads back": after a successful
    /// `train --save FILE` or `update --in-place` the file written, and the standard output of
    /// `network` and of `update --format json`, is a network file that decodes. `safety` names the
    /// files the sanitised command line writes (nil: it writes none).
    static func writtenNetwork(_ arguments: [String], result: CLIResult, safety: FuzzSafety?) -> Violation? {
        guard result.status == 0, let command = arguments.first else { return nil }
        func given(_ name: String) -> Bool { arguments.contains { $0 == name || $0.hasPrefix(name + "=") } }
        // With -h or --help the command prints its help and writes nothing.
        if arguments.contains("-h") || arguments.contains("--help") { return nil }
        let formatJSON = zip(arguments, arguments.dropFirst()).contains { $0 == ("--format", "json") } || given("--format=json")
        let bytes: [UInt8]
        switch command {
        case "update" where given("--in-place"):
            guard let path = safety?.writableNetwork else { return nil }
            bytes = Array((try? Data(contentsOf: URL(fileURLWithPath: path))) ?? Data())
        case "train" where given("--save"):
            guard let path = safety?.output else { return nil }
            bytes = Array((try? Data(contentsOf: URL(fileURLWithPath: path))) ?? Data())
        case "network":
            bytes = Array(result.stdout.utf8)
        case "update" where formatJSON:
            bytes = Array(result.stdout.utf8)
        default:
            return nil
        }
        do {
            _ = try Network.decode(bytes)
            return nil
        } catch {
            return Violation(rule: "a network file written by \(command) does not read back", detail: error.message)
        }
    }

    /// The lines of `text` without the final line break, splitting at every character a terminal
    /// treats as a line break or a return to the start of the line.
    static func lines(_ text: String) -> [String] {
        let breaks: Set<Unicode.Scalar> = ["\n", "\r", "\u{0B}", "\u{0C}"]
        var pieces = text.unicodeScalars.split(omittingEmptySubsequences: false) { breaks.contains($0) }
            .map { String(String.UnicodeScalarView($0)) }
        if pieces.count > 1, pieces.last == "" { pieces.removeLast() }
        return pieces
    }
}

// MARK: - Checks

/// One broken rule, with the input that broke it.
struct FuzzFailure: CustomStringConvertible {
    enum Input {
        case arguments([String])
        case network(bytes: [UInt8], commands: [[String]])
    }

    var input: Input
    /// The command line that broke the rule (`$NETWORK` for the network file).
    var arguments: [String]
    var violation: FuzzContract.Violation
    var result: CLIResult

    /// Groups failures: the rule, and for network files the command line that broke it.
    var signature: String {
        if case .network = input { return "\(arguments.joined(separator: " ")): \(violation.rule)" }
        return violation.rule
    }

    var description: String {
        var text = "\(violation.rule)\(violation.detail.isEmpty ? "" : " (\(violation.detail))")\n"
        text += "  command line: \(arguments.map(\.debugDescription).joined(separator: " "))\n"
        text += "  status \(result.status)\n"
        text += "  stdout: \(result.stdout.prefix(400).debugDescription)\(result.stdout.count > 400 ? "…" : "")\n"
        text += "  stderr: \(result.stderr.prefix(600).debugDescription)\(result.stderr.count > 600 ? "…" : "")"
        return text
    }
}

enum FuzzCheck {
    /// Runs one argument vector, made harmless by `safety`, and checks the contract.
    static func arguments(_ arguments: [String], safety: FuzzSafety) throws -> FuzzFailure? {
        let arguments = safety.sanitized(arguments)
        try safety.prepare()
        let result = runCLI(arguments)
        guard let violation = FuzzContract.check(result, errors: [1, 64, 65, 66], command: arguments.first,
                                                 silentAllowed: FuzzSafety.writes(arguments))
                ?? FuzzContract.writtenNetwork(arguments, result: result, safety: safety) else { return nil }
        return FuzzFailure(input: .arguments(arguments), arguments: arguments, violation: violation, result: result)
    }

    /// A command line run on a network file, `$NETWORK` standing for its path.
    struct NetworkCommand {
        var arguments: [String]
        /// Whether the command line can be wrong for some valid network (a layer or sample that is
        /// not there), so that a usage error is a clean answer.
        var mayBeUsageError = false
    }

    /// The command lines every network file goes through.
    static let fixedNetworkCommands: [NetworkCommand] = [
        NetworkCommand(arguments: ["gradients", "--network", "$NETWORK"]),
        NetworkCommand(arguments: ["step", "--network", "$NETWORK", "--layer", "L", "--j", "0", "--k", "0"]),
        NetworkCommand(arguments: ["forward", "--network", "$NETWORK"]),
    ]

    /// One more command line per file, chosen by the case.
    static let extraNetworkCommands: [NetworkCommand] = [
        NetworkCommand(arguments: ["network", "--network", "$NETWORK"]),
        NetworkCommand(arguments: ["gradients", "--network", "$NETWORK", "--format", "json"]),
        NetworkCommand(arguments: ["step", "--network", "$NETWORK", "--layer", "L", "--j", "0", "--k", "0",
                                   "--average", "--format", "json"]),
        NetworkCommand(arguments: ["step", "--network", "$NETWORK", "--layer", "L-1", "--j", "0", "--k", "0",
                                   "--average"], mayBeUsageError: true),
        NetworkCommand(arguments: ["step", "--network", "$NETWORK", "--layer", "1", "--j", "0", "--k", "0",
                                   "--sample", "1", "--precision", "17"], mayBeUsageError: true),
        NetworkCommand(arguments: ["forward", "--network", "$NETWORK", "--sample", "1", "--precision", "1"],
                       mayBeUsageError: true),
    ]

    static func networkCommands(extra: Int?) -> [NetworkCommand] {
        fixedNetworkCommands + (extra.map { [extraNetworkCommands[$0]] } ?? [])
    }

    /// Writes `bytes` to `url`, runs every command line on it and checks the contract, and that the
    /// commands agree: all reject a bad file alike, and all warn alike about a good one.
    static func network(_ bytes: [UInt8], at url: URL, commands: [NetworkCommand]) throws -> FuzzFailure? {
        try Data(bytes).write(to: url)
        let input = FuzzFailure.Input.network(bytes: bytes, commands: commands.map(\.arguments))
        var results: [CLIResult] = []
        for command in commands {
            let arguments = command.arguments.map { $0 == "$NETWORK" ? url.path : $0 }
            let result = runCLI(arguments)
            let allowed: Set<Int32> = command.mayBeUsageError ? [1, 64, 65, 66] : [1, 65, 66]
            if let violation = FuzzContract.check(result, errors: allowed, command: arguments.first)
                ?? FuzzContract.writtenNetwork(arguments, result: result, safety: nil) {
                return FuzzFailure(input: input, arguments: command.arguments, violation: violation, result: result)
            }
            results.append(result)
        }
        let rejected = results.indices.filter { results[$0].status == 65 }
        if let first = rejected.first {
            if let other = results.indices.first(where: { results[$0].status != 65 }) {
                return FuzzFailure(
                    input: input, arguments: commands[other].arguments,
                    violation: .init(rule: "one command rejects the file (65), another does not",
                                     detail: "\(commands[first].arguments[0]) says \(results[first].stderr.debugDescription)"),
                    result: results[other])
            }
            if let other = rejected.first(where: { results[$0].stderr != results[first].stderr }) {
                return FuzzFailure(
                    input: input, arguments: commands[other].arguments,
                    violation: .init(rule: "commands reject the same file with different messages",
                                     detail: "\(commands[first].arguments[0]) says \(results[first].stderr.debugDescription)"),
                    result: results[other])
            }
        }
        let succeeded = results.indices.filter { results[$0].status == 0 }
        if let first = succeeded.first, let other = succeeded.first(where: { results[$0].stderr != results[first].stderr }) {
            return FuzzFailure(
                input: input, arguments: commands[other].arguments,
                violation: .init(rule: "commands warn differently about the same file",
                                 detail: "\(commands[first].arguments[0]) warns \(results[first].stderr.debugDescription)"),
                result: results[other])
        }
        return nil
    }
}
