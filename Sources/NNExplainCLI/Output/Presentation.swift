import NNExplain

/// How an explaining command writes its document: `--format`, `--precision`, `--ascii`,
/// `--color`, `--width`, `--standalone` and `--aspect`, declared, read and checked in one place.
struct Presentation {
    enum Format: String, CaseIterable {
        case text, json, markdown, latex, beamer
    }

    /// `--color WHEN`.
    enum ColorChoice: String, CaseIterable {
        case auto, always, never
    }

    var format: Format
    var precision: Int
    var ascii: Bool
    var color: Bool
    var standalone: Bool
    /// The display columns text lines may take; nil (no wrapping) unless `--width` is given or
    /// stdout is a terminal, so files and pipes get the same bytes whatever the terminal.
    var width: Int?
    var aspect: BeamerRenderer.Aspect
    /// Whether the output may open with a sentence of prose (``CommandResult/heading``): text and Markdown.
    var fitsHeading: Bool { format == .text || format == .markdown }

    /// The options every explaining command takes, for its help: `--format` when there is more
    /// than one format to choose, `--standalone` when one of them is LaTeX, `--aspect` with beamer.
    static func options(formats: [Format]) -> [any DeclaredOption] {
        var options: [any DeclaredOption] = formats.count > 1 ? [format(formats)] : []
        options += [formats.contains(.beamer) ? precisionWithSlides : precision, ascii, color] as [any DeclaredOption]
        if formats.contains(.text) { options.append(width) }
        if formats.contains(.latex) { options.append(standalone) }
        if formats.contains(.beamer) { options.append(aspect) }
        return options
    }

    /// `--format FORMAT`, one of `formats`, the first the default.
    static func format(_ formats: [Format]) -> ValueOption<Void, Format> {
        ValueOption(
            name: "--format", placeholder: "FORMAT", help: .choices(remark: formats.contains(.json) ? "json has full precision" : nil),
            parser: .choice(of: formats, listed: .commas) { text, name, names in
                "unknown format '\(text)' for \(name); use " + ListStyle.natural.join(names)
            },
            absent: .value(formats[0]))
    }

    /// The significant digits a number may be printed with.
    static let significantDigits = 1...17

    static let precision = ValueOption<Void, Int>(
        name: "--precision", placeholder: "N", help: .summary("Significant digits of every number in text output", showsBounds: true),
        parser: .wholeNumber(in: significantDigits) { "give the number of significant digits, \($0)" },
        absent: .value(TextRenderer.defaultPrecision))

    /// `--precision N` of a command that writes slides too: beamer's default is fewer digits.
    static let precisionWithSlides = ValueOption<Void, Int?>(
        name: precision.name, placeholder: precision.placeholder, help: .summary("Significant digits of every number in text output", showsBounds: true),
        parser: precision.parser.optional,
        absent: .explained(nil, "\(TextRenderer.defaultPrecision); \(BeamerRenderer.defaultPrecision) with --format beamer, readable from the back of a room"))

    static let ascii = Flag(name: "--ascii", help: "Plain ASCII text instead of Unicode math (d for ∂, sum for Σ, * for ·).")

    static let color = ValueOption<Void, ColorChoice>(
        name: "--color", placeholder: "WHEN", help: .choices(),
        parser: .choice(of: ColorChoice.allCases, notes: { $0 == .auto ? .meaning("only on a terminal, never with NO_COLOR") : nil }) {
            text, name, names in "unknown value '\(text)' for \(name); use " + ListStyle.natural.join(names)
        },
        absent: .value(.auto))

    /// The narrowest and widest `--width`: narrower than 20 columns not even a symbol fits.
    static let widths = 20...1000

    static let width = ValueOption<Void, Int?>(
        name: "--width", placeholder: "N", help: .summary("Wrap text output at N display columns", showsBounds: true),
        parser: ValueParser.wholeNumber(in: widths).optional, absent: .explained(nil, "the terminal's width; no wrapping when not a terminal"))

    static let standalone = Flag(name: "--standalone", help: "With --format latex: a complete document, not a fragment.")

    /// `--aspect RATIO`, the slides' shape.
    static let aspect = ValueOption<Void, BeamerRenderer.Aspect>(
        name: "--aspect", placeholder: "RATIO", help: .choices(remark: "with --format beamer"),
        parser: .choice(of: BeamerRenderer.Aspect.allCases) {
            text, name, names in "unknown aspect ratio '\(text)' for \(name); use " + ListStyle.natural.join(names)
        },
        absent: .value(.standard))

    init(_ arguments: Arguments, environment: Environment, formats: [Format]) throws(CLIError) {
        format = try arguments.read(Presentation.format(formats))
        precision = formats.contains(.beamer)
            ? try arguments.read(Presentation.precisionWithSlides) ?? (format == .beamer ? BeamerRenderer.defaultPrecision : TextRenderer.defaultPrecision)
            : try arguments.read(Presentation.precision)
        ascii = arguments.flag(Presentation.ascii)
        standalone = arguments.flag(Presentation.standalone)
        let width = formats.contains(.text) ? try arguments.read(Presentation.width) : nil
        if width != nil && format != .text { throw arguments.usage("--width applies to text output only; drop it or use --format text") }
        self.width = width ?? (environment.stdoutIsTerminal ? environment.terminalColumns : nil)
        if ascii && format != .text { throw arguments.usage("--ascii applies to text output only; drop it or use --format text") }
        if standalone && format != .latex {
            let hint = format == .beamer ? "; beamer output is always a complete document" : ""
            throw arguments.usage("--standalone applies to --format latex only" + hint)
        }
        aspect = try arguments.read(Presentation.aspect)
        if arguments.isGiven(Presentation.aspect) && format != .beamer {
            throw arguments.usage("--aspect applies to --format beamer only; add --format beamer or drop it")
        }
        switch try arguments.read(Presentation.color) {
        case .auto: color = environment.stdoutIsTerminal && !environment.noColor
        case .always: color = true
        case .never: color = false
        }
        if color && format != .text { color = false }
    }

    /// The document in the chosen format, or with `--format json` the value `json`, written by the
    /// one JSON layer (``JSONRenderer``); a command without `json` does not offer that format.
    func render(_ document: Document, naming: LayerNaming, json: (any JSONRepresentable)? = nil) -> String {
        switch format {
        case .text: return TextRenderer(naming: naming, precision: precision, ascii: ascii, color: color, width: width).render(document)
        case .markdown: return MarkdownRenderer(naming: naming, precision: precision).render(document)
        case .latex: return LatexRenderer(naming: naming, precision: precision, standalone: standalone).render(document)
        case .beamer: return BeamerRenderer(naming: naming, precision: precision, aspect: aspect).render(document)
        case .json:
            guard let json else { preconditionFailure("a command without JSON output offered --format json") }
            return JSONRenderer(naming: naming).render(json)
        }
    }
}
