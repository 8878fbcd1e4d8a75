/// A computation bigger than the memory or time this library takes (``ResourceLimits``), refused
/// before anything big is allocated or run, as a value a caller can switch on.
public enum ResourceError: Error, Equatable, Sendable {
    /// A network of `parameters` weights and biases and `samples` samples, with `printed` numbers
    /// of output, would take about `bytes` of memory (``ResourceLimits/memoryBytes``).
    case memory(bytes: Int, parameters: Int, samples: Int, printed: Int)
    /// A gradient check of `parameters` over `samples` samples would take `multiplyAdds`.
    case checkWork(multiplyAdds: Int, parameters: Int, samples: Int)
    /// The explanation of a weight of `layer` (named as `naming` says) would be about `bytes` of text.
    case explanation(bytes: Int, layer: Int, naming: LayerNaming)
    /// `samples` samples of a network of `nodes` nodes in all (inputs too) would hold more than
    /// ``ResourceLimits/dataNumbers`` numbers.
    case data(samples: Int, nodes: Int)
    /// A page of every one of a network's `parameters` weights and biases, more than
    /// ``PageSelection/maxParameters``.
    case pageParameters(Int)
    /// A page of `parameters` weights and biases over `samples` samples would hold `derivations`,
    /// more than ``PageSelection/maxDerivations``.
    case pageDerivations(parameters: Int, samples: Int, derivations: Int)
    /// A page would be about `bytes` of HTML (``OutputSize/pageBytes(_:explained:)``), more than
    /// ``ResourceLimits/pageBytes``; `whole` when the parts every page has (each sample's diagram and
    /// forward computations, the tables of every parameter) are more on their own.
    case page(bytes: Int, whole: Bool)
    /// `walk` would write `steps` steps, about `bytes` of text (``OutputSize/walkBytes(_:)``), more
    /// than ``ResourceLimits/walkBytes``.
    case walk(bytes: Int, steps: Int)
    /// `predict` would print `numbers` (``OutputSize/predictionNumbers(outputs:listed:)``), the
    /// confusion matrix of `classes` classes among them, needing about `bytes` of memory.
    case predictions(bytes: Int, classes: Int, numbers: Int)
    /// One sample's computational graph would have up to `nodes` nodes: more than
    /// ``ResourceLimits/graphNodes`` are built, or (`whole`) more than
    /// ``ResourceLimits/explainedGraphNodes`` are explained at once.
    case graph(nodes: Int, whole: Bool)
}

extension ResourceError: ExplainedError {
    /// The one sentence: the figure, the bound and a way round it.
    public var message: String {
        typealias R = ResourceLimits
        switch self {
        case .memory(let bytes, let parameters, let samples, let printed):
            let what = printed > 0 ? ", the engine's buffers and the \(printed) numbers the output prints" : " and the engine's buffers for its gradients"
            return "this network (\(parameters) weights and biases, \(samples.counting("sample")))"
                + "\(what) need about \(R.megabytes(bytes)) of memory, more than the \(R.megabytes(R.memoryBytes)) this tool takes; "
                + "use smaller layers or fewer samples"
        case .checkWork(let work, let parameters, let samples):
            return "check runs two forward passes over its \(samples.counting("sample")) for each of the "
                + "\(parameters) weights and biases of this network, about \(R.grouped(work)) multiply-adds "
                + "(each layer counted as \(NetworkShape.layerWork) more), more than the "
                + "\(R.grouped(R.checkMultiplyAdds)) a check may take; use fewer samples or a smaller network"
        case .explanation(let bytes, let l, let naming):
            return "the explanation of a weight of layer \(naming.fullName(l)) traces ∂C/∂a back through every layer "
                + "above it and would be about \(R.megabytes(bytes)) of text, more than the \(R.megabytes(R.explanationBytes)) "
                + "this tool writes; explain a weight of a layer nearer the output, or use a network with fewer or smaller layers"
        case .data(let samples, _):
            return message(samples: "\(samples) samples")
        case .pageParameters(let count):
            return "the network has \(R.grouped(count)) weights and biases, more than the "
                + "\(R.grouped(PageSelection.maxParameters)) a page explains in full"
        case .pageDerivations(let parameters, let samples, let derivations):
            return "a page of \(R.grouped(parameters)) parameter\(parameters == 1 ? "" : "s") and \(samples.counting("sample")) "
                + "would hold \(R.grouped(derivations)) derivations (one per sample and one for the average of each), more than "
                + "the \(R.grouped(PageSelection.maxDerivations)) a page holds"
        case .page(let bytes, _):
            return "this page would be about \(R.megabytes(bytes)) of HTML (each parameter's derivation for every sample and the "
                + "average, every sample's diagram and forward computation, the tables of every parameter), more than the "
                + "\(R.megabytes(R.pageBytes)) a page may take"
        case .walk(let bytes, let steps):
            return "the walk of this network takes \(R.grouped(steps)) steps (three for each node), about \(R.megabytes(bytes)) "
                + "of text, more than the \(R.megabytes(R.walkBytes)) a walk may take; use a network with fewer or smaller layers"
        case .predictions(let bytes, let classes, let numbers):
            return "predict prints a confusion matrix of \(R.grouped(classes)) × \(R.grouped(classes)) classes and every listed "
                + "sample's outputs, \(R.grouped(numbers)) numbers, which need about \(R.megabytes(bytes)) of memory, more than the "
                + "\(R.megabytes(R.memoryBytes)) this tool takes; use a network with fewer outputs, or list fewer samples"
        case .graph(let nodes, let whole):
            return whole
                ? "the computational graph of this network has up to \(R.grouped(nodes)) nodes, more than the "
                    + "\(R.grouped(R.explainedGraphNodes)) an explanation of the whole graph walks; explain one weight's part of it with --layer, --j and --k"
                : "the computational graph of this network would have up to \(R.grouped(nodes)) nodes, more than the "
                    + "\(R.grouped(R.graphNodes)) it is built with; step explains one weight of it without building the graph"
        }
    }

    /// The sentence, with the samples named as `samples` (an option and its value, `--samples 5`).
    package func message(samples named: String) -> String {
        switch self {
        case .data(_, let nodes):
            return "\(named) with \(nodes) nodes in all is too much data (more than \(ResourceLimits.dataNumbers) numbers); "
                + "use fewer samples or smaller layers"
        default: return message
        }
    }
}
