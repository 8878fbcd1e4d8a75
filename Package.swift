// swift-tools-version:6.0
import PackageDescription

// The one matrix-product kernel is a small C target, _NNExplainKernels, whose single body is
// compiled twice: for the architecture's baseline and, on x86-64, under `target("avx2")`. The
// engine (Engine.Variant.best) runs the AVX2 copy only where `__builtin_cpu_supports("avx2")` says
// the processor has it, so the default `swift build -c release` runs on every x86-64 and uses AVX2
// where there is one. No unsafe flags: the package can be a versioned dependency, cross-compiles as
// it is, and a debug build is a plain -O0 one (whose AVX2 copy still runs AVX2 instructions).

let package = Package(
    name: "nnexplain",
    products: [
        .library(name: "NNExplain", targets: ["NNExplain"]),
        .executable(name: "nnexplain", targets: ["nnexplain"]),
    ],
    targets: [
        // The numeric core: networks, activations, losses, notation symbols, the per-sample trace,
        // the batched engine, update/train/check and the network-file codec. Knows no text but symbols.
        .target(name: "NNExplainCore", dependencies: ["_NNExplainKernels"]),
        // Derivations, documents, the renderers and the diagram, built on the core (re-exported).
        .target(name: "NNExplain", dependencies: ["NNExplainCore"]),
        // The matrix product every batched pass is made of (C; a portable and an AVX2 copy).
        .target(name: "_NNExplainKernels"),
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
