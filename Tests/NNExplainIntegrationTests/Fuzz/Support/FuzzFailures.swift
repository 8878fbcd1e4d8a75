import Foundation
import NNExplain
import NNExplainCLI
import NNExplainTestSupport
import Testing

// MARK: - Failures: grouping, minimizing, reporting

struct FailureLog {
    private var groups: [(signature: String, count: Int, firstCase: Int, failure: FuzzFailure)] = []

    var isEmpty: Bool { groups.isEmpty }

    mutating func add(_ failure: FuzzFailure, case index: Int) {
        if let n = groups.firstIndex(where: { $0.signature == failure.signature }) {
            groups[n].count += 1
        } else {
            groups.append((failure.signature, 1, index, failure))
        }
    }

    /// Minimizes the first failure of each group, writes it to `corpus-candidates/` in the scratch
    /// directory, and records one issue per group.
    func report(files: FuzzFiles) {
        let candidates = files.directory.appendingPathComponent("corpus-candidates")
        try? FileManager.default.createDirectory(at: candidates, withIntermediateDirectories: true)
        for group in groups.prefix(20) {
            let minimal = Minimizer.minimize(group.failure, files: files)
            var text = "Fuzzing broke the contract \(group.count) time(s) with seed \(FuzzConfig.seedText); "
            text += group.firstCase >= 0
                ? "first case \(group.firstCase) (rerun it alone with NNEXPLAIN_FUZZ_CASE=\(group.firstCase)).\n"
                : "a special input.\n"
            text += "Minimized: \(minimal.description)\n"
            switch minimal.input {
            case .arguments(let arguments):
                let body = CorpusFormat.arguments(arguments)
                let url = candidates.appendingPathComponent("args-\(CorpusFormat.hash(Array(body.utf8))).txt")
                try? Data(body.utf8).write(to: url)
                text += "Corpus file \(url.lastPathComponent) (saved in \(candidates.path)):\n\(body)"
            case .network(let bytes, _):
                let url = candidates.appendingPathComponent("network-\(CorpusFormat.hash(bytes)).json")
                try? Data(bytes).write(to: url)
                let shown = String(decoding: bytes.prefix(600), as: UTF8.self)
                text += "Corpus file \(url.lastPathComponent) (saved in \(candidates.path)), \(bytes.count) bytes:\n"
                text += shown.debugDescription + (bytes.count > 600 ? "…" : "")
            }
            Issue.record(Comment(rawValue: text))
        }
        if groups.count > 20 { Issue.record(Comment(rawValue: "…and \(groups.count - 20) more kinds of failure")) }
    }
}

/// Shrinks a failing input while it still fails the same way (same command, same rule).
enum Minimizer {
    static let budget = 1500

    static func minimize(_ failure: FuzzFailure, files: FuzzFiles) -> FuzzFailure {
        var tries = 0
        switch failure.input {
        case .arguments(let arguments):
            var best = failure
            func attempt(_ candidate: [String]) -> Bool {
                guard tries < budget else { return false }
                tries += 1
                guard let f = try? FuzzCheck.arguments(candidate, safety: files.safety), f.signature == failure.signature
                else { return false }
                best = f
                return true
            }
            var current = arguments, progress = true
            while progress && tries < budget {
                progress = false
                for width in [2, 1] {  // an option with its value, then single arguments
                    var i = 0
                    while i + width <= current.count {
                        var shorter = current
                        shorter.removeSubrange(i..<i + width)
                        if attempt(shorter) { current = shorter; progress = true } else { i += 1 }
                    }
                }
                for i in current.indices {
                    while current[i].count > 1 {
                        let s = current[i], half = s.count / 2
                        let halves = [String(s.prefix(half)), String(s.suffix(s.count - half))]
                        guard let next = halves.first(where: { h in
                            var c = current
                            c[i] = h
                            return attempt(c)
                        }) else { break }
                        current[i] = next
                        progress = true
                    }
                    var k = 0
                    while current[i].count <= 64, k < current[i].count {
                        var c = current
                        var chars = Array(c[i])
                        chars.remove(at: k)
                        c[i] = String(chars)
                        if attempt(c) { current = c; progress = true } else { k += 1 }
                    }
                }
            }
            return best
        case .network(let bytes, let commandArguments):
            // Only the command line that failed, unless the failure is a disagreement between them.
            let involved = failure.violation.rule.hasPrefix("error") || failure.violation.rule.hasPrefix("status")
                ? [failure.arguments] : commandArguments
            let commands = involved.map { args in
                FuzzCheck.networkCommands(extra: nil).first { $0.arguments == args }
                    ?? FuzzCheck.extraNetworkCommands.first { $0.arguments == args }
                    ?? FuzzCheck.NetworkCommand(arguments: args)
            }
            let url = files.directory.appendingPathComponent("minimizing.json")
            var best = failure, current = bytes
            var chunk = max(1, current.count / 2)
            while chunk >= 1 && tries < budget / 3 {
                var start = 0
                while start < current.count && tries < budget / 3 {
                    var candidate = current
                    candidate.removeSubrange(start..<min(current.count, start + chunk))
                    tries += 1
                    if let f = try? FuzzCheck.network(candidate, at: url, commands: commands), f.signature == failure.signature {
                        current = candidate
                        best = f
                    } else {
                        start += chunk
                    }
                }
                if chunk == 1 { break }
                chunk /= 2
            }
            try? FileManager.default.removeItem(at: url)
            return best
        }
    }
}
