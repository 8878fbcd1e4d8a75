/// The class a vector of outputs (or a target) stands for, when a network is read as a classifier.
///
/// - With several outputs, the class is the index `j` of the largest `a_j^L` (the argmax), the
///   lowest such `j` on a tie: one-hot targets name their class this way, and a softmax output
///   predicts the class it gives the highest probability.
/// - With one output, the class is 1 when `a_0^L ≥ 0.5` and 0 otherwise: a sigmoid output read as the
///   probability of class 1, and targets 0 and 1 as the two classes.
///
/// A vector holding NaN names no class (`nil`): a network whose output is not a number predicts
/// nothing.
package enum Classification {
    /// The threshold of a single output: class 1 from here up.
    package static let threshold = 0.5

    /// How many classes `outputs` output nodes tell apart: 2 for one output, else one per output.
    package static func classCount(outputs: Int) -> Int { outputs == 1 ? 2 : outputs }

    /// The class of `values` (outputs `a^L` or a target `y`), or nil when one of them is NaN.
    package static func classOf(_ values: [Double]) -> Int? {
        guard !values.contains(where: { $0.isNaN }) else { return nil }
        if values.count == 1 { return values[0] >= threshold ? 1 : 0 }
        var best = 0
        for j in values.indices.dropFirst() where values[j] > values[best] { best = j }
        return best
    }
}
