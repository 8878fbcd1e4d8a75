import Foundation
import NNExplain
import NNExplainCLI
import NNExplainTestSupport
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
        #expect(cases > 0 || FuzzConfig.only != nil, "the chunk ran no case")
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
        #expect(cases > 0 || FuzzConfig.only != nil, "the chunk ran no case")
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
