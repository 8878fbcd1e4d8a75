/// Reading declared options out of the parsed arguments into typed values.
extension Arguments {
    /// The value of `option`: its text read by its parser in `context`, or, when it is not given,
    /// its default (or the error that it is required). Errors are this command's usage errors.
    func read<Context, Value>(_ option: ValueOption<Context, Value>, in context: Context) throws(CLIError) -> Value {
        guard let text = value(option.name) else {
            switch option.absent {
            case .value(let value), .explained(let value, _), .silent(let value): return value
            case .required(let missing): throw usage(missing(option.name, context))
            }
        }
        do throws(ValidationError) {
            return try option.parser.parse(text, option.name, context)
        } catch {
            throw usage(Self.bounded(error.message, echoing: text))
        }
    }

    /// The longest option value an error quotes whole; a longer one is shown by its first
    /// characters and its length, so a line stays a line (a 100,000-digit `--j` gives no 100 KB error).
    static let longestEchoed = 40

    /// `message` with every quotation of `text` shortened when `text` is longer than ``longestEchoed``.
    static func bounded(_ message: String, echoing text: String) -> String {
        guard text.count > longestEchoed else { return message }
        return message.replacing(text, with: String(text.prefix(longestEchoed)) + "… (\(text.count) characters)")
    }

    /// The value of an option that needs no context.
    func read<Value>(_ option: ValueOption<Void, Value>) throws(CLIError) -> Value {
        try read(option, in: ())
    }

    /// Whether `option` was given at all.
    func isGiven(_ option: some DeclaredOption) -> Bool {
        let name = option.option.name
        return value(name) != nil || flag(name)
    }

    /// Whether the flag was given.
    func flag(_ flag: Flag) -> Bool { self.flag(flag.name) }
}
