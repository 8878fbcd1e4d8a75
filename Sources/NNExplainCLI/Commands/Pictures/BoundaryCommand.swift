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

    /// The multiply-adds a picture may take, `N² ×` the network's weights (a few seconds).
    static let workLimit = 2_000_000_000

    static func run(_ arguments: Arguments, _ environment: Environment) throws(CLIError) -> CommandResult {
        let resolution = try arguments.read(Self.resolution)
        let shading = try arguments.read(shade)
        _ = try arguments.read(format)
        let source = arguments.isGiven(Options.network) || arguments.isGiven(Options.random) ? "this network" : "the built-in network"
        let loaded = try loadNetwork(arguments, environment) { shape throws(CLIError) in
            try require(shape, resolution: resolution, shading: shading, source: source, arguments)
        }
        let network = loaded.network
        // The built-in network passes no bounds on its way in.
        try require(NetworkShape(network), resolution: resolution, shading: shading, source: source, arguments)
        let all = network.samples + network.testSamples
        func plane(_ option: ValueOption<Void, ClosedRange<Double>?>, input k: Int) throws(CLIError) -> ClosedRange<Double> {
            if let given = try arguments.read(option) { return given }
            guard let range = BoundaryPicture.dataRange(all.map { $0.x[k] }) else {
                throw arguments.usage("the samples' x_\(k) spans more than a picture can: give the range to draw, e.g. \(option.name) -1,1")
            }
            return range
        }
        let picture = BoundaryPicture(network: network, xRange: try plane(xRange, input: 0), yRange: try plane(yRange, input: 1),
                                      resolution: resolution, shading: shading)
        let text = picture.svg()
        if let output = try arguments.read(Self.output) {
            try AtomicFile.write(text, to: output, pause: environment.pauseWhileWriting)
            return CommandResult(output: "", warnings: loaded.warnings)
        }
        return CommandResult(output: text, warnings: loaded.warnings)
    }

    /// The picture needs two inputs, at most ``BoundaryPicture/maxClasses`` classes, one output for
    /// `--shade value`, and no more than ``workLimit`` multiply-adds.
    static func require(_ shape: NetworkShape, resolution: Int, shading: BoundaryPicture.Shading, source: String,
                        _ arguments: Arguments) throws(CLIError) {
        guard shape.sizes[0] == 2 else {
            throw arguments.usage("boundary draws the plane of a network's 2 inputs, and \(source) has \(shape.sizes[0].counting("input")); "
                + "give one with 2, e.g. --random 2,4,1 or --network FILE")
        }
        let outputs = shape.sizes[shape.depth]
        if shading == .value, outputs != 1 {
            throw arguments.usage("--shade value shades by the one output a_0^L, and \(source) has \(outputs) outputs; use --shade class")
        }
        guard Classification.classCount(outputs: outputs) <= BoundaryPicture.maxClasses else {
            throw arguments.usage("boundary tells at most \(BoundaryPicture.maxClasses) classes apart, one colour and shape each, "
                + "and \(source) has \(outputs) outputs")
        }
        let work = resolution * resolution * shape.weights
        guard work <= workLimit else {
            let fitting = Int((Double(workLimit) / Double(shape.weights)).squareRoot())
            throw arguments.usage("a picture of \(resolution) × \(resolution) cells (--resolution) evaluates \(source) at \(ResourceLimits.grouped(resolution * resolution)) points, "
                + "about \(ResourceLimits.grouped(work)) multiply-adds, more than the \(ResourceLimits.grouped(workLimit)) a picture may take; "
                + (fitting >= resolutions.lowerBound ? "give --resolution \(fitting) or less" : "this network is too large to draw"))
        }
    }
}
