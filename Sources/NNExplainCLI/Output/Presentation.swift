import NNExplain

/// How an explaining command writes its document: `--format`, `--precision`, `--ascii`,
/// `--color` and `--standalone`, read and checked in one place.
struct Presentation {
    enum Format: String, CaseIterable {
        case text, json, markdown, latex
    }

    var format: Format
    var precision: Int
    var ascii: Bool
    var color: Bool
    var standalone: Bool

    /// The options every explaining command takes, for its help.
    static func options(formats: [Format]) -> [Command.Option] {
        var options = [
            Command.Option(name: "--format", value: "FORMAT",
                           help: "text (default), " + formats.dropFirst().map(\.rawValue).joined(separator: ", ")
                               + (formats.contains(.json) ? "; json has full precision." : ".")),
            Command.Option(name: "--precision", value: "N", help: "Significant digits of every number in text output, 1…17 (default 9)."),
            Command.Option(name: "--ascii", value: nil, help: "Plain ASCII text instead of Unicode math (d for ∂, sum for Σ, * for ·)."),
            Command.Option(name: "--color", value: "WHEN", help: "auto (default: only on a terminal, never with NO_COLOR), always or never."),
        ]
        if formats.contains(.latex) {
            options.append(Command.Option(name: "--standalone", value: nil, help: "With --format latex: a complete document, not a fragment."))
        }
        return options
    }

    init(_ arguments: Arguments, environment: Environment, formats: [Format]) throws(CLIError) {
        let text = arguments.value("--format") ?? "text"
        guard let format = Format(rawValue: text), formats.contains(format) else {
            throw arguments.usage("unknown format '\(text)' for --format; use "
                + formats.map(\.rawValue).dropLast().joined(separator: ", ") + " or " + formats.last!.rawValue)
        }
        self.format = format
        precision = try NNExplainCLI.precision(arguments)
        ascii = arguments.flag("--ascii")
        standalone = arguments.flag("--standalone")
        if ascii && format != .text { throw arguments.usage("--ascii applies to text output only; drop it or use --format text") }
        if standalone && format != .latex { throw arguments.usage("--standalone applies to --format latex only") }
        switch arguments.value("--color") ?? "auto" {
        case "auto": color = environment.stdoutIsTerminal && !environment.noColor
        case "always": color = true
        case "never": color = false
        case let other: throw arguments.usage("unknown value '\(other)' for --color; use auto, always or never")
        }
        if color && format != .text { color = false }
    }

    /// The document in the chosen format; `json` is asked for only when the format is JSON.
    func render(_ document: Document, naming: LayerNaming, json: () -> JSONValue) -> String {
        switch format {
        case .text: return TextRenderer(naming: naming, precision: precision, ascii: ascii, color: color).render(document)
        case .markdown: return MarkdownRenderer(naming: naming, precision: precision).render(document)
        case .latex: return LatexRenderer(naming: naming, precision: precision, standalone: standalone).render(document)
        case .json: return json().formatted() + "\n"
        }
    }
}
