// Only tests use this target, but `swift build` compiles every target of the package, and the
// static Swift runtime (`--static-swift-stdlib`) has no Testing module: what needs Testing is left
// out there.
#if canImport(Testing)
import Foundation
import Testing

/// Golden files: the exact output of a command, stored under `Tests/NNExplainTests/Golden/`
/// (their one user is `GoldenTests`).
///
/// To re-record after an intended change, run `NNEXPLAIN_RECORD=1 swift test`, then read every
/// changed line (`git diff Tests/`) before committing. A recording always fails the test, so that
/// nothing is ever blessed silently; run the tests again without the variable to see them pass.
public enum Golden {
    public static let directory = TestPaths.golden

    public static var recording: Bool { ProcessInfo.processInfo.environment["NNEXPLAIN_RECORD"] != nil }

    /// Compares `actual` with the golden file `name`, or records it when `NNEXPLAIN_RECORD` is set.
    public static func check(_ actual: String, name: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let url = directory.appendingPathComponent(name)
        if recording {
            do {
                try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
                try actual.write(to: url, atomically: true, encoding: .utf8)
                Issue.record("Recorded golden file \(name); read it, then run the tests without NNEXPLAIN_RECORD.",
                             sourceLocation: sourceLocation)
            } catch {
                Issue.record("Could not record golden file \(name): \(error)", sourceLocation: sourceLocation)
            }
            return
        }
        guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
            Issue.record("Missing golden file \(name); record it with NNEXPLAIN_RECORD=1 swift test.",
                         sourceLocation: sourceLocation)
            return
        }
        if expected != actual {
            Issue.record("Output differs from golden file \(name):\n\(diff(expected: expected, actual: actual))",
                         sourceLocation: sourceLocation)
        }
    }

    /// A readable line diff: every differing line with its number, the expected and the actual text.
    public static func diff(expected: String, actual: String, limit: Int = 20) -> String {
        let e = expected.components(separatedBy: "\n"), a = actual.components(separatedBy: "\n")
        var lines: [String] = []
        for n in 0..<max(e.count, a.count) where (n < e.count ? e[n] : nil) != (n < a.count ? a[n] : nil) {
            if lines.count / 2 >= limit {
                lines.append("… and more")
                break
            }
            lines.append("line \(n + 1) - expected: \(n < e.count ? e[n] : "<end of file>")")
            lines.append("line \(n + 1) + actual:   \(n < a.count ? a[n] : "<end of file>")")
        }
        return lines.joined(separator: "\n")
    }
}
#endif
