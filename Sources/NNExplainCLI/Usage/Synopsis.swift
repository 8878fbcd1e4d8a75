/// A command's USAGE line after `nnexplain <name>`, as values built from the option declarations:
/// each name and placeholder is the declaration's, and each list of choices is the one its parser
/// accepts, so the line states nothing a second time.
struct Synopsis: Sendable, ExpressibleByArrayLiteral {
    /// How an option with a value shows it.
    enum Shown: Sendable {
        /// `--format FORMAT`.
        case placeholder
        /// `--format text|json`: the choices its parser accepts, in its order.
        case choices
    }

    /// One part of the line, bare or in brackets.
    enum Element: Sendable {
        /// `--epochs N`: an option that must be given.
        case required(any DeclaredOption)
        /// `[--every K]`, or `[--format text|json]` when `showing` its choices.
        case optional(any DeclaredOption, showing: Shown = .placeholder)
        /// `[--layer SPEC --j J --k K]`: options given all together or not at all.
        case optionalGroup([any DeclaredOption])
        /// `[--sample S | --average]`: at most one of them.
        case alternatives([any DeclaredOption])
        /// `[N]`: the one positional argument, which may be left out, by its name.
        case positional(String)
        /// `MODEL.safetensors`: the one positional argument, which must be given, by its name.
        case requiredPositional(String)

        /// `[--network FILE | --random SIZES]`: every command that reads a network.
        static let networkSource = Element.alternatives([Options.network, Options.random])
        /// `[--layer SPEC --j J --k K]`: the weight, for the commands where it is optional.
        static let weight = Element.optionalGroup(Options.weight)

        /// The element as the line writes it.
        var text: String {
            switch self {
            case .required(let option): return Synopsis.text(option.option, .placeholder)
            case .optional(let option, let shown): return "[" + Synopsis.text(option.option, shown) + "]"
            case .optionalGroup(let options): return "[" + Synopsis.text(options, separator: " ") + "]"
            case .alternatives(let options): return "[" + Synopsis.text(options, separator: " | ") + "]"
            case .positional(let name): return "[" + name + "]"
            case .requiredPositional(let name): return name
            }
        }

        /// The options the element names, as declared.
        var options: [Command.Option] {
            switch self {
            case .required(let option), .optional(let option, _): return [option.option]
            case .optionalGroup(let options), .alternatives(let options): return options.map(\.option)
            case .positional, .requiredPositional: return []
            }
        }
    }

    let elements: [Element]

    init(arrayLiteral elements: Element...) { self.elements = elements }

    /// `--layer SPEC [--network FILE | --random SIZES] …`: the elements, one space apart.
    var text: String { elements.map(\.text).joined(separator: " ") }

    /// Every option the line names, in its order.
    var options: [Command.Option] { elements.flatMap(\.options) }

    /// The name of the positional argument, if the line has one (`lesson N`).
    var positional: String? {
        elements.lazy.compactMap {
            switch $0 {
            case .positional(let name), .requiredPositional(let name): name
            default: nil
            }
        }.first
    }

    /// The options with their placeholders, `separator` apart.
    private static func text(_ options: [any DeclaredOption], separator: String) -> String {
        options.map { text($0.option, .placeholder) }.joined(separator: separator)
    }

    /// `--average`, `--epochs N` or `--format text|json`. Showing the choices of an option that has
    /// none is a mistake in a declaration, which the help tests would meet at once.
    private static func text(_ option: Command.Option, _ shown: Shown) -> String {
        guard let placeholder = option.value else { return option.name }
        switch shown {
        case .placeholder: return option.name + " " + placeholder
        case .choices:
            guard let choices = option.choices else { preconditionFailure("\(option.name) has no choices to show") }
            return option.name + " " + choices.joined(separator: "|")
        }
    }
}
