/// Why a gradient check's result cannot be trusted, as a value a caller can switch on.
public enum CheckError: Error, Equatable, Sendable {
    /// The step `epsilon` is below `smallestUseful`, the least whose noise allowance is at most
    /// `threshold` times the `largestGradient` (``GradientCheck/smallestUsefulEpsilon``).
    case epsilonTooSmall(epsilon: Double, threshold: Double, largestGradient: Double, smallestUseful: Double)
}

extension GradientCheck {
    /// The largest finite-difference step worth taking: beyond it the difference is no derivative.
    package static let largestEpsilon = 0.1

    /// Checks that the check's ε can resolve its gradients (``resolvesGradients``).
    ///
    /// - Throws: ``CheckError/epsilonTooSmall(epsilon:threshold:largestGradient:smallestUseful:)``.
    public func requireResolvesGradients() throws(CheckError) {
        guard let least = smallestUsefulEpsilon, !resolvesGradients else { return }
        throw .epsilonTooSmall(epsilon: epsilon, threshold: threshold, largestGradient: largestGradient, smallestUseful: least)
    }

    /// `x` rounded up to two significant digits (never below `x`): a step to suggest.
    package static func roundedUp(_ x: Double) -> Double {
        guard x > 0, x.isFinite else { return x }
        var scale = 1.0
        while x * scale < 10 { scale *= 10 }
        let up = (x * scale).rounded(.up) / scale
        return up >= x ? up : up.nextUp
    }
}

extension CheckError: ExplainedError {
    /// The sentence, naming the step ε.
    public var message: String { message(option: nil) }

    /// The sentence, naming the step as `option` (such as `--epsilon`) when given.
    package func message(option: String?) -> String {
        switch self {
        case .epsilonTooSmall(let ε, let threshold, let largest, let least):
            let name = option ?? "ε ="
            return "\(name) \(ε.formatted) is too small for this network: its noise allowance, "
                + "\(GradientCheck.noiseULPs.formatted) ulp of C / ε, is above the threshold \(threshold.formatted) times the "
                + "largest gradient \(largest.formatted), so a gradient off by more than the threshold could still pass; "
                + (least <= GradientCheck.largestEpsilon
                    ? "give \(name) \(GradientCheck.roundedUp(least).formatted) or more (at most \(GradientCheck.largestEpsilon.formatted))"
                    : "no \(option ?? "ε") up to \(GradientCheck.largestEpsilon.formatted) is large enough, so check a network with a smaller loss")
        }
    }
}
