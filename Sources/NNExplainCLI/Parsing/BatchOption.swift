import NNExplain

/// `--batch LIST`, a mini-batch: the samples `step`, `update` and `gradients` average over instead
/// of all of them. (`--samples` already counts the samples of `--random`, so the list has its own name.)
extension Options {
    static let batch = ValueOption<Int, [Int]?>(
        name: "--batch", placeholder: "LIST",
        help: .summary("A mini-batch B, the samples to average over instead of all, each once, e.g. 0,3,5 or 0-3,7: "
            + "C_B = (1/|B|) Σ_(s∈B) C_s"),
        parser: ValueParser<Int, [Int]>(describe: { Explanation.batchOption($0) }) { text, name, count throws(ValidationError) in
            try readBatch(text, name, sampleCount: count)
        }.optional,
        absent: .silent(nil))

    /// The samples of `text`, `0,3,5` or `0-3,7`: whole numbers and ascending ranges `a-b` separated
    /// by commas, each a sample of the network's `count` and none twice, in the order written.
    private static func readBatch(_ text: String, _ name: String, sampleCount count: Int) throws(ValidationError) -> [Int] {
        let form = "give sample numbers or ranges separated by commas, e.g. \(name) 0,3,5 or \(name) 0-3,7"
        var check = BatchCheck(samples: count)
        guard !text.trimmed.isEmpty else { throw ValidationError("\(name) is empty; \(form)") }
        /// One sample number of an item, checked to be a sample.
        func sample(_ part: Substring, of item: String) throws(ValidationError) -> Int {
            guard let s = Int(part.trimmed) else {
                let digits = !part.isEmpty && part.allSatisfy { $0.isASCII && $0.isNumber }
                throw ValidationError(digits ? "\(part) in \(name) is far too large: \(BatchError.valid(count))" : "'\(item)' in \(name) is not a sample number or a range; \(form)")
            }
            do throws(BatchError) { try check.requireSample(s) } catch { throw ValidationError(error.message(in: "\(name) \(text)")) }
            return s
        }
        var batch: [Int] = []
        for item in text.split(separator: ",", omittingEmptySubsequences: false).map(\.trimmed) {
            guard !item.isEmpty else { throw ValidationError("\(name) \(text) has an empty item; \(form)") }
            let ends = item.dropFirst().split(separator: "-", maxSplits: 1, omittingEmptySubsequences: false)
            let samples: [Int]
            if ends.count == 2 {
                let first = try sample(item.prefix(1) + ends[0], of: item), last = try sample(ends[1], of: item)
                guard first <= last else { throw ValidationError("the range \(item) in \(name) runs backwards; write \(last)-\(first)") }
                samples = Array(first...last)
            } else {
                samples = [try sample(Substring(item), of: item)]
            }
            do throws(BatchError) { for s in samples { try check.add(s) } } catch { throw ValidationError(error.message(in: "\(name) \(text)")) }
            batch += samples
        }
        return batch
    }
}
