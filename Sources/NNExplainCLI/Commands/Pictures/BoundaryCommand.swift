import NNExplain

/// `nnexplain boundary`: the input plane of a two-input network, shaded by the class it predicts,
/// with the samples on it (``BoundaryPicture``).
enum BoundaryCommand {
    static let command = Command(
        name: "boundary",
        abstract: "Draw the input plane of a two-input network, shaded by the class it predicts, with the samples on it.",
        discussion: """
            The plane of x_0 and x_1 is cut into N × N cells (--resolution), each shaded by the class
            the network predicts at its centre: the largest output a_j^L (the lowest j on a tie), or
            for one output class 1 where a_0^L ≥ 0.5 and class 0 below; a dark line follows the
            boundary between classes. --shade value shades a one-output network by a_0^L instead, in
            bands of 0.1. Samples are markers by their target class (the same rule applied to y),
            each class its own colour and shape; training samples filled, test samples hollow. The
            plane spans the samples, training and test, with 10% of their span added on each side
            (1 on each side if they all share one value), unless --x-range or --y-range says
            otherwise. The picture is SVG, the only format; rsvg-convert or a browser makes a PNG.
            """,
        synopsis: [.networkSource, .optional(output), .optional(resolution), .optional(shade, showing: .choices),
                   .optional(xRange), .optional(yRange), .optional(format, showing: .choices)],
        options: Options.networkSource + [output, resolution, shade, xRange, yRange, format],
        action: .parsed(run))

    static let output = ValueOption<Void, String?>(
        name: "--output", placeholder: "FILE", help: .summary("Write to FILE instead of standard output (safely)"),
        parser: ValueParser.outputFile.optional, absent: .silent(nil))

    static let resolutions = 2...500
    static let resolution = ValueOption<Void, Int>(
        name: "--resolution", placeholder: "N", help: .summary("Cells along each axis of the plane", showsBounds: true),
        parser: .wholeNumber(in: resolutions), absent: .value(100))

    static let shade = ValueOption<Void, BoundaryPicture.Shading>(
        name: "--shade", placeholder: "WHAT",
        help: .choices(),
        parser: .choice(of: BoundaryPicture.Shading.allCases, notes: { shading in
            switch shading {
            case .classes: return .meaning("the predicted class")
            case .value: return .meaning("the output a_0^L of a network with one output")
            }
        }) { text, name, names in
            "unknown shading '\(text)' for \(name); use " + ListStyle.natural.join(names)
        },
        absent: .value(.classes))

    static let xRange = ValueOption<Void, ClosedRange<Double>?>(
        name: "--x-range", placeholder: "LOW,HIGH", help: .summary("The values of x_0 the plane spans, e.g. -1,1"),
        parser: range.optional, absent: .explained(nil, "the samples' with a 10% margin"))

    static let yRange = ValueOption<Void, ClosedRange<Double>?>(
        name: "--y-range", placeholder: "LOW,HIGH", help: .summary("The values of x_1 the plane spans"),
        parser: range.optional, absent: .explained(nil, "the samples' with a 10% margin"))

    /// `LOW,HIGH`: two finite numbers, the first the smaller, whose difference is finite.
    static let range = ValueParser<Void, ClosedRange<Double>>(describe: { "\($0.lowerBound),\($0.upperBound)" }) {
        text, name, _ throws(ValidationError) in
        let parts = text.split(separator: ",", omittingEmptySubsequences: false).map { Double($0.trimmed) }
        guard parts.count == 2, let low = parts[0], let high = parts[1], low.isFinite, high.isFinite else {
            throw ValidationError("\(name) expects two numbers separated by a comma, not '\(text)'; for example \(name) -1,1")
        }
        guard low != high else {
            throw ValidationError("\(name) \(text) is no range: its two ends are equal; give two different numbers, the smaller first, e.g. \(name) -1,1")
        }
        guard low < high else {
            throw ValidationError("\(name) \(text) runs backwards; give the smaller number first, e.g. \(name) \(high.formatted),\(low.formatted)")
        }
        // Halving both ends keeps the width at most the largest Double, so the example is accepted.
        guard (high - low).isFinite else {
            throw ValidationError("\(name) \(text) is wider than a picture can span (HIGH − LOW is beyond the largest number, about 1.8e308); "
                + "give a narrower range, e.g. \(name) \((low / 2).formatted),\((high / 2).formatted)")
        }
        return low...high
    }

    enum Format: String, CaseIterable {
        case svg
    }

    static let format = ValueOption<Void, Format>(
        name: "--format", placeholder: "FORMAT", help: .choices(remark: "the only format"),
        parser: .choice(of: Format.allCases) { text, name, _ in
            "unknown format '\(text)' for \(name); boundary writes svg only (rsvg-convert turns it into PNG)"
        },
        absent: .value(.svg))

    static func run(_ arguments: Arguments, _ environment: Environment) throws(CLIError) -> CommandResult {
        let resolution = try arguments.read(Self.resolution)
        let shading = try arguments.read(shade)
        _ = try arguments.read(format)
        let source = arguments.isGiven(Options.network) || arguments.isGiven(Options.random) ? "this network" : "the built-in network"
        func refused(_ problem: BoundaryPicture.Problem) -> CLIError { arguments.usage(message(problem, source: source)) }
        let loaded = try loadNetwork(arguments, environment) { shape throws(CLIError) in
            do throws(BoundaryPicture.Problem) { try BoundaryPicture.require(shape, resolution: resolution, shading: shading) } catch {
                throw refused(error)
            }
        }
        let network = loaded.network
        func plane(_ option: ValueOption<Void, ClosedRange<Double>?>, input k: Int) throws(CLIError) -> ClosedRange<Double> {
            let given = try arguments.read(option)
            do throws(BoundaryPicture.Problem) { return try BoundaryPicture.range(given, input: k, of: network) } catch { throw refused(error) }
        }
        let (x, y) = (try plane(xRange, input: 0), try plane(yRange, input: 1))
        let picture: BoundaryPicture
        // The built-in network passes no bounds on its way in: the picture checks it.
        do throws(BoundaryPicture.Problem) {
            picture = try BoundaryPicture(network: network, xRange: x, yRange: y, resolution: resolution, shading: shading)
        } catch { throw refused(error) }
        let text = picture.svg()
        if let output = try arguments.read(Self.output) {
            try AtomicFile.write(text, to: output, pause: environment.pauseWhileWriting)
            return CommandResult(output: "", warnings: loaded.warnings, heading: loaded.heading)
        }
        return CommandResult(output: text, warnings: loaded.warnings, heading: loaded.heading)
    }

    /// The picture's problem as the command says it: the library's sentence of `source`, with the
    /// options that fix it.
    static func message(_ problem: BoundaryPicture.Problem, source: String) -> String {
        let sentence = problem.message(network: source, resolutionOption: Self.resolution.name)
        switch problem {
        case .inputs: return sentence + "; give one with 2, e.g. --random 2,4,1 or --network FILE"
        case .valueShading(let outputs):
            return "\(shade.name) value shades by the one output a_0^L, and \(source) has \(outputs) outputs; use \(shade.name) class"
        case .dataRange(let k): return sentence + ", e.g. \(k == 0 ? xRange.name : yRange.name) -1,1"
        case .classes, .resolution, .work, .network: return sentence
        }
    }
}
