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
        .target(name: "NNExplain", dependencies: ["NNExplainCore", "_NNExplainFormat"]),
        // The matrix product every batched pass is made of (C; a portable and an AVX2 copy).
        .target(name: "_NNExplainKernels"),
        // The two printf styles of every printed number (`%.*g`, `%.*f`), with fixed C signatures so
        // that the native and the WebAssembly build (Scripts/build-wasm.sh) call the same code.
        .target(name: "_NNExplainFormat"),
        // Argument parsing, help, errors and exit codes, behind one `run` function. The lessons are
        // compiled in at build time by LessonsPlugin.
        .target(name: "NNExplainCLI", dependencies: ["NNExplain"], plugins: ["LessonsPlugin"]),
        // Build-time generation of the lessons' Swift source: the plugin runs the tool on
        // lessons/*.md and NNExplainCLI compiles what it writes (in .build, never in Sources/).
        .plugin(name: "LessonsPlugin", capability: .buildTool(), dependencies: ["nnexplain-lessons-source"]),
        .executableTarget(name: "nnexplain-lessons-source", path: "Plugins/LessonsSource"),
        // A few lines: call `run` with the process's arguments and streams.
        .executableTarget(name: "nnexplain", dependencies: ["NNExplainCLI"]),
        // The benchmark, run by hand: swift run -c release nnexplain-bench
        .executableTarget(name: "nnexplain-bench", dependencies: ["NNExplain"]),
        // Tests: one target per library, one for everything outside the process, and what they share.
        // Shared by the test targets (never by the library): the in-process `runCLI` and real-process
        // harnesses, the golden-file helper, the one approximate equality (`isClose`), the seeded
        // generator, the reference networks, the outside tools (`Tools`, the one skip policy), the
        // paths, and the network files several targets read (`Fixtures/`).
        .target(
            name: "NNExplainTestSupport",
            dependencies: ["NNExplainCLI"],
            path: "Tests/NNExplainTestSupport",
            exclude: ["Fixtures"]
        ),
        // The core: gradients against automatic differentiation and finite differences, Mazur's
        // published numbers, the engine, batches, mini-batch training, the network-file codec.
        .testTarget(name: "NNExplainCoreTests", dependencies: ["NNExplainCore", "NNExplainTestSupport"]),
        // The explanation library: documents, renderers and formats, the golden files (`Golden/`),
        // pictures (diagram, boundary, page) and practice (exercises, grading, nudge).
        .testTarget(name: "NNExplainTests", dependencies: ["NNExplain", "NNExplainTestSupport"], exclude: ["Golden"]),
        // The command line in process through `run`: parsing, help, errors and exit codes, each
        // command, the lessons, limits and bad input.
        .testTarget(name: "NNExplainCLITests", dependencies: ["NNExplainCLI", "NNExplainTestSupport"]),
        // Everything outside the test process: the built executable as a real process (streams,
        // signals, terminals, files), pdflatex, KaTeX, Chromium and Firefox (`Browsers/`), the
        // examples' training runs, and the seeded fuzz suite with its corpus (`Fuzz/Corpus/`). A test
        // whose tool is missing is reported as skipped, with the reason.
        .testTarget(
            name: "NNExplainIntegrationTests",
            dependencies: ["NNExplainCLI", "NNExplainTestSupport", "nnexplain", "nnexplain-pausing-writer"],
            exclude: ["Fuzz/Corpus", "Browsers", "Wasm"]
        ),
        // The command line with a pause in every file write, for the interrupted-write tests (a test
        // fixture: the `nnexplain` executable has no such hook).
        .executableTarget(
            name: "nnexplain-pausing-writer",
            dependencies: ["NNExplainCLI"],
            path: "Tests/NNExplainPausingWriter"
        ),
    ],
    swiftLanguageModes: [.v6]
)
