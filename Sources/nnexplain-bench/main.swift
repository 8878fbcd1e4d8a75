import Foundation
import NNExplain

// nnexplain-bench: how fast the engine is and how it scales, beside numpy doing the same work.
// Run it by hand, in a release build: swift run -c release nnexplain-bench [--quick]
// It is a benchmark, not a test: CI never runs it, and no figure here is asserted anywhere.

let quick = CommandLine.arguments.contains("--quick")
let repeats = quick ? 5 : 21

// `--pass THREADS [--untraced] [--portable]`: only the 784-128-64-10 × 1000 pass, many times (for a profiler such as perf).
if let flag = CommandLine.arguments.firstIndex(of: "--pass"), flag + 1 < CommandLine.arguments.count,
   let threads = Int(CommandLine.arguments[flag + 1]) {
    let trace = !CommandLine.arguments.contains("--untraced")
    let variant: Engine.Variant = CommandLine.arguments.contains("--portable") ? .portable : .best
    let m = Measure.pass(Network.random(sizes: [784, 128, 64, 10], samples: 1000, seed: 1), threads: threads, trace: trace,
                         repeats: 101, variant: variant)
    print("784-128-64-10 × 1000, \(threads) thread(s), \(trace ? "traced" : "untraced"), \(variant.rawValue) kernel: \(Format.ms(m.ms)) ms per pass (median of 101)")
    exit(0)
}
let benchDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("bench")

/// Training, ours beside PyTorch's (bench/torch_train.py, when torch is installed): ms per epoch.
func trainingTable() {
    let runs = quick ? 3 : 9
    print("training (ms per epoch: min and median of \(runs) runs of 20 epochs each after a warm-up; learning rate 0.1)")
    print("PyTorch: float64, torch.set_num_threads(threads), nn.Linear + torch.optim.SGD, the same initial network; loss diff: its losses against ours")
    var rows: [[String]] = []
    let cases = [TrainingBench.Case(sizes: [784, 128, 64, 10], samples: 1000, batchSize: nil, softmax: false),
                 TrainingBench.Case(sizes: [64, 32, 10], samples: 1497, batchSize: 64, softmax: true)]
    for c in cases + cases.map({ var one = $0; one.threads = 1; return one }) {
        let ours = TrainingBench.ours(c, epochs: 20, repeats: runs)
        let torch = TrainingBench.torch(c, epochs: 20, repeats: runs, in: benchDirectory)
        rows.append([c.label, "\(c.samples)", c.batchSize.map(String.init) ?? "all", "\(c.threads)", Format.ms(ours.min), Format.ms(ours.median),
                     torch.map { Format.ms($0.min) } ?? "n/a", torch.map { Format.ms($0.median) } ?? "n/a",
                     torch.map { Format.ratio(ours.min / $0.min) } ?? "n/a", torch.map { Format.ratio(ours.median / $0.median) } ?? "n/a",
                     torch.map { String(format: "%.0e", TrainingBench.difference(ours.losses, $0.losses)) } ?? "n/a"])
    }
    Format.table(["network", "samples", "batch", "threads", "ours min", "median", "torch min", "median", "ratio min", "median", "loss diff"], rows)
}

// `--class`: only the assessment of a class of 120 (sheets, booklets, quiz files, grading).
if CommandLine.arguments.contains("--class") {
    print("nnexplain-bench --class, \(Date().formatted(date: .abbreviated, time: .shortened)); machine: \(Machine.description)")
    ClassBench.run()
    exit(0)
}

// `--train`: only the training table.
if CommandLine.arguments.contains("--train") {
    print("nnexplain-bench --train, \(Date().formatted(date: .abbreviated, time: .shortened)); machine: \(Machine.description)")
    trainingTable()
    exit(0)
}

print("nnexplain-bench, \(Date().formatted(date: .abbreviated, time: .shortened))")
print("machine: \(Machine.description); kernel: \(Engine.Variant.best.rawValue) (chosen at run time)")
print("median of \(repeats) runs after one warm-up; a pass is one forward and one backward pass over all samples\n")

