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
    /// The positional argument, for the commands that take one.
    private(set) var positional: String?

    init(_ arguments: [String], for command: Command) throws(CLIError) {
        self.command = command
        var rest = arguments[...]
        while let argument = rest.popFirst() {
            if argument == "-h" || argument == "--help" {
                wantsHelp = true
                continue
            }
            // Every option starts with `--` (but -h): a command with a positional argument takes a
            // single-dash one as it (`expr "-x^2"`, `lesson -1`, which it then refuses by name).
            let single = !argument.hasPrefix("--") && command.positional != nil
            guard argument.hasPrefix("-"), argument.count > 1, !single else {
                if command.positional != nil, positional == nil {
                    positional = argument
                    continue
                }
                throw usage("unexpected argument '\(argument)'; 'nnexplain \(command.name)' takes only options, "
                    + "which start with '--'")
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
        guard word.count <= 64 else { return nil }  // a pasted paragraph is no typo, and costs time
        let scored = candidates.map { ($0, editDistance(word, $0)) }.min { $0.1 < $1.1 }
        guard let (best, distance) = scored, distance <= max(1, min(3, best.count / 3)) else { return nil }
        return best
    }

    /// The edit distance counting insertions, deletions, substitutions and swaps of two neighbouring
    /// characters (the optimal string alignment distance), so `stpe` is one edit from `step`.
    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        guard !a.isEmpty, !b.isEmpty else { return max(a.count, b.count) }
        var d = (0...a.count).map { i in (0...b.count).map { j in i == 0 ? j : (j == 0 ? i : 0) } }
        for i in 1...a.count {
            for j in 1...b.count {
                d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] { d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1) }
            }
        }
        return d[a.count][b.count]
    }
}
