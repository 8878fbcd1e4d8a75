// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "nnexplain",
    products: [
        .library(name: "NNExplain", targets: ["NNExplain"]),
        .executable(name: "nnexplain", targets: ["nnexplain"]),
    ],
    targets: [
        // The trace engine, the explanation model and the renderers. Knows no command line.
        .target(name: "NNExplain"),
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
