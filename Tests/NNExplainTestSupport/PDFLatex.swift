// Only tests use this target, but `swift build` compiles every target of the package, and the
// static Swift runtime (`--static-swift-stdlib`) has no Testing module: what needs Testing is left
// out there.
#if canImport(Testing)
import Foundation
import Testing

/// pdflatex and pdftotext, run on a LaTeX source in a fresh folder. .ci/run installs both (Debian:
/// texlive-latex-base, texlive-latex-recommended and texlive-pictures for beamer and its pgf,
/// poppler-utils); tests that need them are reported as skipped, with the reason, where they are
/// missing.
public enum PDFLatex {
    public static let pdflatex = Tools.pdflatex
    public static let pdftotext = Tools.pdftotext
    public static let missing = "pdflatex or pdftotext is not installed (Debian: texlive-latex-recommended, texlive-pictures, poppler-utils)"

    public struct Result {
        public var status: Int32
        /// The log's error lines (`! …`) and its overfull box warnings.
        public var errors: [String]
        public var overfull: [String]
        /// The pages pdflatex wrote, from its log's "Output written on x.pdf (N pages".
        public var pages: Int?
        /// The PDF's text as pdftotext extracts it, or nil when there is no PDF.
        public var text: String?
    }

    public static func compile(_ source: String) throws -> Result {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("nnexplain-latex-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try source.write(to: folder.appendingPathComponent("x.tex"), atomically: true, encoding: .utf8)
        let status = try run(try #require(pdflatex), ["-interaction=nonstopmode", "-halt-on-error", "x.tex"], in: folder)
        let log = (try? String(contentsOf: folder.appendingPathComponent("x.log"), encoding: .utf8)) ?? ""
        let lines = log.split(separator: "\n").map(String.init)
        var text: String?
        if FileManager.default.fileExists(atPath: folder.appendingPathComponent("x.pdf").path), let pdftotext {
            _ = try run(pdftotext, ["-enc", "UTF-8", "x.pdf", "x.txt"], in: folder)
            text = try? String(contentsOf: folder.appendingPathComponent("x.txt"), encoding: .utf8)
        }
        return Result(status: status, errors: lines.filter { $0.hasPrefix("!") },
                      overfull: lines.filter { $0.hasPrefix("Overfull") },
                      pages: log.firstMatch(of: /Output written on x\.pdf \((\d+) page/).flatMap { Int($0.output.1) }, text: text)
    }

    private static func run(_ tool: String, _ arguments: [String], in folder: URL) throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        process.currentDirectoryURL = folder
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus
    }
}
#endif
