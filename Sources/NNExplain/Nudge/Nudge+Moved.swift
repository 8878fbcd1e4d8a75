/// A nudge too small to move its weight: `w + ε` rounds back to `w` in double precision, so
/// nothing changes and there is no gap between change and prediction to explain.
public enum NudgeError: Error, Equatable, Sendable {
    /// `weight + by` is `weight`; a nudge of `smallest` (the spacing of doubles above the weight)
    /// or more moves it.
    case unmoved(weight: Double, by: Double, smallest: Double)
}

extension Nudge {
    /// Checks that `ε` moved the weight.
    ///
    /// - Throws: ``NudgeError/unmoved(weight:by:smallest:)`` when `w + ε` rounds back to `w`
    ///   (`ε = 1e-17` on a weight of 0.45), with the smallest `ε` that moves it.
    public func requireMoved() throws(NudgeError) {
        guard weight + by == weight else { return }
        throw .unmoved(weight: weight, by: by, smallest: weight.ulp)
    }
}

extension NudgeError: ExplainedError {
    /// The one sentence: the weight, why it did not move, and the smallest nudge that moves it.
    public var message: String { message(setting: nil) }

    /// The sentence, naming the setting as `setting` (an option such as `--by`) instead of "ε".
    package func message(setting: String?) -> String {
        switch self {
        case .unmoved(let w, let ε, let smallest):
            return "a nudge of \(ε) does not move the weight: \(w) + \(ε) rounds back to \(w) in double precision, "
                + "so nothing changes; give \(setting.map { "\($0) " } ?? "ε ")of at least \(GradientCheck.roundedUp(smallest).formatted) in size"
        }
    }
}
