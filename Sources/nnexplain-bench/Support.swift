import Foundation
import NNExplain

/// Timing and memory of the engine inside this process.
enum Measure {
    struct Result {
        var ms: Double
        var peakBytes: Int
    }

    /// Floating-point operations of one pass: the forward products, the backward products below the
    /// output layer, and the weight gradients (each multiply-add counted as 2).
    static func flops(_ network: Network) -> Double {
        let weights = network.layers.map { Double($0.size * ($0.weights.first?.count ?? 0)) }
        let n = Double(network.samples.count)
        return 2 * n * (2 * weights.reduce(0, +) + weights.dropFirst().reduce(0, +))
    }

    /// The median time of `repeats` passes after a warm-up, and the highest resident memory seen.
    static func pass(_ network: Network, threads: Int, trace: Bool, repeats: Int, variant: Engine.Variant = .best) -> Result {
        let engine = Engine(threads: threads, variant: variant)
        _ = engine.run(network, trace: trace)
        var times: [Double] = [], peak = 0
        for _ in 0..<repeats {
            Memory.resetPeak()
            let start = DispatchTime.now().uptimeNanoseconds
            let result = engine.run(network, trace: trace)
            times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
            peak = max(peak, Memory.peakBytes())
            withExtendedLifetime(result) {}
        }
        return Result(ms: times.sorted()[times.count / 2], peakBytes: peak)
    }
}

/// Training runs inside this process, and their twins in PyTorch.
enum TrainingBench {
    /// One row: a network, its samples, the batch size (nil for full batch) and the output rule.
    struct Case {
        var sizes: [Int]
        var samples: Int
        var batchSize: Int?
        var softmax: Bool
        var threads = 2

        var network: Network {
            Network.random(sizes: sizes, samples: samples, seed: 1, activation: .sigmoid,
                           outputActivation: softmax ? .softmax : .sigmoid, loss: softmax ? .crossEntropy : .squared)
        }
        var label: String { sizes.map(String.init).joined(separator: "-") + (softmax ? " softmax, CE" : " sigmoid, sq") }
    }

    /// Milliseconds per epoch of `repeats` runs of `epochs` epochs (after a warm-up), and the losses of the last.
    struct Result {
        var runs: [Double]
        var losses: [Double]
        var min: Double { runs.min() ?? .nan }
        var median: Double { runs.sorted()[runs.count / 2] }
    }

    static func ours(_ c: Case, epochs: Int, repeats: Int) -> Result {
        let network = c.network
        let engine = Engine(threads: c.threads)
        // The cases use the simultaneous order and batch sizes of at least 1, which train cannot refuse.
        var losses = try! network.trained(epochs: epochs, batchSize: c.batchSize, engine: engine).losses
        var runs: [Double] = []
        for _ in 0..<repeats {
            let start = DispatchTime.now().uptimeNanoseconds
            losses = try! network.trained(epochs: epochs, batchSize: c.batchSize, engine: engine).losses
            runs.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6 / Double(epochs))
        }
        return Result(runs: runs, losses: losses)
    }

    /// bench/torch_train.py on the case's threads, or nil without torch (or with `--no-torch`).
    static func torch(_ c: Case, epochs: Int, repeats: Int, in directory: URL) -> Result? {
        guard !CommandLine.arguments.contains("--no-torch"), let python = NumPy.python,
              Processes.output([python, "-c", "import torch"]) != nil else { return nil }
        let script = directory.appendingPathComponent("torch_train.py").path
        guard let text = Processes.output([python, script, c.sizes.map(String.init).joined(separator: ","), String(c.samples),
                                           String(c.batchSize ?? 0), String(epochs), String(repeats), String(c.threads)]
                                              + (c.softmax ? ["softmax"] : []),
                                          environment: NumPy.environment(threads: c.threads)),
              let json = try? JSONValue.parse(Array(text.utf8)),
              case .array(let runs)? = json["ms"], case .array(let losses)? = json["losses"] else { return nil }
        return Result(runs: runs.compactMap(\.doubleValue), losses: losses.compactMap(\.doubleValue))
    }

    /// The largest relative difference between two runs' losses, epoch by epoch.
    static func difference(_ a: [Double], _ b: [Double]) -> Double {
        guard a.count == b.count, !a.isEmpty else { return .nan }
        return zip(a, b).map { abs($0 - $1) / max(abs($0), abs($1)) }.max() ?? .nan
    }
}

/// This process's peak resident memory, from Linux's /proc (VmHWM), which writing 5 to clear_refs resets.
enum Memory {
    static func resetPeak() { try? "5".write(toFile: "/proc/self/clear_refs", atomically: false, encoding: .utf8) }

    static func peakBytes() -> Int { field("VmHWM:") }

    static func currentBytes() -> Int { field("VmRSS:") }

    private static func field(_ name: String) -> Int {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix(name) }),
              let kb = Int(line.split(separator: " ").dropFirst().first ?? "") else { return 0 }
        return kb * 1024
    }
}

/// The numpy twin in bench/numpy_engine.py, when python3 with numpy is there.
enum NumPy {
    static let python: String? = {
        let result = Processes.output(["/usr/bin/env", "python3", "-c", "import numpy, sys; print(sys.executable)"])
        return result?.trimmingCharacters(in: .whitespacesAndNewlines)
    }()

