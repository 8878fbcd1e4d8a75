/// Options declared once, as values: each carries its name, the placeholder and type of its value,
/// its default and its help words, and the help line is generated from them (``Command/Option/help``),
/// so a default or a list of choices is stated in one place and read by both the help and the parser.

extension Command {
    /// One option as the parser, the help and the USAGE line see it: its name, the placeholder of
    /// its value (`nil` for a flag), the names its value may be (`nil` unless it is a choice) and its
    /// whole help line, generated from a ``Flag`` or ``ValueOption``.
    struct Option: Sendable, DeclaredOption {
        let name: String
        let value: String?
        let choices: [String]?
        let help: String

        var option: Command.Option { self }
    }
}

/// Anything a command lists among its options: a ``Flag``, a ``ValueOption`` or a plain ``Command/Option``.
protocol DeclaredOption: Sendable {
    var option: Command.Option { get }
}

/// An option without a value, `--average`: given or not.
struct Flag: DeclaredOption {
    let name: String
    let help: String

    var option: Command.Option { Command.Option(name: name, value: nil, choices: nil, help: help) }
}

/// An option whose text reads to a `Value`, in a `Context` the check may need (the network's size for
/// a node index; nothing, `Void`, for most). Read it with ``Arguments/read(_:in:)``.
struct ValueOption<Context, Value: Sendable>: DeclaredOption {
    let name: String
    /// The placeholder of the value in the help, `N` in `--epochs <N>`.
    let placeholder: String
    let help: HelpWords
    let parser: ValueParser<Context, Value>
    /// What the option means when it is not given.
    let absent: Absent<Context, Value>

    var option: Command.Option { Command.Option(name: name, value: placeholder, choices: parser.choices, help: helpLine) }

    /// The help line: the words, the bounds if shown, the default, and a full stop; or for a choice
    /// of values, the choices with the default marked among them.
    var helpLine: String {
        switch help {
        case .summary(let words, let showsBounds):
            var line = words
            if showsBounds, let bounds = parser.bounds { line += ", " + bounds }
            switch absent {
            case .value(let value): line += " (default \(parser.describe(value)))"
            case .explained(_, let words): line += " (default: \(words))"
            case .silent, .required: break
            }
            return line + "."
        case .choices(let remark):
            let listed: Value? = if case .value(let value) = absent { value } else { nil }
            return (parser.listing?(listed) ?? "") + (remark.map { "; " + $0 } ?? "") + "."
        }
    }
}

/// The words of an option's help, to which the declaration adds what it knows.
enum HelpWords: Sendable {
    /// "Significant digits of every number in text output": followed by `, 1…17` when
    /// `showsBounds`, then the default, then a full stop.
    case summary(String, showsBounds: Bool = false)
    /// The choices of a ``ValueParser/choice(listed:notes:unknown:)`` value with the default marked,
    /// then `; remark`, then a full stop.
    case choices(remark: String? = nil)
}

/// What an option means when it is not given.
enum Absent<Context, Value: Sendable>: Sendable {
    /// This value, which the help states: "(default 9)".
    case value(Value)
    /// This value (usually `nil`), which stands for what the words say: "(default: the network's, else 0.1)".
    case explained(Value, String)
    /// This value, of which the help says nothing beyond its words ("Without it, the built-in network").
    case silent(Value)
    /// The option must be given; the error says so, given the option's name and the context.
    case required(missing: @Sendable (_ name: String, _ context: Context) -> String)
}
