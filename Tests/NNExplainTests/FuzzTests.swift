import Foundation
import NNExplain
@testable import NNExplainCLI
import Testing

/// Seeded fuzzing of the whole command line: thousands of random and mutated argument vectors and
/// network files go through ``runCLI(_:)``, and every one must end in success or in a clean error,
/// never a trap (see ``FuzzContract``).
///
/// Every run is reproducible: case `i` is generated from its own ``SeededGenerator`` stream, seeded
/// from the run's seed and `i`, so one case can be regenerated alone. Environment variables:
///
/// - `NNEXPLAIN_FUZZ_SEED` (hex or decimal): another seed, to explore further than CI does;
/// - `NNEXPLAIN_FUZZ_ARGUMENT_CASES`, `NNEXPLAIN_FUZZ_NETWORK_CASES`: how many cases (3000 each);
/// - `NNEXPLAIN_FUZZ_CASE`: run only this case index (the failure message names it), and print it;
/// - `NNEXPLAIN_FUZZ_PROFILE`: print the ten slowest cases of each chunk.
///
/// A trap kills the test process, so no failure message is written. Every input is therefore on
/// disk while it runs: each chunk prints its scratch directory first, where
/// `in-flight-args-*.txt` and `in-flight-network-*.json` hold the input that was running. Copy it
/// into `Corpus/` (see `Corpus/README.md`) and report it.
///
/// Fuzzed command lines never write outside the scratch directory and never run for minutes:
/// ``FuzzSafety`` rewrites them before they run.
///
/// Other failures are grouped by the rule they break, minimized, and reported once per group with
/// the minimized input in corpus format; the same files are left in the scratch directory's
/// `corpus-candidates/`. Whatever fails goes into `Corpus/`, which ``corpus(_:)`` replays forever.
struct FuzzTests {
    // MARK: Generator