// 1. Whole processes first, while this process is small: a child's peak RSS as Linux reports it
// (wait4) is at least what its parent held when it was spawned.
print("whole processes (median wall time; peak RSS of the child, at least \(Format.mb(Memory.currentBytes())) MB, this process's size)")
let tools = Processes.toolDirectory
var rows: [[String]] = []
if let hello = Processes.helloWorld() {
    let h = Processes.time([hello.path], repeats: repeats)
    let step = Processes.time([tools.appendingPathComponent("nnexplain").path, "step", "--layer", "L", "--j", "1", "--k", "2"], repeats: repeats)
    rows.append(["hello-world Swift binary", Format.ms(h.ms), Format.mb(h.peakBytes), ""])
    rows.append(["nnexplain step --layer L --j 1 --k 2", Format.ms(step.ms), Format.mb(step.peakBytes), Format.ratio(step.ms / h.ms) + " of hello"])
}
let gradients = Processes.time([tools.appendingPathComponent("nnexplain").path, "gradients", "--random", "784,128,64,10",
                                "--samples", "1000", "--format", "json"], repeats: max(3, repeats / 3))
rows.append(["nnexplain gradients --random 784,128,64,10 --samples 1000 --format json", Format.ms(gradients.ms), Format.mb(gradients.peakBytes), ""])
if let python = NumPy.python {
    let script = benchDirectory.appendingPathComponent("numpy_engine.py").path
    let numpy = Processes.time([python, script, "gradients", "784,128,64,10", "1000"], repeats: max(3, repeats / 3),
                               environment: NumPy.environment(threads: 2))
    rows.append(["numpy_engine.py gradients 784,128,64,10 1000 (2 threads)", Format.ms(numpy.ms), Format.mb(numpy.peakBytes),
                 Format.ratio(gradients.ms / numpy.ms) + " of numpy"])
}
Format.table(["process", "ms", "peak MB", "ratio"], rows)

print()
// 2. The MNIST-size network against numpy, traced and untraced, 1 and 2 threads.
let mnist = [784, 128, 64, 10]
rows = []
let network = Network.random(sizes: mnist, samples: 1000, seed: 1)
var numpyMS: [Int: Double] = [:]
for threads in [1, 2] {
    let untraced = Measure.pass(network, threads: threads, trace: false, repeats: repeats)
    let traced = Measure.pass(network, threads: threads, trace: true, repeats: repeats)
    // What a processor without AVX2 gets (the same bits, the portable copy of the kernel).
    let portable = Measure.pass(network, threads: threads, trace: true, repeats: repeats, variant: .portable)
    let numpy = NumPy.pass(sizes: mnist, samples: 1000, threads: threads, repeats: repeats, in: benchDirectory)
    numpyMS[threads] = numpy
    for (label, m) in [("untraced", untraced), ("traced", traced), ("traced, portable", portable)] {
        rows.append([
            mnist.map(String.init).joined(separator: "-"), "1000", "\(threads)", label, Format.ms(m.ms),
            Format.gflops(Measure.flops(network) / m.ms / 1e6), Format.mb(m.peakBytes),
            numpy.map(Format.ms) ?? "n/a", numpy.map { Format.ratio(m.ms / $0) } ?? "n/a",
        ])
    }
    rows.append(["", "", "", "traced/untraced", Format.ratio(traced.ms / untraced.ms), "", "", "", ""])
}
Format.table(["network", "samples", "threads", "engine", "ms/pass", "GFLOP/s", "peak MB", "numpy ms", "ratio"], rows)

// 3. Linear growth: three sample counts, three network sizes (2 threads, untraced).
print("\nscaling (2 threads, untraced)")
rows = []
for samples in [250, 500, 1000] {
    let m = Measure.pass(Network.random(sizes: mnist, samples: samples, seed: 1), threads: 2, trace: false, repeats: repeats)
    rows.append(["784-128-64-10", "\(samples)", Format.ms(m.ms), Format.ms(m.ms / Double(samples) * 1000)])
}
for hidden in [32, 64, 128] {
    let sized = Network.random(sizes: [784, hidden, 10], samples: 1000, seed: 1)
    let m = Measure.pass(sized, threads: 2, trace: false, repeats: repeats)
    rows.append(["784-\(hidden)-10", "1000", Format.ms(m.ms), Format.ms(m.ms / Double(sized.layers.map { $0.size * ($0.weights.first?.count ?? 0) }.reduce(0, +)) * 1e5)])
}
Format.table(["network", "samples", "ms/pass", "ms per 1000 samples | per 100k weights"], rows)

// 4. Training against PyTorch.
print()
trainingTable()
