#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes a file so that it is never left half-written: the text goes to a temporary file in the same
/// folder, which is renamed over the target only after a complete, successful write (a rename within
/// one file system is atomic). On any failure the target is untouched and the temporary file removed.
enum AtomicFile {
    static func write(_ text: String, to path: String) throws(CLIError) {
        let target = URL(fileURLWithPath: path)
        if FileManager.default.fileExists(atPath: path) {
            let type = fileType(path)
            if type == .typeDirectory { throw .runtime("cannot write '\(path)': it is a directory; give a file name") }
            if type != .typeRegular {
                throw .runtime("cannot write '\(path)': it is not a regular file (a device, pipe or socket); give a file name")
            }
        }
        let folder = target.deletingLastPathComponent()
        let temporary = folder.appendingPathComponent(".\(target.lastPathComponent).\(UUID().uuidString).tmp")
        guard FileManager.default.createFile(atPath: temporary.path, contents: Data(text.utf8)) else {
            throw .runtime("cannot write '\(path)': the folder '\(folder.path)' does not exist or is not writable")
        }
        guard rename(temporary.path, target.path) == 0 else {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(at: temporary)
            throw .runtime("cannot write '\(path)': \(reason.lowercased()); the file was left as it was")
        }
    }
}