    @Test func seededGeneratorIsSplitMix64() {
        var generator = SeededGenerator(seed: 0)
        #expect(generator.next() == 0xE220_A839_7B1D_CDAF)
        #expect(generator.next() == 0x6E78_9E6A_A1B9_65F4)
        #expect(generator.next() == 0x06C4_5D18_8009_454F)
        var bounded = SeededGenerator(seed: 7)
        for n in [1, 2, 3, 10, 1000] {
            for _ in 0..<100 { #expect((0..<n).contains(bounded.below(n))) }
        }
    }

    @Test func fuzzCasesAreReproducible() throws {
        let files = try FuzzFiles()
        defer { files.remove() }
        let arguments = ArgumentFuzzer(files: files)
        let networks = NetworkFuzzer()
        for index in [0, 1, 17, 2999] {
            var a = SeededGenerator(seed: FuzzConfig.seed, case: index)
            var b = SeededGenerator(seed: FuzzConfig.seed, case: index)
            #expect(arguments.generate(&a) == arguments.generate(&b))
            #expect(networks.generate(&a).bytes == networks.generate(&b).bytes)
        }
    }

    /// The fuzzer never writes outside its scratch directory, whatever the command line says.
    @Test func fuzzedWritesStayInTheScratchDirectory() throws {
        let files = try FuzzFiles()
        defer { files.remove() }
        let safety = files.safety, out = safety.output, net = safety.writableNetwork
        let cases: [([String], [String])] = [
            (["train", "--epochs", "1", "--save", "/dev/null"], ["train", "--epochs", "1", "--save", out]),
            (["train", "--save=/etc/passwd", "--epochs=99"], ["train", "--save=" + out, "--epochs=99"]),
            (["train", "--epochs", "10000000"], ["train", "--epochs", "200"]),
            (["diagram", "--output", "-", "--network", "/etc/passwd"], ["diagram", "--output", out, "--network", "/etc/passwd"]),
            (["update", "--network", "/etc/passwd", "--in-place"], ["update", "--network", net, "--in-place"]),
            (["update", "--in-place", "--network=x.json"], ["update", "--in-place", "--network=" + net]),
            (["train", "--save", "--epochs", "1"], ["train", "--save", "--epochs", "1"]),
        ]
        for (input, expected) in cases { #expect(safety.sanitized(input) == expected) }
        #expect(FuzzSafety.writingOptions.isSuperset(of: ["--save", "--output"]))
        #expect(FuzzSafety.writingFlags.contains("--in-place"))
    }

    // MARK: Argument vectors

    /// Random and mutated argument vectors over the real vocabulary: every command and option of
    /// ``Command/all``, good and bad values, paths, unicode, very long strings.
    @Test(arguments: 0..<FuzzConfig.chunks)
    func argumentVectors(chunk: Int) throws {
        let files = try FuzzFiles()
        let fuzzer = ArgumentFuzzer(files: files)
        let inFlight = files.directory.appendingPathComponent("in-flight-args-\(chunk).txt")
        print("FuzzTests: argument vectors chunk \(chunk + 1)/\(FuzzConfig.chunks), seed \(FuzzConfig.seedText); "
            + "inputs in \(files.directory.path)")
        var log = FailureLog()
        var profile = FuzzProfile()
        let clock = ContinuousClock(), start = clock.now
        var cases = 0
        for index in FuzzConfig.indices(count: FuzzConfig.argumentCases, chunk: chunk) {
            var generator = SeededGenerator(seed: FuzzConfig.seed, case: index)
            let arguments = files.safety.sanitized(fuzzer.generate(&generator))
            if FuzzConfig.only != nil { print("FuzzTests: case \(index): \(CorpusFormat.arguments(arguments).debugDescription)") }
            try Data(CorpusFormat.arguments(arguments).utf8).write(to: inFlight)
            cases += 1
            let caseStart = clock.now
            if let failure = try FuzzCheck.arguments(arguments, safety: files.safety) { log.add(failure, case: index) }
            profile.add(clock.now - caseStart, case: index, CorpusFormat.arguments(arguments))
        }
        let elapsed = clock.now - start
        print("FuzzTests: argument vectors chunk \(chunk + 1)/\(FuzzConfig.chunks): \(cases) cases, "
            + "\(cases) runs, \(elapsed.seconds) s")
        profile.print()
        log.report(files: files)
        if log.isEmpty { files.remove() }
    }

    // MARK: Network files

    /// Mutated network files (byte flips, truncations, token and type swaps, extreme numbers, deep
    /// nesting, duplicate keys, bad UTF-8, BOMs, …), each run through gradients, step and forward and
    /// one more command line.
    @Test(arguments: 0..<FuzzConfig.chunks)
    func networkFiles(chunk: Int) throws {
        let files = try FuzzFiles()
        let fuzzer = NetworkFuzzer()
        let url = files.directory.appendingPathComponent("in-flight-network-\(chunk).json")
        print("FuzzTests: network files chunk \(chunk + 1)/\(FuzzConfig.chunks), seed \(FuzzConfig.seedText); "
            + "inputs in \(files.directory.path)")
        var log = FailureLog()
        var profile = FuzzProfile()
        let clock = ContinuousClock(), start = clock.now
        var cases = 0, runs = 0
        if chunk == 0 && FuzzConfig.only == nil {
            for (n, bytes) in NetworkFuzzer.specialInputs().enumerated() {
                let commands = FuzzCheck.networkCommands(extra: nil)
                cases += 1
                runs += commands.count
                if let failure = try FuzzCheck.network(bytes, at: url, commands: commands) {
                    log.add(failure, case: -1 - n)
                }
            }
        }
        for index in FuzzConfig.indices(count: FuzzConfig.networkCases, chunk: chunk) {
            var generator = SeededGenerator(seed: FuzzConfig.seed, case: index)
            let input = fuzzer.generate(&generator)
            let commands = FuzzCheck.networkCommands(extra: input.extra)
            if FuzzConfig.only != nil {
                print("FuzzTests: case \(index): \(input.bytes.count) bytes, written to \(url.path)")
            }
            cases += 1
            runs += commands.count
            let caseStart = clock.now
            if let failure = try FuzzCheck.network(input.bytes, at: url, commands: commands) {
                log.add(failure, case: index)
            }
            profile.add(clock.now - caseStart, case: index, "\(input.bytes.count) bytes: "
                + String(decoding: input.bytes.prefix(120), as: UTF8.self).debugDescription)
        }
        let elapsed = clock.now - start
        print("FuzzTests: network files chunk \(chunk + 1)/\(FuzzConfig.chunks): \(cases) files, \(runs) runs, "
            + "\(elapsed.seconds) s")
        profile.print()
        log.report(files: files)
        if log.isEmpty { files.remove() }
    }

    // MARK: Regression corpus

    /// Every input that ever failed, and a few nasty ones besides, replayed through the same checks.
    @Test(arguments: CorpusFormat.files())
    func corpus(_ name: String) throws {
        let url = CorpusFormat.directory.appendingPathComponent(name)
        let data = try Data(contentsOf: url)
        if name.hasPrefix("args-") {
            let files = try FuzzFiles()
            defer { files.remove() }
            let arguments = CorpusFormat.parseArguments(String(decoding: data, as: UTF8.self))
            if let failure = try FuzzCheck.arguments(arguments, safety: files.safety) {
                Issue.record(Comment(rawValue: "\(name): \(failure.description)"))
            }
        } else {
            let scratch = FileManager.default.temporaryDirectory
                .appendingPathComponent("nnexplain-corpus-\(UUID().uuidString).json")
            defer { try? FileManager.default.removeItem(at: scratch) }
            for extra in [nil] + FuzzCheck.extraNetworkCommands.indices.map(Optional.some) {
                let commands = FuzzCheck.networkCommands(extra: extra)
                if let failure = try FuzzCheck.network(Array(data), at: scratch, commands: commands) {
                    Issue.record(Comment(rawValue: "\(name): \(failure.description)"))
                    break
                }
            }
        }
    }

    @Test func corpusIsNotEmpty() {
        let names = CorpusFormat.files()
        #expect(names.contains { $0.hasPrefix("args-") })
        #expect(names.contains { $0.hasPrefix("network-") })
    }

    // MARK: Non-finite values

    /// Numbers that overflow to ±inf or become NaN during the computation must be reported as an
    /// error (exit 1) that names the sample, not printed as `nan` or `inf`.
    @Test(arguments: NonFiniteCase.all)
    func nonFiniteValuesAreReported(_ c: NonFiniteCase) throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("nnexplain-nonfinite-\(UUID().uuidString).json")
        try Data(c.json.utf8).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        for command in c.commands {
            let result = runCLI(command.map { $0 == "$NETWORK" ? url.path : $0 })
            let reported = result.status == 1 && result.stdout.isEmpty && result.stderr.hasPrefix("Error: ")
                && result.stderr.contains("sample")
            #expect(reported, """
                \(command.joined(separator: " ")) should fail with status 1 and an error naming the sample; \
                got status \(result.status), stderr \(result.stderr.debugDescription), \
                stdout \(result.stdout.prefix(200).debugDescription)
                """)
        }
    }
}

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

// MARK: - The contract

/// What every run of the command line must satisfy, whatever its input:
///
/// - success: status 0, output on stdout, and stderr empty or only `Warning: …` lines;
/// - a clean error: status 64 (usage), 65 (bad network file), 66 (unreadable) or 1 (other) as the
///   caller allows, stdout empty, and stderr one line `Error: <message>` (for 64, followed by the
///   `Usage: nnexplain …` line and the `See 'nnexplain … --help'.` line, nothing else);
/// - never a status of 128 or more (a signal), never status 0 with `Error:`.
///
/// A trap cannot be checked here: it ends the test process.
enum FuzzContract {
    struct Violation: Equatable {
        /// The rule broken, without the input's details, so that failures group by it.
        var rule: String
        var detail: String
    }

    /// Commands that by design print their output and then fail with status 1 (see
    /// `CommandResult.failure`: `check` prints its table, then reports the gradients that disagree).
    static let commandsThatFailAfterOutput: Set<String> = ["check"]

    /// `command` is the command line's first argument; `silentAllowed` says that success may print
    /// nothing (the command line writes a file: `diagram --output FILE`, `update --in-place`).
    static func check(_ result: CLIResult, errors allowed: Set<Int32>, command: String? = nil,
                      silentAllowed: Bool = false) -> Violation? {
        let status = result.status
        if status < 0 || status >= 128 {
            return Violation(rule: "status \(status) is not in 0…127 (a signal or a trap?)", detail: "")
        }
        var errLines = lines(result.stderr)
        if status == 0 {
            if result.stderr.contains("Error:") {
                return Violation(rule: "status 0 but stderr says Error:", detail: "")
            }
            if !result.stderr.isEmpty, !result.stderr.hasSuffix("\n") || errLines.contains(where: { !$0.hasPrefix("Warning: ") }) {
                return Violation(rule: "status 0 but stderr is not only 'Warning: ' lines", detail: "")
            }
            if result.stdout.isEmpty && !silentAllowed {
                return Violation(rule: "status 0 but nothing on stdout", detail: "")
            }
            return nil
        }
        guard allowed.contains(status) else {
            let list = allowed.sorted().map(String.init).joined(separator: ", ")
            return Violation(rule: "status \(status), expected 0 or one of \(list)", detail: "")
        }
        let outputAllowed = status == 1 && command.map(commandsThatFailAfterOutput.contains) == true
        if !result.stdout.isEmpty && !outputAllowed {
            return Violation(rule: "error (status \(status)) but stdout is not empty", detail: "")
        }
        var stderr = result.stderr
        if outputAllowed, errLines.count > 1, errLines[0].hasPrefix("Warning: ") {
            // Such a command ran to the end first, so it may have warned first.
            while errLines.count > 1, errLines[0].hasPrefix("Warning: ") { errLines.removeFirst() }
            stderr = errLines.joined(separator: "\n") + (result.stderr.hasSuffix("\n") ? "\n" : "")
        }
        guard stderr.hasPrefix("Error: ") else {
            return Violation(rule: "error (status \(status)) but stderr does not start with 'Error: '", detail: "")
        }
        guard stderr.hasSuffix("\n") else {
            return Violation(rule: "error (status \(status)) but stderr does not end with a line break", detail: "")
        }
        if errLines[0].dropFirst("Error: ".count).allSatisfy(\.isWhitespace) {
            return Violation(rule: "error (status \(status)) with an empty message", detail: "")
        }
        let wellFormed = status == 64
            ? errLines.count == 3 && errLines[1].hasPrefix("Usage: nnexplain") && errLines[2].hasPrefix("See 'nnexplain")
                && errLines[2].hasSuffix("--help'.")
            : errLines.count == 1
        if !wellFormed {
            return Violation(
                rule: "error (status \(status)) is not one 'Error: ' line"
                    + (status == 64 ? " followed by the usage and help lines" : ""),
                detail: "stderr has \(errLines.count) lines")
        }
        return nil
    }

    /// The lines of `text` without the final line break, splitting at every character a terminal
    /// treats as a line break or a return to the start of the line.
    static func lines(_ text: String) -> [String] {
        let breaks: Set<Unicode.Scalar> = ["\n", "\r", "\u{0B}", "\u{0C}"]
        var pieces = text.unicodeScalars.split(omittingEmptySubsequences: false) { breaks.contains($0) }
            .map { String(String.UnicodeScalarView($0)) }
        if pieces.count > 1, pieces.last == "" { pieces.removeLast() }
        return pieces
    }
}

// MARK: - Checks

/// One broken rule, with the input that broke it.
struct FuzzFailure: CustomStringConvertible {
    enum Input {
        case arguments([String])
        case network(bytes: [UInt8], commands: [[String]])
    }

    var input: Input
    /// The command line that broke the rule (`$NETWORK` for the network file).
    var arguments: [String]
    var violation: FuzzContract.Violation
    var result: CLIResult

    /// Groups failures: the rule, and for network files the command line that broke it.
    var signature: String {
        if case .network = input { return "\(arguments.joined(separator: " ")): \(violation.rule)" }
        return violation.rule
    }

    var description: String {
        var text = "\(violation.rule)\(violation.detail.isEmpty ? "" : " (\(violation.detail))")\n"
        text += "  command line: \(arguments.map(\.debugDescription).joined(separator: " "))\n"
        text += "  status \(result.status)\n"
        text += "  stdout: \(result.stdout.prefix(400).debugDescription)\(result.stdout.count > 400 ? "…" : "")\n"
        text += "  stderr: \(result.stderr.prefix(600).debugDescription)\(result.stderr.count > 600 ? "…" : "")"
        return text
    }
}

enum FuzzCheck {
    /// Runs one argument vector, made harmless by `safety`, and checks the contract.
    static func arguments(_ arguments: [String], safety: FuzzSafety) throws -> FuzzFailure? {
        let arguments = safety.sanitized(arguments)
        try safety.prepare()
        let result = runCLI(arguments)
        guard let violation = FuzzContract.check(result, errors: [1, 64, 65, 66], command: arguments.first,
                                                 silentAllowed: FuzzSafety.writes(arguments)) else { return nil }
        return FuzzFailure(input: .arguments(arguments), arguments: arguments, violation: violation, result: result)
    }

    /// A command line run on a network file, `$NETWORK` standing for its path.
    struct NetworkCommand {
        var arguments: [String]
        /// Whether the command line can be wrong for some valid network (a layer or sample that is
        /// not there), so that a usage error is a clean answer.
        var mayBeUsageError = false
    }

    /// The command lines every network file goes through.
    static let fixedNetworkCommands: [NetworkCommand] = [
        NetworkCommand(arguments: ["gradients", "--network", "$NETWORK"]),
        NetworkCommand(arguments: ["step", "--network", "$NETWORK", "--layer", "L", "--j", "0", "--k", "0"]),
        NetworkCommand(arguments: ["forward", "--network", "$NETWORK"]),
    ]

    /// One more command line per file, chosen by the case.
    static let extraNetworkCommands: [NetworkCommand] = [
        NetworkCommand(arguments: ["network", "--network", "$NETWORK"]),
        NetworkCommand(arguments: ["gradients", "--network", "$NETWORK", "--format", "json"]),
        NetworkCommand(arguments: ["step", "--network", "$NETWORK", "--layer", "L", "--j", "0", "--k", "0",
                                   "--average", "--format", "json"]),
        NetworkCommand(arguments: ["step", "--network", "$NETWORK", "--layer", "L-1", "--j", "0", "--k", "0",
                                   "--average"], mayBeUsageError: true),
        NetworkCommand(arguments: ["step", "--network", "$NETWORK", "--layer", "1", "--j", "0", "--k", "0",
                                   "--sample", "1", "--precision", "17"], mayBeUsageError: true),
        NetworkCommand(arguments: ["forward", "--network", "$NETWORK", "--sample", "1", "--precision", "1"],
                       mayBeUsageError: true),
    ]

    static func networkCommands(extra: Int?) -> [NetworkCommand] {
        fixedNetworkCommands + (extra.map { [extraNetworkCommands[$0]] } ?? [])
    }

    /// Writes `bytes` to `url`, runs every command line on it and checks the contract, and that the
    /// commands agree: all reject a bad file alike, and all warn alike about a good one.
    static func network(_ bytes: [UInt8], at url: URL, commands: [NetworkCommand]) throws -> FuzzFailure? {
        try Data(bytes).write(to: url)
        let input = FuzzFailure.Input.network(bytes: bytes, commands: commands.map(\.arguments))
        var results: [CLIResult] = []
        for command in commands {
            let arguments = command.arguments.map { $0 == "$NETWORK" ? url.path : $0 }
            let result = runCLI(arguments)
            let allowed: Set<Int32> = command.mayBeUsageError ? [1, 64, 65, 66] : [1, 65, 66]
            if let violation = FuzzContract.check(result, errors: allowed, command: arguments.first) {
                return FuzzFailure(input: input, arguments: command.arguments, violation: violation, result: result)
            }
            results.append(result)
        }
        let rejected = results.indices.filter { results[$0].status == 65 }
        if let first = rejected.first {
            if let other = results.indices.first(where: { results[$0].status != 65 }) {
                return FuzzFailure(
                    input: input, arguments: commands[other].arguments,
                    violation: .init(rule: "one command rejects the file (65), another does not",
                                     detail: "\(commands[first].arguments[0]) says \(results[first].stderr.debugDescription)"),
                    result: results[other])
            }
            if let other = rejected.first(where: { results[$0].stderr != results[first].stderr }) {
                return FuzzFailure(
                    input: input, arguments: commands[other].arguments,
                    violation: .init(rule: "commands reject the same file with different messages",
                                     detail: "\(commands[first].arguments[0]) says \(results[first].stderr.debugDescription)"),
                    result: results[other])
            }
        }
        let succeeded = results.indices.filter { results[$0].status == 0 }
        if let first = succeeded.first, let other = succeeded.first(where: { results[$0].stderr != results[first].stderr }) {
            return FuzzFailure(
                input: input, arguments: commands[other].arguments,
                violation: .init(rule: "commands warn differently about the same file",
                                 detail: "\(commands[first].arguments[0]) warns \(results[first].stderr.debugDescription)"),
                result: results[other])
        }
        return nil
    }
}

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

// MARK: - Corpus files

/// `Corpus/`: `args-*.txt` hold one argument per line, `network-*.json` raw bytes. See
/// `Corpus/README.md` for the escapes and placeholders of argument files.
enum CorpusFormat {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Corpus")

    /// The corpus's input files, sorted.
    static func files() -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return names.filter { ($0.hasPrefix("args-") && $0.hasSuffix(".txt")) || ($0.hasPrefix("network-") && $0.hasSuffix(".json")) }
            .sorted()
    }

    /// The arguments of an `args-*.txt` file: one per line (`\n`; a final line break ends the last
    /// line), with the escapes `\\`, `\n`, `\r`, `\t`, `\0` and `\u{HEX}`, and `$FIXTURES` and
    /// `$CORPUS` standing for those directories.
    static func parseArguments(_ text: String) -> [String] {
        var lines = text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false)
            .map { String(String.UnicodeScalarView($0)) }
        if lines.last == "" { lines.removeLast() }
        return lines.map { line in
            unescape(line)
                .replacingOccurrences(of: "$FIXTURES", with: Fixtures.directory.path)
                .replacingOccurrences(of: "$CORPUS", with: directory.path)
        }
    }

    /// `arguments` as the text of an `args-*.txt` file.
    static func arguments(_ arguments: [String]) -> String {
        arguments.map { argument in
            var line = ""
            for scalar in argument.unicodeScalars {
                switch scalar {
                case "\\": line += "\\\\"
                case "\n": line += "\\n"
                case "\r": line += "\\r"
                case "\t": line += "\\t"
                case "\0": line += "\\0"
                default:
                    let category = scalar.properties.generalCategory
                    if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || category == .format
                        || category == .lineSeparator || category == .paragraphSeparator {
                        line += "\\u{\(String(scalar.value, radix: 16, uppercase: true))}"
                    } else {
                        line.unicodeScalars.append(scalar)
                    }
                }
            }
            return line + "\n"
        }.joined()
    }

    private static func unescape(_ line: String) -> String {
        var out = String.UnicodeScalarView()
        var scalars = line.unicodeScalars[...]
        while let scalar = scalars.popFirst() {
            guard scalar == "\\", let next = scalars.first else { out.append(scalar); continue }
            switch next {
            case "\\": out.append("\\"); scalars.removeFirst()
            case "n": out.append("\n"); scalars.removeFirst()
            case "r": out.append("\r"); scalars.removeFirst()
            case "t": out.append("\t"); scalars.removeFirst()
            case "0": out.append("\0"); scalars.removeFirst()
            case "u":
                let rest = String(String.UnicodeScalarView(scalars.dropFirst()))
                if rest.hasPrefix("{"), let close = rest.firstIndex(of: "}"),
                   let value = UInt32(rest[rest.index(after: rest.startIndex)..<close], radix: 16),
                   let decoded = Unicode.Scalar(value) {
                    out.append(decoded)
                    scalars = scalars.dropFirst(2 + rest[..<close].unicodeScalars.count)
                } else {
                    out.append(scalar)
                }
            default: out.append(scalar)
            }
        }
        return String(out)
    }

    /// FNV-1a, 32 bits, for names of candidate corpus files.
    static func hash(_ bytes: [UInt8]) -> String {
        var h: UInt32 = 0x811C_9DC5
        for b in bytes { h = (h ^ UInt32(b)) &* 0x0100_0193 }
        let hex = String(h, radix: 16)
        return String(repeating: "0", count: 8 - hex.count) + hex
    }
}

// MARK: - Scratch files

/// A scratch directory for one fuzz test, with a few network files the argument vectors name.
struct FuzzFiles {
    let directory: URL
    let paths: [String]
    let safety: FuzzSafety

    init() throws {
        let manager = FileManager.default
        directory = manager.temporaryDirectory.appendingPathComponent("nnexplain-fuzz-\(UUID().uuidString)")
        try manager.createDirectory(at: directory, withIntermediateDirectories: true)
        let mazur = try Data(contentsOf: URL(fileURLWithPath: Fixtures.path("mazur.json")))
        let mazurText = String(decoding: mazur, as: UTF8.self)
        let files: [(String, Data)] = [
            ("empty.json", Data()),
            ("bom.json", Data([0xEF, 0xBB, 0xBF]) + mazur),
            ("my net é 🧠.json", mazur),
            ("warnings.json", Data(mazurText.replacingOccurrences(of: "\"inputs\"", with: "\"comment\": \"hi\",\n  \"inputs\"").utf8)),
            ("line\nbreak.json", Data(mazurText.replacingOccurrences(of: "\"inputs\"", with: "\"comment\": \"hi\",\n  \"inputs\"").utf8)),
            ("one-layer.json", Data(#"{"inputs": 1, "layers": [{"activation": "identity", "weights": [[2]]}], "samples": [{"x": [1], "y": [0]}]}"#.utf8)),
            ("overflow.json", Data(#"{"inputs": 1, "layers": [{"activation": "identity", "weights": [[1e308]]}], "samples": [{"x": [1e300], "y": [0]}]}"#.utf8)),
            ("truncated.json", mazur.prefix(mazur.count / 2)),
        ]
        var paths = [Fixtures.path("mazur.json"), Fixtures.path("deep.json")]
        for (name, data) in files {
            let url = directory.appendingPathComponent(name)
            try data.write(to: url)
            paths.append(url.path)
        }
        let folder = directory.appendingPathComponent("folder.json")
        try manager.createDirectory(at: folder, withIntermediateDirectories: true)
        paths.append(folder.path)
        paths += [
            "/nonexistent", "/nonexistent/net.json", "/", "/dev/null", "", ".", "..", "~", "mazur.json",
            Fixtures.path("mazur.json") + "/", Fixtures.path("mazur.json") + "\0.txt", Fixtures.directory.path,
            "/" + String(repeating: "a", count: 5000), "/etc/passwd", "file:///etc/passwd", "-",
        ]
        #if os(Linux)
        paths += ["/dev/zero", "/dev/stdin", "/proc/self/status"]
        #endif
        self.paths = paths
        safety = FuzzSafety(output: directory.appendingPathComponent("output.txt").path,
                            writableNetwork: directory.appendingPathComponent("writable.json").path,
                            writableContents: mazur)
    }

    func remove() { try? FileManager.default.removeItem(at: directory) }
}

// MARK: - Safety

/// Keeps fuzzed command lines harmless. Some commands write files (`train --save FILE`,
/// `diagram --output FILE`, `update --in-place` writes its `--network FILE`), by renaming a new
/// file over the target, and the fuzzer's vocabulary holds paths such as `/dev/null`, `/etc/passwd`
/// and the fixtures; run as root, a fuzzed `--save /dev/null` would replace the device. So every
/// command line is rewritten before it runs: the value of every option that writes becomes
/// ``output``, and when a flag writes to the network file, every `--network` value becomes
/// ``writableNetwork``, a scratch copy reset before each run. Counts that make a command run for
/// minutes (`--epochs` up to 10 000 000) are capped.
///
/// Options that write are found by their help ("Write …", "save") and by a `FILE` value other than
/// `--network`'s, so new commands are covered as they are added, as long as their help says so.
struct FuzzSafety: Sendable {
    let output: String
    let writableNetwork: String
    let writableContents: Data

    /// Options whose value is a file that is written.
    static let writingOptions: Set<String> = {
        var names: Set<String> = ["--save", "--output", "--out", "-o"]
        for command in Command.all {
            for option in command.options where option.value != nil && option.name != "--network" {
                let help = option.help.lowercased()
                if option.value == "FILE" || option.value == "PATH" || help.contains("write") || help.contains("save") {
                    names.insert(option.name)
                }
            }
        }
        return names
    }()

    /// Flags that make a command write to its `--network` file.
    static let writingFlags: Set<String> = {
        var names: Set<String> = ["--in-place"]
        for command in Command.all {
            for option in command.options where option.value == nil {
                let help = option.help.lowercased()
                if help.contains("write") || help.contains("save") || help.contains("in place") { names.insert(option.name) }
            }
        }
        return names
    }()

    /// Options whose value is a count of work, and the most the fuzzer lets through.
    static let costlyCounts: [String: Int] = ["--epochs": 200]

    /// Whether the command line names an option or flag that writes a file.
    static func writes(_ arguments: [String]) -> Bool {
        arguments.contains { argument in
            let name = argument.firstIndex(of: "=").map { String(argument[..<$0]) } ?? argument
            return writingOptions.contains(name) || writingFlags.contains(name)
        }
    }

    func sanitized(_ arguments: [String]) -> [String] {
        var a = arguments
        func name(_ s: String) -> String { s.firstIndex(of: "=").map { String(s[..<$0]) } ?? s }
        let writesNetwork = a.contains { FuzzSafety.writingFlags.contains(name($0)) }
        var i = 0
        while i < a.count {
            let n = name(a[i])
            var replacement: String?
            if FuzzSafety.writingOptions.contains(n) {
                replacement = output
            } else if n == "--network" && writesNetwork {
                replacement = writableNetwork
            } else if let cap = FuzzSafety.costlyCounts[n] {
                let value = a[i].contains("=") ? String(a[i][a[i].index(after: a[i].firstIndex(of: "=")!)...])
                    : (i + 1 < a.count ? a[i + 1] : "")
                if let count = Int(value.trimmingCharacters(in: .whitespaces)), count > cap, count <= 100_000_000 {
                    replacement = String(cap)
                }
            }
            if let replacement {
                if a[i].contains("=") {
                    a[i] = n + "=" + replacement
                } else if i + 1 < a.count, !Arguments.looksLikeOption(a[i + 1]) {
                    a[i + 1] = replacement
                    i += 1
                }
            }
            i += 1
        }
        return a
    }

    /// Resets the scratch network file that `--in-place` may have changed.
    func prepare() throws {
        try writableContents.write(to: URL(fileURLWithPath: writableNetwork))
    }
}

// MARK: - Argument vectors

struct ArgumentFuzzer {
    let commands = Command.all
    let paths: [String]

    init(files: FuzzFiles) { paths = files.paths }

    static let layerSpecs = ["L", "L-1", "L-2", "L-3", "L-4", "L-9", "L-0", "l", "l-1", " L - 1 ", "L-", "L--1", "L+1",
                             "L-+1", "1", "2", "3", "4", "0", "-1", "L-99999999999999999999", "L−1", "Ｌ", "LL"]
    static let numbers = ["0", "1", "2", "3", "-1", "-0", "+1", "01", "1.0", "1e3", " 1", "1 ", "0x1", "٣", "１",
                          "99999999999999999999", "-99999999999999999999", "9223372036854775807",
                          "-9223372036854775808", "9223372036854775808", "nan", "NaN", "inf", "-inf", "1e308"]
    static let junk = ["", "--", "-", "=", "==", "--=", "-=", "=L", "nan", "1e308", "é", "e\u{301}", "🧠", "🇺🇸",
                       "\u{202E}L-1", "\u{FEFF}L", "\u{0}", "\t", "\n", "a\nb", "\r", "L\r", "\u{1B}[31mred",
                       "\u{2028}", "ß", "ǅ", "ﬂ", "ı", "\u{10FFFF}", "--help=1", "-h=", "--version", "help", "json",
                       "text", "JSON", "xml", "17", "18", "--average", "--average=1", "--layer=L"]
    static let longPieces = ["a", "9", "L-", "é", "🧠", "-", "--j", "=", " "]

    var optionNames: [String] {
        var names = ["-h", "--help", "--version"]
        for command in commands { for option in command.options where !names.contains(option.name) { names.append(option.name) } }
        return names
    }

    var templates: [[String]] {
        let mazur = Fixtures.path("mazur.json"), deep = Fixtures.path("deep.json")
        return [
            ["step", "--layer", "L", "--j", "1", "--k", "2"],
            ["step", "--layer", "L-1", "--j", "2", "--k", "2", "--average"],
            ["step", "--layer", "L-2", "--j", "0", "--k", "1", "--sample", "1", "--format", "json"],
            ["step", "--network", mazur, "--layer", "1", "--j", "0", "--k", "0", "--precision", "4"],
            ["step", "--network", deep, "--layer", "L-2", "--j", "1", "--k", "3", "--average", "--format", "json"],
            ["forward", "--sample", "1"], ["forward", "--network", deep, "--sample", "2", "--precision", "17"],
            ["gradients", "--format", "json"], ["gradients", "--network", deep, "--precision", "1"],
            ["network"], ["network", "--network", mazur], ["help"], ["help", "step"], ["--help"], ["--version"],
            ["step", "--help"], [],
        ]
    }

    func generate(_ g: inout SeededGenerator) -> [String] {
        var arguments: [String]
        switch g.below(20) {
        case 0..<3: arguments = g.pick(templates)
        case 3:  // a read-only command on one of the paths
            arguments = [g.pick(["forward", "gradients", "network", "check", "walk"]), "--network", g.pick(paths)]
        case 4..<14: arguments = plausible(g.pick(commands), &g)
        case 14..<17: arguments = (0..<g.below(9)).map { _ in token(&g) }
        default:
            let a = plausible(g.pick(commands), &g), b = g.pick(templates)
            arguments = Array(a.prefix(g.int(in: 0...a.count))) + Array(b.suffix(g.int(in: 0...b.count)))
        }
        let mutations = g.chance(0.25) ? 0 : g.int(in: 1...4)
        for _ in 0..<mutations { mutate(&arguments, &g) }
        return arguments
    }

    /// A command with a random selection of its options, mostly with sensible values.
    func plausible(_ command: Command, _ g: inout SeededGenerator) -> [String] {
        var arguments = [command.name]
        if command.options.isEmpty, g.chance(0.6) { arguments.append(g.chance(0.8) ? g.pick(commands).name : token(&g)) }
        var options = command.options
        for i in options.indices.reversed() { options.swapAt(i, g.below(i + 1)) }
        for option in options where g.chance(0.65) {
            guard option.value != nil else { arguments.append(option.name); continue }
            let value = self.value(for: option, &g)
            if g.chance(0.15) { arguments.append(option.name + "=" + value) } else { arguments += [option.name, value] }
        }
        return arguments
    }

    func value(for option: Command.Option, _ g: inout SeededGenerator) -> String {
        if g.chance(0.2) { return token(&g) }
        switch option.name {
        case "--layer": return g.pick(ArgumentFuzzer.layerSpecs)
        case "--j", "--k", "--sample": return g.chance(0.7) ? String(g.int(in: 0...3)) : g.pick(ArgumentFuzzer.numbers)
        case "--network": return g.pick(paths)
        case "--format": return g.chance(0.7) ? g.pick(["text", "json"]) : g.pick(ArgumentFuzzer.junk)
        case "--precision": return g.chance(0.7) ? String(g.int(in: 1...17)) : g.pick(ArgumentFuzzer.numbers)
        default: return option.value == "FILE" ? g.pick(paths) : token(&g)
        }
    }

    func token(_ g: inout SeededGenerator) -> String {
        switch g.below(12) {
        case 0: return g.pick(commands).name
        case 1, 2: return g.pick(optionNames)
        case 3: return g.pick(ArgumentFuzzer.layerSpecs)
        case 4, 5: return g.pick(ArgumentFuzzer.numbers)
        case 6: return g.pick(paths)
        case 7: return longString(&g)
        default: return g.pick(ArgumentFuzzer.junk)
        }
    }

    /// Long, not huge: an unknown word is compared with every candidate name by edit distance,
    /// which takes about a second for 20 000 characters in a debug build (see the report).
    func longString(_ g: inout SeededGenerator) -> String {
        String(repeating: g.pick(ArgumentFuzzer.longPieces), count: g.pick([64, 200, 500, 1500]))
    }

    func mutate(_ a: inout [String], _ g: inout SeededGenerator) {
        let at = a.isEmpty ? 0 : g.below(a.count)
        switch g.below(12) {
        case 0 where !a.isEmpty: a.remove(at: at)
        case 1 where !a.isEmpty: a.insert(a[at], at: g.below(a.count + 1))
        case 2 where a.count > 1: a.swapAt(at, g.below(a.count))
        case 3: a.insert(token(&g), at: g.below(a.count + 1))
        case 4 where !a.isEmpty: a[at] = token(&g)
        case 5 where !a.isEmpty:  // truncate at a character, or at a unicode scalar (splitting a cluster)
            if g.chance(0.5) {
                a[at] = String(a[at].prefix(g.int(in: 0...a[at].count)))
            } else {
                let scalars = a[at].unicodeScalars
                a[at] = String(String.UnicodeScalarView(scalars.prefix(g.int(in: 0...scalars.count))))
            }
        case 6 where !a.isEmpty: a[at] += token(&g)
        case 7 where at + 1 < a.count: a[at] += "=" + a.remove(at: at + 1)
        case 8 where !a.isEmpty:
            if let equals = a[at].firstIndex(of: "=") {
                let (name, value) = (String(a[at][..<equals]), String(a[at][a[at].index(after: equals)...]))
                a[at] = name
                a.insert(value, at: at + 1)
            } else {
                a[at] = g.chance(0.5) ? a[at].uppercased() : " " + a[at]
            }
        case 9 where !a.isEmpty: a[at] = longString(&g)
        case 10 where !a.isEmpty: a[at] = a[at].lowercased() + g.pick(["\0", "\n", " ", "=", "-", "é"])
        default: a.insert(g.pick(optionNames), at: g.below(a.count + 1))
        }
    }
}

// MARK: - Network files

struct NetworkFuzzer {
    struct Input {
        var bytes: [UInt8]
        /// Which of ``FuzzCheck/extraNetworkCommands`` also runs on it.
        var extra: Int
    }

    let seeds: [[UInt8]]

    init() {
        let read = { (name: String) in Array((try? Data(contentsOf: URL(fileURLWithPath: Fixtures.path(name)))) ?? Data()) }
        seeds = [read("mazur.json"), read("deep.json"), Array(Network.standard.fileText().utf8)]
    }

    static let maximumSize = 100_000

    func generate(_ g: inout SeededGenerator) -> Input {
        var bytes: [UInt8]
        switch g.below(20) {
        case 0..<7:  // bytes of a real file, mutated
            bytes = g.pick(seeds)
            for _ in 0..<g.int(in: 1...3) { mutateBytes(&bytes, &g) }
        case 7..<15:  // a real or random network, changed as a tree, maybe then as bytes
            var tree = g.chance(0.5) ? randomNetwork(&g) : parsedSeed(&g)
            for _ in 0..<g.int(in: 1...3) { mutateTree(&tree, &g) }
            bytes = Array(tree.formatted().utf8)
            if g.chance(0.25) { mutateBytes(&bytes, &g) }
        case 15..<19:  // a random valid network, often with extreme numbers
            bytes = Array(randomNetwork(&g).formatted().utf8)
        default:  // a wide network (one in 100 cases: they are slow): rows thousands of numbers long
            bytes = Array((g.chance(0.2) ? wideNetwork(&g) : randomNetwork(&g)).formatted().utf8)
        }
        if bytes.count > NetworkFuzzer.maximumSize { bytes.removeSubrange(NetworkFuzzer.maximumSize...) }
        return Input(bytes: bytes, extra: g.below(FuzzCheck.extraNetworkCommands.count))
    }

    func parsedSeed(_ g: inout SeededGenerator) -> JSONValue {
        (try? JSONValue.parse(g.pick(seeds))) ?? .object([])
    }

    // MARK: Values

    static let doubles: [Double] = [
        0, -0.0, .leastNonzeroMagnitude, 0x1p-1063, .leastNormalMagnitude, 1e-300, 1e-10, 0.1, 0.5, -0.5, 1.5, 2, -3, 1e10, 1e16,
        9007199254740992, 36.7, 709.78, -745.2, 1e154, 1e200, 1e300, 1e308, -1e308, .greatestFiniteMagnitude,
        -.greatestFiniteMagnitude,
    ]
    static let integers = [0, 1, 2, 3, -1, -2, 7, 100, 1_000_000, Int(Int32.max) + 1, 1 << 53 + 1, Int.max, Int.min]
    static let strings = Activation.names + Loss.names + [
        "softmax", "", "SIGMOID", "Sigmoid", " sigmoid", "sigmoid ", "mse", "\u{0}", "é", "🧠", "a\nb", "\u{202E}",
        "1", "null", String(repeating: "x", count: 300), "\u{1B}[2J", "leaky_relu",
    ]
    static let keys = ["inputs", "layers", "loss", "learningRate", "updateBiases", "samples", "activation", "weights",
                       "biases", "x", "y", "Inputs", "", "comment", "inputs ", "\u{0}", "é", "\u{202E}x",
                       String(repeating: "k", count: 100)]

    func number(_ g: inout SeededGenerator) -> JSONValue {
        switch g.below(20) {
        case 0..<14: return .number(Double(g.int(in: -200...200)) / 100)
        case 14..<16: return .integer(g.int(in: -3...3))
        default: return .number(g.pick(NetworkFuzzer.doubles))
        }
    }

    func numbers(_ n: Int, _ g: inout SeededGenerator) -> JSONValue { .array((0..<n).map { _ in number(&g) }) }

    func randomValue(_ g: inout SeededGenerator) -> JSONValue {
        switch g.below(13) {
        case 0: return .null
        case 1: return .bool(g.chance(0.5))
        case 2, 3: return .string(g.pick(NetworkFuzzer.strings))
        case 4: return .integer(g.pick(NetworkFuzzer.integers))
        case 5, 6: return .number(g.pick(NetworkFuzzer.doubles))
        case 7: return .array([])
        case 8: return .object([])
        case 9: return numbers(g.int(in: 1...6), &g)
        case 10: return .array((0..<g.int(in: 1...3)).map { _ in numbers(g.int(in: 1...4), &g) })
        case 11:
            var value = number(&g)
            for _ in 0..<g.pick([2, 10, 100, 511, 512, 513]) { value = .array([value]) }
            return value
        default: return .object([("x", numbers(1, &g)), ("y", numbers(1, &g))])
        }
    }

    /// A valid network of random shape, activations and numbers (some of them extreme).
    func randomNetwork(_ g: inout SeededGenerator) -> JSONValue {
        let inputs = g.int(in: 1...5)
        var previous = inputs
        var layers: [JSONValue] = []
        for _ in 0..<g.int(in: 1...4) {
            let size = g.int(in: 1...5)
            var members: [(key: String, value: JSONValue)] = [
                ("activation", .string(g.pick(Activation.names))),
                ("weights", .array((0..<size).map { _ in numbers(previous, &g) })),
            ]
            if g.chance(0.5) { members.append(("biases", numbers(size, &g))) }
            layers.append(.object(members))
            previous = size
        }
        var top: [(key: String, value: JSONValue)] = [("inputs", .integer(inputs)), ("layers", .array(layers))]
        if g.chance(0.5) { top.append(("loss", .string(g.pick(Loss.names)))) }
        if g.chance(0.4) { top.append(("learningRate", .number(g.pick([0.5, 1e-300, 1e308, 3])))) }
        if g.chance(0.3) { top.append(("updateBiases", .bool(g.chance(0.5)))) }
        let samples = (0..<g.int(in: 1...3)).map { _ in
            JSONValue.object([("x", numbers(inputs, &g)), ("y", numbers(previous, &g))])
        }
        top.append(("samples", .array(samples)))
        return .object(top)
    }

    /// A valid network with thousands of inputs (tens of kilobytes).
    func wideNetwork(_ g: inout SeededGenerator) -> JSONValue {
        let inputs = g.pick([500, 1500, 4000])
        let rows = g.int(in: 1...2)
        let layer = JSONValue.object([
            ("activation", .string(g.pick(Activation.names))),
            ("weights", .array((0..<rows).map { _ in .array((0..<inputs).map { _ in .number(Double(g.int(in: -9...9)) / 10) }) })),
        ])
        let sample = JSONValue.object([
            ("x", .array((0..<inputs).map { _ in .integer(g.int(in: -1...1)) })),
            ("y", .array((0..<rows).map { _ in .integer(g.int(in: 0...1)) })),
        ])
        return .object([("inputs", .integer(inputs)), ("layers", .array([layer])), ("samples", .array([sample]))])
    }

    // MARK: Tree mutations

    /// The paths of every array and object in `value`, each step an element or member index.
    private func containers(_ value: JSONValue, _ path: [Int] = [], into out: inout [[Int]]) {
        switch value {
        case .array(let elements):
            out.append(path)
            for (i, e) in elements.enumerated() where !e.isScalar { containers(e, path + [i], into: &out) }
        case .object(let members):
            out.append(path)
            for (i, m) in members.enumerated() where !m.value.isScalar { containers(m.value, path + [i], into: &out) }
        default: break
        }
    }

    /// `value` with the children of the container at `path` changed by `change` (array elements
    /// have no key; an element that gains one stays an element).
    private func editing(_ value: JSONValue, at path: ArraySlice<Int>,
                         _ change: (inout [(key: String?, value: JSONValue)]) -> Void) -> JSONValue {
        switch value {
        case .array(var elements):
            if let first = path.first {
                elements[first] = editing(elements[first], at: path.dropFirst(), change)
                return .array(elements)
            }
            var list = elements.map { (key: String?.none, value: $0) }
            change(&list)
            return .array(list.map(\.value))
        case .object(var members):
            if let first = path.first {
                members[first].value = editing(members[first].value, at: path.dropFirst(), change)
                return .object(members)
            }
            var list = members.map { (key: Optional($0.key), value: $0.value) }
            change(&list)
            return .object(list.map { (key: $0.key ?? "extra", value: $0.value) })
        default:
            return value
        }
    }

    func mutateTree(_ tree: inout JSONValue, _ g: inout SeededGenerator) {
        var paths: [[Int]] = []
        containers(tree, into: &paths)
        guard !paths.isEmpty else { tree = randomValue(&g); return }
        let path = g.pick(paths)
        let operation = g.below(11)
        // Values drawn before `editing`, whose closure cannot use `g`.
        let replacement = randomValue(&g), numberValue = number(&g), key = g.pick(NetworkFuzzer.keys)
        let giant = numbers(g.pick([500, 2000, 8000]), &g), r1 = g.next(), r2 = g.next()
        tree = editing(tree, at: path[...]) { list in
            let i = list.isEmpty ? nil : Int(r1 % UInt64(list.count))
            let k = list.isEmpty ? nil : Int(r2 % UInt64(list.count))
            switch (operation, i) {
            case (0, let i?), (1, let i?): list[i].value = replacement  // type swap
            case (2, let i?): list.remove(at: i)
            case (3, let i?): list.insert(list[i], at: i + 1)  // in an object: a duplicate key
            case (4, let i?): if list[i].key != nil { list[i].key = key } else { list[i].value = numberValue }
            case (5, _): list.append((key: key, value: replacement))  // often an unknown key
            case (6, _): list.removeAll()
            case (7, let i?): list[i].value = .array([list[i].value])
            case (8, let i?):
                if case .array(let inner) = list[i].value, let first = inner.first { list[i].value = first } else { list[i].value = numberValue }
            case (9, let i?): list.swapAt(i, k!)
            case (10, let i?): list[i].value = list[i].value.isScalar ? numberValue : giant
            default: list.append((key: nil, value: numberValue))
            }
        }
    }

    // MARK: Byte mutations

    static let numberLiterals = [
        "1e308", "-1e308", "1e-320", "5e-324", "1e400", "-1e400", "0", "-0", "-0.0", "0.0", "1E+2", "1e-400", "01", "-",
        "1.", "1.e5", ".5", "+1", "1e", "1e+", "99999999999999999999", "-9223372036854775808", "9223372036854775807",
        "9223372036854775808", "2.0", "1.7976931348623157e308", "1.7976931348623159e308", "2.2250738585072011e-308",
        "4.9e-324", "2.4703282292062328e-324", "NaN", "Infinity", "-Infinity", "0x10", "1_000", "１", "--1", "1e999999999999",
        "1" + String(repeating: "0", count: 400), "0." + String(repeating: "0", count: 400) + "1",
        "\"0.5\"", "[0.5]", "null", "true", "{}", "[]",
    ]
    static let stringLiterals = [
        "\"softmax\"", "\"\"", "\"SIGMOID\"", "\"sigmoid \"", "\"\\u0073igmoid\"", "\"sig\\u0000moid\"",
        "\"" + String(repeating: "long", count: 200) + "\"", "\"\\uD800\"", "\"\\uDC00\\uD800\"", "\"\\uD83E\\uDDE0\"",
        "\"é\"", "\"e\\u0301\"", "\"\\u\"", "\"\\x41\"", "\"\\", "\"a\tb\"", "\"\u{7F}\"", "1", "null", "[\"sigmoid\"]",
    ]
    static let containerLiterals = ["[]", "[[]]", "null", "1", "{}", "[1,]", "[,1]", "[1 2]", "[1,,2]", "{\"x\":}",
                                    "{\"a\" 1}", "[\"x\"]", "[null]", "[true, false]", "{\"x\": [1], \"x\": [2]}"]
    static let tokens = [
        "{", "}", "[", "]", ",", ":", "\"", "\\", "\\u", "\\uD800", "null", "true", "false", "tru", "nul", "-", "1e999",
        "\"x\": 1,", "\"inputs\": 2,", "\u{0}", "/*c*/", "//c\n", "NaN", "Infinity", "'a'", "\t", "\r\n", "\u{FEFF}",
        "\u{2028}", ",,", "[]", "{}", "\"\\u0000\"", " ", "\n\n\n", "0", "-0", "é",
    ]
    static let invalidUTF8: [[UInt8]] = [
        [0xFF], [0xFE], [0xC0, 0x80], [0xC1, 0xBF], [0xED, 0xA0, 0x80], [0x80], [0xBF], [0xE2, 0x82], [0xF0, 0x9F],
        [0xF4, 0x90, 0x80, 0x80], [0xF8, 0x88, 0x80, 0x80, 0x80], [0xE0, 0x80, 0xAF],
    ]

    /// Spans of tokens in JSON-ish bytes: numbers, strings, words, and balanced arrays and objects.
    struct Spans {
        var numbers: [Range<Int>] = [], strings: [Range<Int>] = [], words: [Range<Int>] = []
        var arrays: [Range<Int>] = [], objects: [Range<Int>] = []
        var values: [Range<Int>] { numbers + strings + words + arrays + objects }
    }

    static func spans(_ b: [UInt8]) -> Spans {
        var s = Spans()
        var open: [(Int, UInt8)] = []
        var i = 0
        let numberBytes = Set("0123456789.eE+-".utf8)
        while i < b.count {
            let c = b[i]
            if c == UInt8(ascii: "\"") {
                var j = i + 1
                while j < b.count, b[j] != UInt8(ascii: "\"") { j += b[j] == UInt8(ascii: "\\") ? 2 : 1 }
                if j < b.count { s.strings.append(i..<j + 1) }
                i = j + 1
                continue
            }
            if c == UInt8(ascii: "-") || (0x30...0x39).contains(c) {
                var j = i
                while j < b.count, numberBytes.contains(b[j]) { j += 1 }
                s.numbers.append(i..<j)
                i = j
                continue
            }
            if (0x61...0x7A).contains(c | 0x20) {
                var j = i
                while j < b.count, (0x61...0x7A).contains(b[j] | 0x20) { j += 1 }
                s.words.append(i..<j)
                i = j
                continue
            }
            if c == UInt8(ascii: "[") || c == UInt8(ascii: "{") { open.append((i, c)) }
            if c == UInt8(ascii: "]") || c == UInt8(ascii: "}"), let (start, kind) = open.last {
                open.removeLast()
                if kind == UInt8(ascii: "[") && c == UInt8(ascii: "]") { s.arrays.append(start..<i + 1) }
                if kind == UInt8(ascii: "{") && c == UInt8(ascii: "}") { s.objects.append(start..<i + 1) }
            }
            i += 1
        }
        return s
    }

    func mutateBytes(_ b: inout [UInt8], _ g: inout SeededGenerator) {
        let position = g.int(in: 0...b.count)
        let index = b.isEmpty ? nil : g.below(b.count)
        switch g.below(22) {
        case 0: if let index { b[index] ^= UInt8(1) << UInt8(g.below(8)) }
        case 1: if let index { b[index] = UInt8(g.below(256)) }
        case 2: b.removeSubrange(position...)  // truncation
        case 3: if let index { b.removeSubrange(index..<min(b.count, index + g.int(in: 1...16))) }
        case 4: b.insert(contentsOf: (0..<g.int(in: 1...8)).map { _ in UInt8(g.below(256)) }, at: position)
        case 5, 6: b.insert(contentsOf: Array(g.pick(NetworkFuzzer.tokens).utf8), at: position)
        case 7:
            if let index {
                let end = min(b.count, index + g.int(in: 1...64))
                b.insert(contentsOf: b[index..<end], at: g.int(in: 0...b.count))
            }
        case 8: b.insert(contentsOf: g.pick([[0xEF, 0xBB, 0xBF], [0xEF, 0xBB, 0xBF, 0xEF, 0xBB, 0xBF], [0xFF, 0xFE], [0xFE, 0xFF]]), at: 0)
        case 9: b.insert(contentsOf: g.pick(NetworkFuzzer.invalidUTF8), at: position)
        case 10: b = [0xFF, 0xFE] + b.flatMap { [$0, 0] }  // UTF-16
        case 11, 12, 13: replace(&b, in: NetworkFuzzer.spans(b).numbers, with: g.pick(NetworkFuzzer.numberLiterals), &g)
        case 14: replace(&b, in: NetworkFuzzer.spans(b).strings, with: g.pick(NetworkFuzzer.stringLiterals), &g)
        case 15: replace(&b, in: NetworkFuzzer.spans(b).arrays, with: g.pick(NetworkFuzzer.containerLiterals), &g)
        case 16:  // type swap of any value
            replace(&b, in: NetworkFuzzer.spans(b).values,
                    with: g.pick(["\"0.5\"", "[0.5]", "null", "true", "{}", "[]", "0", "\"\"", "[[1, 2], [3, 4]]", "{\"x\": [1]}"]), &g)
        case 17:  // deep nesting in place of a value
            let depth = g.pick([50, 511, 512, 513, 2000, 10_000])
            let nested = String(repeating: "[", count: depth) + "1" + String(repeating: "]", count: g.chance(0.8) ? depth : depth / 2)
            replace(&b, in: NetworkFuzzer.spans(b).values, with: nested, &g)
        case 18:  // a duplicate key right after an object's opening brace
            let spans = NetworkFuzzer.spans(b)
            if let object = spans.objects.isEmpty ? nil : g.pick(spans.objects),
               let key = spans.strings.first(where: { $0.lowerBound > object.lowerBound && $0.upperBound < object.upperBound }) {
                var end = key.upperBound
                while end < b.count, b[end] != UInt8(ascii: ","), b[end] != UInt8(ascii: "}") { end += 1 }
                b.insert(contentsOf: Array(b[key.lowerBound..<end]) + [UInt8(ascii: ",")], at: object.lowerBound + 1)
            }
        case 19: b.removeAll { $0 == 0x20 || $0 == 0x0A }
        case 20: b = b.flatMap { $0 == 0x0A ? [0x0D, 0x0A] : [$0] }
        default:  // a giant row in place of an array
            let row = "[" + (0..<g.pick([1000, 5000, 12_000])).map { _ in g.pick(["0.5", "1", "-2.25", "0"]) }.joined(separator: ",") + "]"
            replace(&b, in: NetworkFuzzer.spans(b).arrays, with: row, &g)
        }
    }

    private func replace(_ b: inout [UInt8], in spans: [Range<Int>], with text: String, _ g: inout SeededGenerator) {
        guard !spans.isEmpty else { return }
        b.replaceSubrange(g.pick(spans), with: Array(text.utf8))
    }

    // MARK: Special inputs

    /// Fixed nasty files, run once: the two large deep-nesting cases, and files with nothing useful.
    static func specialInputs() -> [[UInt8]] {
        let deep = 100_000
        return [
            Array(repeating: UInt8(ascii: "["), count: deep),
            Array(String(repeating: "{\"a\":", count: deep / 5).utf8),
            Array((String(repeating: "[", count: 60_000) + String(repeating: "]", count: 60_000)).utf8),
            Array((String(repeating: "[", count: 512) + String(repeating: "]", count: 512)).utf8),
            Array((String(repeating: "[", count: 513) + String(repeating: "]", count: 513)).utf8),
            [], [0xEF, 0xBB, 0xBF], Array("  \n\t\r\n".utf8), Array("null".utf8), Array("0".utf8), Array("\"\"".utf8),
            Array("[]".utf8), Array("{}".utf8), [0], Array("{\"inputs\": 1}".utf8),
        ]
    }
}

// MARK: - Non-finite values

/// A network whose numbers are finite but overflow, or become NaN, during the computation.
struct NonFiniteCase: CustomTestStringConvertible, Sendable {
    let name: String
    let json: String
    /// Command lines that must report it (`$NETWORK` is the file).
    let commands: [[String]]

    var testDescription: String { name }

    static let stepL = ["step", "--network", "$NETWORK", "--layer", "L", "--j", "0", "--k", "0"]
    static let everywhere = [["forward", "--network", "$NETWORK"], ["gradients", "--network", "$NETWORK"], stepL]

    static let all = [
        NonFiniteCase(
            name: "z overflows to inf (weight 1e308, input 1e300, identity)",
            json: #"{"inputs": 1, "layers": [{"activation": "identity", "weights": [[1e308]]}], "samples": [{"x": [1e300], "y": [0]}]}"#,
            commands: everywhere),
        NonFiniteCase(
            name: "z is inf − inf = NaN",
            json: #"{"inputs": 2, "layers": [{"activation": "identity", "weights": [[1e308, 1e308]]}], "samples": [{"x": [1e300, -1e300], "y": [0]}]}"#,
            commands: everywhere),
        NonFiniteCase(
            name: "relu passes inf on to the next layer",
            json: #"{"inputs": 1, "layers": [{"activation": "relu", "weights": [[1e200]]}, {"activation": "sigmoid", "weights": [[1e200]]}], "samples": [{"x": [1e200], "y": [0]}]}"#,
            commands: everywhere + [["step", "--network", "$NETWORK", "--layer", "L-1", "--j", "0", "--k", "0"]]),
        NonFiniteCase(
            name: "the loss overflows though the output is finite",
            json: #"{"inputs": 1, "layers": [{"activation": "identity", "weights": [[1]]}], "samples": [{"x": [1e200], "y": [-1e200]}]}"#,
            commands: everywhere),
        NonFiniteCase(
            name: "only the backward pass overflows (C = 1e308, ∂C/∂w = inf)",
            json: #"{"inputs": 1, "layers": [{"activation": "identity", "weights": [[1e-154]]}], "samples": [{"x": [1e308], "y": [0]}]}"#,
            commands: [["gradients", "--network", "$NETWORK"], stepL]),
        NonFiniteCase(
            name: "only the second sample overflows",
            json: #"{"inputs": 1, "layers": [{"activation": "identity", "weights": [[1e308]]}], "samples": [{"x": [0.5], "y": [0]}, {"x": [1e300], "y": [0]}]}"#,
            commands: [["forward", "--network", "$NETWORK", "--sample", "1"], ["gradients", "--network", "$NETWORK"],
                       ["step", "--network", "$NETWORK", "--layer", "L", "--j", "0", "--k", "0", "--sample", "1"],
                       ["step", "--network", "$NETWORK", "--layer", "L", "--j", "0", "--k", "0", "--average"]]),
    ]
}