    /// numpy's thread count is fixed before it is imported. OPENBLAS_CORETYPE and OPENBLAS_L2_SIZE
    /// are dropped: some machines set them for old OpenBLAS builds, and they slow a current one.
    static func environment(threads: Int) -> [String: String] {
        var environment = ProcessInfo.processInfo.environment
        environment["OPENBLAS_CORETYPE"] = nil
        environment["OPENBLAS_L2_SIZE"] = nil
        for name in ["OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"] { environment[name] = String(threads) }
        return environment
    }

    /// The median milliseconds of one numpy pass, or nil without numpy.
    static func pass(sizes: [Int], samples: Int, threads: Int, repeats: Int, in directory: URL) -> Double? {
        guard let python else { return nil }
        let script = directory.appendingPathComponent("numpy_engine.py").path
        guard let text = Processes.output([python, script, "pass", sizes.map(String.init).joined(separator: ","), String(samples),
                                           String(repeats)], environment: environment(threads: threads)),
              let json = try? JSONValue.parse(Array(text.utf8)) else { return nil }
        return json["ms"]?.doubleValue
    }
}

/// Child processes: their output, or their median wall time and peak memory.
enum Processes {
    /// The folder of the release build, with the `nnexplain` executable (built here if missing).
    static let toolDirectory: URL = {
        let folder = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        if !FileManager.default.isExecutableFile(atPath: folder.appendingPathComponent("nnexplain").path) {
            let package = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            _ = output(["/usr/bin/env", "swift", "build", "-c", "release", "--product", "nnexplain", "--package-path", package.path])
        }
        return folder
    }()

    /// A hello-world Swift program built with `swiftc -O`, the yardstick for start-up time.
    static func helloWorld() -> URL? {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("nnexplain-bench-hello")
        let binary = folder.appendingPathComponent("hello")
        if FileManager.default.isExecutableFile(atPath: binary.path) { return binary }
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let source = folder.appendingPathComponent("hello.swift")
        try? "print(\"hello, world\")\n".write(to: source, atomically: true, encoding: .utf8)
        _ = output(["/usr/bin/env", "swiftc", "-O", source.path, "-o", binary.path])
        return FileManager.default.isExecutableFile(atPath: binary.path) ? binary : nil
    }

    /// Standard output of a command that succeeded.
    static func output(_ arguments: [String], environment: [String: String]? = nil) -> String? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: arguments[0])
        process.arguments = Array(arguments.dropFirst())
        if let environment { process.environment = environment }
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return nil }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return process.terminationStatus == 0 ? String(decoding: data, as: UTF8.self) : nil
    }

    /// Median wall time and the highest peak RSS of `repeats` runs (after one warm-up), output discarded.
    static func time(_ arguments: [String], repeats: Int, environment: [String: String]? = nil) -> Measure.Result {
        var times: [Double] = [], peak = 0
        for n in 0...repeats {
            let (ms, bytes) = spawn(arguments, environment: environment ?? ProcessInfo.processInfo.environment)
            if n > 0 { times.append(ms) }
            peak = max(peak, bytes)
        }
        return Measure.Result(ms: times.sorted()[times.count / 2], peakBytes: peak)
    }

    /// One run through posix_spawn and wait4, which reports the child's peak RSS.
    private static func spawn(_ arguments: [String], environment: [String: String]) -> (ms: Double, peakBytes: Int) {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        defer { posix_spawn_file_actions_destroy(&actions) }
        let argv = arguments.map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        var pid = pid_t()
        let start = DispatchTime.now().uptimeNanoseconds
        guard posix_spawn(&pid, arguments[0], &actions, nil, argv, envp) == 0 else { return (.nan, 0) }
        var status: Int32 = 0
        var usage = rusage()
        wait4(pid, &status, 0, &usage)
        let ms = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6
        return (ms, Int(usage.ru_maxrss) * 1024)
    }
}

/// This machine, for the table's header.
enum Machine {
    static var description: String {
        let cpu = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8))?
            .split(separator: "\n").first { $0.hasPrefix("model name") }?
            .split(separator: ":").last?.trimmingCharacters(in: .whitespaces) ?? "unknown CPU"
        let memory = ProcessInfo.processInfo.physicalMemory / (1 << 30)
        return "\(cpu), \(ProcessInfo.processInfo.activeProcessorCount) cores, \(memory) GiB"
    }
}

/// Numbers and tables as printed.
enum Format {
    static func ms(_ x: Double) -> String { String(format: "%.2f", x) }
    static func gflops(_ x: Double) -> String { String(format: "%.1f", x) }
    static func mb(_ bytes: Int) -> String { String(format: "%.0f", Double(bytes) / 1_048_576) }
    static func ratio(_ x: Double) -> String { String(format: "%.2f×", x) }

    static func table(_ header: [String], _ rows: [[String]]) {
        let all = [header] + rows
        let widths = header.indices.map { c in all.map { c < $0.count ? $0[c].count : 0 }.max() ?? 0 }
        for (r, row) in all.enumerated() {
            print(row.enumerated().map { c, cell in
                c == 0 ? cell.padding(toLength: widths[c], withPad: " ", startingAt: 0)
                    : String(repeating: " ", count: widths[c] - cell.count) + cell
            }.joined(separator: "  "))
            if r == 0 { print(widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ")) }
        }
    }
}
