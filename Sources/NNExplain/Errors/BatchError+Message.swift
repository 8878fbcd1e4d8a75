extension BatchError {
    /// The one sentence naming the problem and the fix.
    public var message: String { message(in: nil) }


    /// The sentence, with `given` (how the caller wrote the batch, such as `--batch 0,9`) named
    /// where the problem is.
    package func message(in given: String?) -> String {
        switch self {
        case .empty:
            return "\(given.map { "\($0) is" } ?? "the batch is") empty; a batch holds at least one sample"
        case .noSuchSample(let s, let count):
            return "there is no sample \(s)\(given.map { " (in \($0))" } ?? ""): \(BatchError.valid(count))"
        case .repeated(let s):
            return "sample \(s) is in \(given ?? "the batch") twice; a batch holds each sample once"
        case .size(let size):
            return "a batch size of \(size) holds no sample; give 1 or more"
        case .outputFirst:
            return "a mini-batch and the output-first order cannot be used together; \(reason)"
        }
    }

    /// Why a rule holds, one clause: for ``outputFirst``, what the output-first order is for.
    package var reason: String {
        switch self {
        case .outputFirst: return "the output-first order is here only to reproduce Mazur's full-batch figures"
        default: return message
        }
    }

    /// "the network has 6 samples, so each must be 0…5".
    package static func valid(_ count: Int) -> String {
        "the network has \(count.counting("sample")), so each must be \(count == 1 ? "0" : "0…\(count - 1)")"
    }
}
