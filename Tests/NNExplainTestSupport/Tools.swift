import Foundation

/// The outside programs some tests run, looked up once, and the one policy for a missing one: the
/// test that needs it is declared with `.enabled(if: tool != nil, Tools.missing(…))`, so where the
/// program is missing the run lists that test as skipped with the reason, and never passes it
/// silently or fails it. `.ci/run` installs them all; `swift test` on a machine with only Swift
/// skips exactly these tests.
///
/// Programs are found on `PATH` (as a user's shell finds them), so a run whose `PATH` holds only the
/// Swift toolchain and the base system skips the same tests whatever else is installed.
public enum Tools {
    /// The first of `names` that is an executable file in a folder of `PATH`.
    public static func onPath(_ names: String...) -> String? {
        let folders = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").map(String.init)
        for name in names {
            for folder in folders where !folder.isEmpty {
                let candidate = folder + "/" + name
                if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            }
        }
        return nil
    }

    public static let pdflatex = onPath("pdflatex")
    public static let pdftotext = onPath("pdftotext")
    public static let python3 = onPath("python3")
    public static let chromium = onPath("chromium", "chromium-browser", "google-chrome")
    public static let firefox = onPath("firefox-esr", "firefox")
    /// Graphviz's `dot`, which lays out the DOT pictures (Debian's graphviz).
    public static let dot = onPath("dot")
    /// python3 when it has the `safetensors` and `numpy` packages (`pip install safetensors numpy`).
    public static let pythonSafetensors: String? = {
        guard let python3 else { return nil }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python3)
        process.arguments = ["-c", "import safetensors.numpy, numpy"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return nil }
        process.waitUntilExit()
        return process.terminationStatus == 0 ? python3 : nil
    }()
    /// util-linux `script`, which runs a command in a pseudo-terminal.
    public static let script = onPath("script")
    /// `python3` where it can import the Python package `module` (numpy, torch), else nil.
    public static func python3(importing module: String) -> String? {
        guard let python3 else { return nil }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python3)
        process.arguments = ["-c", "import \(module)"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return nil }
        process.waitUntilExit()
        return process.terminationStatus == 0 ? python3 : nil
    }

    /// `python3` with numpy (`.ci/run` installs numpy).
    public static let numpy = python3(importing: "numpy")
    /// `python3` with PyTorch, which CI does not download (a large download; `.ci/run` installs it only from a CPU wheel the machine image holds in /opt/wheels).
    public static let torch = python3(importing: "torch")

    /// Node.js, which runs the WebAssembly module in the tests (Debian's nodejs).
    public static let node = onPath("node", "nodejs")
    /// wasi-libc, the C library the WebAssembly module links (Debian's wasi-libc), where
    /// Scripts/build-wasm.sh looks for it.
    public static let wasiLibc: String? = {
        let library = ProcessInfo.processInfo.environment["WASI_SYSROOT_LIB"] ?? "/usr/lib/wasm32-wasi"
        return FileManager.default.fileExists(atPath: library + "/libc.a") ? library : nil
    }()
    /// The Swift toolchain's Embedded standard library for wasm32 and its wasm-ld (Swift 6.3), next
    /// to the `swiftc` on `PATH`.
    public static let embeddedWasm: String? = {
        guard let swiftc = onPath("swiftc") else { return nil }
        let bin = URL(fileURLWithPath: swiftc).resolvingSymlinksInPath().deletingLastPathComponent()
        let module = bin.deletingLastPathComponent().appendingPathComponent("lib/swift/embedded/Swift.swiftmodule/wasm32-unknown-none-wasm.swiftmodule")
        let linker = bin.appendingPathComponent("wasm-ld")
        return FileManager.default.fileExists(atPath: module.path) && FileManager.default.isExecutableFile(atPath: linker.path) ? bin.path : nil
    }()

    /// KaTeX's command-line build: `NNEXPLAIN_KATEX`, else `.build/tools/katex` (where `.ci/run`
    /// puts it), else a `katex` on `PATH`.
    public static let katex: String? = {
        let local = TestPaths.package.appendingPathComponent(".build/tools/katex").path
        let candidates = (ProcessInfo.processInfo.environment["NNEXPLAIN_KATEX"].map { [$0] } ?? []) + [local]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) } ?? onPath("katex")
    }()

    /// Runs `python -c script arguments…` with the interpreter at `python`: its exit status and standard output.
    public static func runPython(_ python: String, _ script: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process(), output = Pipe()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = ["-c", script] + arguments
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}

// Only tests use this target, but `swift build` compiles every target of the package, and the
// static Swift runtime (`--static-swift-stdlib`) has no Testing module.
#if canImport(Testing)
import Testing

extension Tools {
    /// The reason a test was skipped: which program is missing, where to get it, what went unchecked.
    public static func missing(_ program: String, install: String, unchecked: String) -> Comment {
        Comment(rawValue: "\(program) is not installed (\(install)); \(unchecked)")
    }

    /// The reason a test of an optional program was skipped: one CI does not download (it installs
    /// it only from a file the machine image holds), so its absence does not fail a run (unlike
    /// "is not installed").
    public static func optional(_ program: String, install: String, unchecked: String) -> Comment {
        Comment(rawValue: "\(program) is absent here, and CI does not download it (\(install)); \(unchecked)")
    }
}
#endif
