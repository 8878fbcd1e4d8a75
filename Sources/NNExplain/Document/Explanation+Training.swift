/// The document of `train`.
extension Explanation {
    /// How a training run's epochs took their samples, as the document states it.
    public struct Batches: Sendable, Equatable {
        /// The training samples, `N`.
        public var samples: Int
        /// Samples per step; nil, or at least `samples`, for full batch.
        public var size: Int?
        /// The seed the epochs' shuffles are drawn from (only used below `samples`).
        public var shuffleSeed: UInt64

        /// - Parameters:
        ///   - samples: the training samples, `N`.
        ///   - size: samples per step; nil for full batch.
        ///   - shuffleSeed: the seed of the shuffles.
        public init(samples: Int, size: Int? = nil, shuffleSeed: UInt64 = Network.defaultShuffleSeed) {
            (self.samples, self.size, self.shuffleSeed) = (samples, size, shuffleSeed)
        }

        /// The batch size of a mini-batch run, nil for a full-batch one.
        var miniBatch: Int? { size.flatMap { $0 < samples ? $0 : nil } }
    }

    /// `nnexplain train`: the loss (and the test loss, when `testLosses` has them, one for each of
    /// `losses`) every `every` epochs, the loss curves, each a ``Sparkline`` on its own scale, and
    /// where training ended.
    ///
    /// (``TrainingReport/document`` builds it from a run.)
    /// - Parameters:
    ///   - losses: ``Training/losses``, one per epoch from 0.
    ///   - testLosses: ``Training/testLosses``, empty without held-out samples.
    ///   - every: how many epochs apart the losses are listed.
    ///   - η: the run's learning rate.
    ///   - order: the run's update order.
    ///   - batches: the run's batches.
    /// - Returns: the document, for any renderer.
    public static func training(
        losses: [Double], testLosses: [Double] = [], every: Int, learningRate η: Double, order: UpdateOrder, batches: Batches
    ) -> Document {
        let epochs = losses.count - 1
        var shown = Array(stride(from: 0, through: epochs, by: max(every, 1)))
        if shown.last != epochs { shown.append(epochs) }
        let kind = batches.miniBatch.map { "mini-batch gradient descent (batches of \($0))" } ?? "full-batch gradient descent"
        var blocks: [Document.Block] = [
            .title(["Training: \(plural(epochs, "epoch")) of \(kind), ",
                    m([.symbol(.learningRate), .op(.equals), .number(η)]), ", \(order.rawValue) order"]),
            batchParagraph(batches),
        ]
        if order == .outputFirst { blocks.append(outputFirstNote) }
        let tested = testLosses.count == losses.count
        if tested {
            blocks.append(.paragraph([
                "The test loss is the mean loss over the held-out samples (the network file's ", .code("\"test\""),
                "), which no step trains on. A test loss that rises while ", m(.loss(.mean)),
                " falls is the mark of overfitting: the network fits its training samples at the expense of data it has not seen.",
            ]))
        }
        let header: [Math] = [[.word("epoch")], [.word("loss "), .symbol(.loss(.mean))]] + (tested ? [[.word("test loss")]] : [])
        blocks += [.gap, .nested([.table(header: header,
                                         rows: shown.map { [[.word(String($0))], [.number(losses[$0])]] + (tested ? [[.number(testLosses[$0])]] : []) },
                                         operators: Array(repeating: nil, count: header.count - 1))])]
        let curve = Sparkline(losses)
        blocks += [.gap, .paragraph(["Loss curve\(curve.logScale ? " (log scale)" : ""), epoch 0 to \(epochs): ", .sparkline(curve)])]
        if tested {
            let testCurve = Sparkline(testLosses)
            blocks.append(.paragraph(["Test loss curve\(testCurve.logScale ? " (log scale)" : ""), epoch 0 to \(epochs): ", .sparkline(testCurve)]))
        }
        blocks.append(.paragraph(["The loss went from ", m([.number(losses[0])]), " to ", m([.number(losses[epochs])]), "."]))
        if tested, let lowest = testLosses.indices.min(by: { testLosses[$0] < testLosses[$1] }) {
            blocks.append(.paragraph(["The test loss went from ", m([.number(testLosses[0])]), " to ", m([.number(testLosses[epochs])]),
                                      "; its lowest, ", m([.number(testLosses[lowest])]), ", \(when(lowest, of: testLosses))."]))
        }
        return Document(blocks)
    }

    /// When the lowest of `values`, first at index `lowest` (epochs), was reached: "was before
    /// training" at 0, "was first reached after K epochs" when a later epoch has it too, else "was
    /// after K epochs". (The test losses are finite: training stops at one that is not.)
    private static func when(_ lowest: Int, of values: [Double]) -> String {
        if lowest == 0 { return "was before training" }
        let again = values[(lowest + 1)...].contains(values[lowest])
        return "was \(again ? "first reached " : "")after \(plural(lowest, "epoch"))"
    }

    /// What one epoch does: one step by the gradient over all samples, or a shuffle and one step per batch.
    private static func batchParagraph(_ batches: Batches) -> Document.Block {
        let n = batches.samples
        guard let size = batches.miniBatch else {
            let all = batches.size.map { "; batches of \($0) take \(n == 1 ? "the one sample" : "all \(n) samples") at once, so this is full batch" } ?? ""
            return .paragraph(["Each epoch computes the gradient averaged over all samples and takes one step, ", rule, .text(all), "."])
        }
        let count = (n + size - 1) / size, last = n - (count - 1) * size
        let cut = last == size ? "\(count) batches of \(size)" : "\(count) batches, \(count - 1) of \(size) and the last of \(last)"
        return .paragraph([
            "Each epoch shuffles the \(n) samples (Fisher-Yates, from SplitMix64 seeded with \(batches.shuffleSeed)), cuts them ",
            "into \(cut), and takes one step per batch, ", rule, ". The gradient of each step is averaged over the samples ",
            "of its batch, not over all of them: an estimate of the full gradient at a fraction of its cost, so an epoch takes ",
            "\(plural(count, "step")) instead of one. The loss ", m(.loss(.mean)), " below is still the mean over all samples, ",
            "computed after each epoch.",
        ])
    }

    private static func plural(_ count: Int, _ noun: String) -> String { "\(count) \(noun)\(count == 1 ? "" : "s")" }
}
