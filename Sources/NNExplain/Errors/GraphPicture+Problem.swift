extension GraphPicture.Problem: ExplainedError {
    /// The one sentence: how many boxes, the bound, and a smaller picture to draw instead.
    package var message: String {
        switch self {
        case .tooManyNodes(let nodes, whole: true):
            return "the graph has \(ResourceLimits.grouped(nodes)) nodes, more than the \(GraphPicture.maximumNodes) a picture can show legibly; "
                + "draw one weight's part of it with --layer, --j and --k"
        case .tooManyNodes(let nodes, whole: false):
            return "the part of the graph on this weight's paths has \(ResourceLimits.grouped(nodes)) nodes with their inputs, more than the "
                + "\(GraphPicture.maximumNodes) a picture can show legibly; choose a weight of a layer nearer the output, or a smaller network"
        }
    }
}
