/// The words a mini-batch adds to `step`, `update` and `gradients`: which samples the batch holds,
/// and what changes from the full batch. A batch `B` of the network's `N` samples has the loss
/// `C_B = (1/|B|) Σ_(s∈B) C_s`, so its gradient is the mean of its samples' gradients only.
extension Explanation {
    /// `B = {0, 3, 5}`: the batch's samples in the order given (runs of four or more consecutive
    /// samples shortened to `0, 1, …, 63`), written as prose so that a long batch wraps at its commas.
    static func batchSet(_ samples: [Int]) -> [Document.Inline] {
        let members = runs(samples).map { run in
            run.count < 4 ? run.map(String.init).joined(separator: ", ") : "\(run[0]), \(run[1]), …, \(run[run.count - 1])"
        }
        return [m([batchLetter]), .text(" = {" + members.joined(separator: ", ") + "}")]
    }

    /// `--batch 0,3,5` (runs of three or more consecutive samples as `0-63`): the option that
    /// gives this batch again.
    package static func batchOption(_ samples: [Int]) -> String {
        "--batch " + runs(samples).map { run in
            run.count < 3 ? run.map(String.init).joined(separator: ",") : "\(run[0])-\(run[run.count - 1])"
        }.joined(separator: ",")
    }

    /// `B = {0, 3, 5}, 3 of the 10 samples`, or `…, all 10 samples`.
    static func batchSummary(_ samples: [Int], of n: Int) -> [Document.Inline] {
        batchSet(samples) + [samples.count == n ? ", all \(n) samples" : ", \(samples.count) of the \(n) samples"]
    }

    /// The letter `B` of the batch, as math.
    static let batchLetter = Math.Piece.variable("B")

    /// What changes from the full batch, for a gradient `∂C_B/∂w` (`parameter` is the `w`): it is
    /// an average over the batch, not over all samples, so it estimates `∂C/∂w`, whose value
    /// over all samples (`fullValue`) is given beside it when it is a number (a sample outside the
    /// batch may overflow); a batch of every sample is the full batch.
    static func batchNote(batchSize: Int, of n: Int, fullValue: Double, parameter w: Symbol) -> Document.Block {
        let full = Math.of(.partial(.loss(.mean), w)), batch = Math.of(.partial(.loss(.batch), w))
        guard batchSize < n else {
            return .paragraph(["This batch holds all \(n) samples, so ", m(.loss(.batch)), " is ", m(.loss(.mean)),
                               " and this is the full-batch gradient ", m(full), "."])
        }
        return .paragraph([
            "What changes from full batch: this gradient is the average over the \(batchSize) sample\(batchSize == 1 ? "" : "s")",
            " of the batch, not over all \(n), so it is not ", m(full), " but an estimate of it, for a fraction of the work: ",
            "the mean of ", m(batch), " over every possible batch of this size is ", m(full), ".",
        ] + (fullValue.isFinite ? [" Over all \(n) samples, ", m(full + [.op(.equals), .number(fullValue)]), "."] : []))
    }

    /// What a step with a batch's gradient lowers: `C_B`; `C`, the loss over all samples, need not
    /// fall, unless the batch holds every sample, when `C_B` is `C`.
    static func batchStepNote(batchSize: Int, of n: Int) -> Document.Block {
        guard batchSize < n else {
            return .paragraph(["This batch holds all \(n) samples, so ", m(.loss(.batch)), " is ", m(.loss(.mean)),
                               ": this is a full-batch step, and a small enough one lowers ", m(.loss(.mean)),
                               " (unless its gradient is 0)."])
        }
        return .paragraph([
            "A mini-batch step: it goes against the gradient of the batch's loss ", m(.loss(.batch)), ", not of ", m(.loss(.mean)),
            ", the loss over all samples, so a small enough step lowers ", m(.loss(.batch)), " (unless its gradient is 0); ",
            m(.loss(.mean)), " need not fall with it.",
        ])
    }

    /// "mini-batch gradient descent", or "gradient descent" for a batch of every sample.
    static func batchDescent(batchSize: Int, of n: Int) -> String {
        batchSize < n ? "mini-batch gradient descent" : "gradient descent"
    }

    /// The samples split into runs of consecutive ascending indices, in order.
    private static func runs(_ samples: [Int]) -> [[Int]] {
        var runs: [[Int]] = []
        for s in samples {
            if let last = runs.last?.last, last < Int.max, s == last + 1 { runs[runs.count - 1].append(s) } else { runs.append([s]) }
        }
        return runs
    }
}
