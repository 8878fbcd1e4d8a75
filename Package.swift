// swift-tools-version:6.0
import PackageDescription

// The one matrix-product kernel is compiled twice: portably inside NNExplain, and for AVX2 in
// NNExplainAVX2, which the engine calls only after asking the processor (Engine.Variant.best).
// So the default `swift build -c release` runs on every x86-64, and uses AVX2 where there is one.
// Both are optimised in debug builds too, so `swift test` runs the same machine code as a release.
// (The test below is of the machine building, so cross-compiling from x86-64 to arm64 needs this
// flag removed.)
#if arch(x86_64)
let avx2: [SwiftSetting] = [.unsafeFlags(["-target-cpu", "haswell", "-O"])]
#else
let avx2: [SwiftSetting] = [.unsafeFlags(["-O"])]
#endif

let package = Package(
    name: "nnexplain",
    products: [
        .library(name: "NNExplain", targets: ["NNExplain"]),
        .executable(name: "nnexplain", targets: ["nnexplain"]),
    ],
    targets: [
        // The numeric core: networks, activations, losses, notation symbols, the per-sample trace,
        // the batched engine, update/train/check and the network-file codec. Knows no text but symbols.
        .target(name: "NNExplainCore", dependencies: ["NNExplainKernels", "NNExplainAVX2"]),
        // Derivations, documents, the renderers and the diagram, built on the core (re-exported).
        .target(name: "NNExplain", dependencies: ["NNExplainCore"]),
        // The matrix product every batched pass is made of, inlinable so each caller compiles it.
        .target(name: "NNExplainKernels", swiftSettings: [.unsafeFlags(["-O"])]),
        // That product compiled for AVX2 (x86-64 only; elsewhere an ordinary copy).
        .target(name: "NNExplainAVX2", dependencies: ["NNExplainKernels"], swiftSettings: avx2),
        // Argument parsing, help, errors and exit codes, behind one `run` function.
        .target(name: "NNExplainCLI", dependencies: ["NNExplain"]),
        // A few lines: call `run` with the process's arguments and streams.
        .executableTarget(name: "nnexplain", dependencies: ["NNExplainCLI"]),
        // The benchmark, run by hand: swift run -c release nnexplain-bench
        .executableTarget(name: "nnexplain-bench", dependencies: ["NNExplain"]),
        .testTarget(
            name: "NNExplainTests",
            dependencies: ["NNExplain", "NNExplainCLI", "nnexplain"],
            exclude: ["Golden", "Fixtures", "Corpus"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
