import Foundation
import NNExplain
import NNExplainCLI
import NNExplainTestSupport
import Testing

// MARK: - Configuration

enum FuzzConfig {
    private static let environment = ProcessInfo.processInfo.environment

    /// The seed of CI's runs; `NNEXPLAIN_FUZZ_SEED` picks another.
    static let seed: UInt64 = environment["NNEXPLAIN_FUZZ_SEED"].flatMap(parseSeed) ?? 0x6E6E_6578_706C_6169
    static var seedText: String { "0x" + String(seed, radix: 16) }
    static let argumentCases = environment["NNEXPLAIN_FUZZ_ARGUMENT_CASES"].flatMap { Int($0) } ?? 3000
    static let networkCases = environment["NNEXPLAIN_FUZZ_NETWORK_CASES"].flatMap { Int($0) } ?? 3000
    static let only = environment["NNEXPLAIN_FUZZ_CASE"].flatMap { Int($0) }
    /// `NNEXPLAIN_FUZZ_PROFILE=1` prints the slowest cases of each chunk.
    static let profile = environment["NNEXPLAIN_FUZZ_PROFILE"] != nil
    /// Each fuzz test is split into this many parallel test cases.
    static let chunks = 2

    /// The case indices chunk `chunk` runs: every `chunks`-th one, or just `only`.
    static func indices(count: Int, chunk: Int) -> [Int] {
        if let only { return only % chunks == chunk ? [only] : [] }
        return Array(stride(from: chunk, to: count, by: chunks))
    }

    private static func parseSeed(_ text: String) -> UInt64? {
        let lower = text.lowercased()
        return lower.hasPrefix("0x") ? UInt64(lower.dropFirst(2), radix: 16) : UInt64(lower)
    }
}

/// The slowest cases of a chunk, printed when `NNEXPLAIN_FUZZ_PROFILE` is set.
struct FuzzProfile {
    private var slowest: [(time: Duration, index: Int, input: String)] = []

    mutating func add(_ time: Duration, case index: Int, _ input: @autoclosure () -> String) {
        guard FuzzConfig.profile, slowest.count < 10 || time > slowest[slowest.count - 1].time else { return }
        slowest.append((time, index, String(input().prefix(300))))
        slowest.sort { $0.time > $1.time }
        if slowest.count > 10 { slowest.removeLast() }
    }

    func print() {
        for entry in slowest {
            Swift.print("FuzzTests: slow case \(entry.index): \(entry.time.seconds) s: \(entry.input.debugDescription)")
        }
    }
}

extension Duration {
    /// Seconds with two decimals, for the printed figures.
    var seconds: String {
        let (s, attoseconds) = components
        return String(format: "%.2f", Double(s) + Double(attoseconds) * 1e-18)
    }
}
