/// The options given to one command, parsed but not yet interpreted.
///
/// Accepts `--name value` and `--name=value`; rejects unknown options (suggesting the nearest one),
/// a missing value, a value that is itself an option, an option given twice and stray arguments.
struct Arguments {
    let command: Command
    private var values: [String: String] = [:]
    private var flags: Set<String> = []
    /// Whether `-h` or `--help` was given.
    private(set) var wantsHelp = false

    init(_ arguments: [String], for command: Command) throws(CLIError) {
        self.command = command
        var rest = arguments[...]
        while let argument = rest.popFirst() {
            if argument == "-h" || argument == "--help" {
                wantsHelp = true
                continue
            }
            guard argument.hasPrefix("-"), argument.count > 1 else {
                throw usage("unexpected argument '\(argument)'; options start with '--', see the list below")
            }
            var name = argument, inline: String?
            if let equals = argument.firstIndex(of: "=") {
                name = String(argument[..<equals])
                inline = String(argument[argument.index(after: equals)...])
            }
            guard let option = command.options.first(where: { $0.name == name }) else {
                throw usage(Arguments.unknown(name, in: command))
            }
            guard let placeholder = option.value else {
                if inline != nil { throw usage("\(name) is a flag and takes no value") }
                if !flags.insert(name).inserted { throw usage("\(name) was given twice; give it once") }
                continue
            }
            let value: String
            if let inline {
                value = inline
            } else if let next = rest.first, !Arguments.looksLikeOption(next) {
                value = next
                rest = rest.dropFirst()
            } else {
                let got = rest.first.map { ", but the next argument is the option '\($0)'" } ?? ""
                throw usage("\(name) needs a value (\(name) \(placeholder))\(got)")
            }
            if values[name] != nil { throw usage("\(name) was given twice; give it once") }
            values[name] = value
        }
    }

    /// The value of an option, if given.
    func value(_ name: String) -> String? { values[name] }

    /// Whether a flag was given.
    func flag(_ name: String) -> Bool { flags.contains(name) }

    /// A usage error for this command.
    func usage(_ message: String) -> CLIError { .usage(message, command: command.name) }

    /// `--x` and `-x` are options; `-1` and `-0.5` are (negative) values.
    static func looksLikeOption(_ argument: String) -> Bool {
        guard argument.hasPrefix("-"), argument.count > 1 else { return false }
        let second = argument[argument.index(after: argument.startIndex)]
        return !(second.isNumber || second == ".")
    }

    /// "unknown option '--lyer' for 'nnexplain step'; did you mean '--layer'?"
    static func unknown(_ name: String, in command: Command) -> String {
        let text = "unknown option '\(name)' for 'nnexplain \(command.name)'"
        if let near = nearest(name, among: command.options.map(\.name)) { return text + "; did you mean '\(near)'?" }
        return text
    }

    /// The candidate closest to `word` by edit distance, if it is close enough to be a typo.
    static func nearest(_ word: String, among candidates: [String]) -> String? {
        let scored = candidates.map { ($0, editDistance(word, $0)) }.min { $0.1 < $1.1 }
        guard let (best, distance) = scored, distance <= max(1, min(3, best.count / 3)) else { return nil }
        return best
    }

    /// The Levenshtein distance: insertions, deletions and substitutions.
    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        var previous = Array(0...b.count)
        for i in 1...max(a.count, 1) where !a.isEmpty {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...max(b.count, 1) where !b.isEmpty {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }
}
