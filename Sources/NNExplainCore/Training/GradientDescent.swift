/// The update rule of gradient descent, stated once: `θ ← θ − η · ∂C/∂θ` for every weight and bias.
///
/// Every step the tool takes (``Network/updateStep(learningRate:order:)``, ``Network/trained(epochs:learningRate:order:batchSize:shuffleSeed:engine:progress:)``
/// and the layer-at-a-time `output-first` order) moves its parameters through these functions, so
/// the arithmetic an explanation prints, `old − η × gradient`, is the arithmetic that ran: one
/// multiplication, then one subtraction, never fused.
package enum GradientDescent {
    /// `θ − η · g`.
    @inlinable
    package static func step(_ θ: Double, gradient g: Double, learningRate η: Double) -> Double { θ - η * g }

    /// Every entry of `θ` stepped by the matching entry of `gradients`.
    package static func step(_ θ: [Double], gradients: [Double], learningRate η: Double) -> [Double] {
        zip(θ, gradients).map { step($0, gradient: $1, learningRate: η) }
    }

    /// Every row of a weight matrix stepped by the matching row of its gradients.
    package static func step(_ θ: [[Double]], gradients: [[Double]], learningRate η: Double) -> [[Double]] {
        zip(θ, gradients).map { step($0, gradients: $1, learningRate: η) }
    }
}
