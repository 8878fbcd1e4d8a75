import Foundation

/// Fresh folders for tests that write files.
public enum ScratchFolder {
    /// A fresh folder holding `net.json`, a copy of Mazur's network file, and that file's bytes.
    public static func withNetwork() throws -> (folder: URL, file: URL, original: Data) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("nnexplain-write-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let file = folder.appendingPathComponent("net.json")
        let original = try Data(contentsOf: URL(fileURLWithPath: Fixtures.path("mazur.json")))
        try original.write(to: file)
        return (folder, file, original)
    }

    /// The path of a fresh file in the temporary folder holding `text` (UTF-8), named
    /// `nnexplain-<kind>-<UUID>.<ext>` so that a leftover says which test wrote it.
    public static func file(_ text: String, kind: String, ext: String) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("nnexplain-\(kind)-\(UUID().uuidString).\(ext)").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    /// The names in `folder`, sorted.
    public static func contents(_ folder: URL) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted()
    }
}
