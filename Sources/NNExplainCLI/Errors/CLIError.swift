/// Everything that can go wrong on the command line, as values. ``run`` is the one place that turns
/// them into text on stderr and an exit code (the swift-argument-parser convention).
public enum CLIError: Error, Equatable, Sendable {
    /// The command line itself is wrong; `command` names the subcommand whose usage to show.
    case usage(String, command: String?)
    /// The network file was read but is not a valid network.
    case badNetworkFile(path: String, String)
    /// A file could not be read at all.
    case unreadable(path: String, String)
    /// A model file (safetensors) was read but is not a model `import` can read.
    case badModelFile(path: String, String)
    /// A model file could not be read at all.
    case unreadableModel(path: String, String)
    /// A CSV data file was read but gives no samples.
    case badDataFile(path: String, String)
    /// A CSV data file could not be read at all.
    case unreadableData(path: String, String)
    /// A student's answers file was read but holds no answers in either form.
    case badAnswersFile(path: String, String)
    /// A student's answers file could not be read at all.
    case unreadableAnswers(path: String, String)
    /// A roster (class list) was read but is not a roster.
    case badRoster(path: String, String)
    /// A roster could not be read at all.
    case unreadableRoster(path: String, String)
    /// Anything else that fails while running.
    case runtime(String)

    /// 64 for usage errors, 65 for a bad network file, 66 for an unreadable file, 1 otherwise
    /// (the BSD `sysexits.h` codes EX_USAGE, EX_DATAERR and EX_NOINPUT).
    public var exitCode: Int32 {
        switch self {
        case .usage: return 64
        case .badNetworkFile, .badModelFile, .badDataFile, .badAnswersFile, .badRoster: return 65
        case .unreadable, .unreadableModel, .unreadableData, .unreadableAnswers, .unreadableRoster: return 66
        case .runtime: return 1
        }
    }

    /// The one sentence that names the problem and the fix.
    public var message: String {
        switch self {
        case .usage(let message, _): return message
        case .badNetworkFile(let path, let message): return "network file '\(path)': \(message)"
        case .unreadable(let path, let reason): return "cannot read network file '\(path)': \(reason)"
        case .badModelFile(let path, let message): return "model file '\(path)': \(message)"
        case .unreadableModel(let path, let reason): return "cannot read model file '\(path)': \(reason)"
        case .badDataFile(let path, let message): return "data file '\(path)': \(message)"
        case .unreadableData(let path, let reason): return "cannot read data file '\(path)': \(reason)"
        case .badAnswersFile(let path, let message): return "answers file '\(path)': \(message)"
        case .unreadableAnswers(let path, let reason): return "cannot read answers file '\(path)': \(reason)"
        case .badRoster(let path, let message): return "roster '\(path)': \(message)"
        case .unreadableRoster(let path, let reason): return "cannot read roster '\(path)': \(reason)"
        case .runtime(let message): return message
        }
    }

    /// What stderr shows: `Error: …`, and for usage errors the usage line and where to find help.
    func rendered() -> String {
        var text = "Error: \(message.visible)\n"
        if case .usage(_, let name) = self {
            let command = name.flatMap(Command.named)
            text += "Usage: \(command?.usage ?? Command.topUsage)\n"
            text += "See 'nnexplain\(name.map { " " + $0 } ?? "") --help'.\n"
        }
        return text
    }
}

extension String {
    /// The text with control characters (a newline typed into an argument, say) written as escapes
    /// like `\n`, so that every message stays on one line whatever the user typed; and with format
    /// characters (category Cf: the bidirectional overrides U+202A–U+202E and isolates U+2066–U+2069,
    /// the marks U+200E, U+200F and U+061C, zero-width characters) escaped as `\u{202e}`, so that an
    /// argument cannot reorder or hide the text of the sentence that echoes it.
    var visible: String {
        var out = ""
        for scalar in unicodeScalars {
            switch scalar {
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where [.control, .format].contains(scalar.properties.generalCategory) || scalar == "\u{2028}" || scalar == "\u{2029}":
                out += "\\u{\(String(scalar.value, radix: 16))}"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
