extension NetworkGraph.Failure: ExplainedError {
    /// The one sentence: what the graph's gate met, and that `step` computes the same loss in a stable form.
    public var message: String {
        switch self {
        case .network(let error): return error.message
        case .operation(let failure):
            let stable = "step computes this loss from z in a stable form and explains it"
            switch failure {
            case .logarithmOfNonPositive(let node, let argument):
                return "the graph's gate ln meets \(argument.formatted) at node n_\(node): an output rounded to "
                    + "\(argument == 0 ? "0 or 1" : "a number that is not positive"), and the gate-by-gate loss takes its logarithm; \(stable)"
            case .divisionByZero(let node):
                return "the graph divides by 0 at node n_\(node): softmax's sum of e^z underflowed to 0; \(stable)"
            case .powerOfNegative(let node, let base, let exponent):
                return "the graph raises \(base.formatted) to the power \(exponent.formatted) at node n_\(node), which is no real number"
            case .notFinite(let node, let operation):
                return "the graph's gate \(ComputationGraph.operationName(operation)) at node n_\(node) went beyond the largest double "
                    + "(e^z of a large z, as softmax's are here); \(stable)"
            }
        }
    }
}
