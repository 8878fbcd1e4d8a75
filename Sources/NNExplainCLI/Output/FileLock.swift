#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A network file held under an exclusive lock (`flock`) for a whole read-modify-write, so that
/// two runs that rewrite one file (`update --in-place`, `train --network F --save F`) take turns:
/// the second reads what the first wrote, and the file ends as two runs in a row leave it.
///
/// The lock is on the file, which ``AtomicFile`` replaces by a rename; so once the lock is taken,
/// the file is checked to still be the one at `path`, and if it was replaced meanwhile (the other
/// run finished), the new one is opened and locked instead. The bytes are read through the locked
/// descriptor. The lock is held until this value is released, after the new file is in place.
final class LockedFile {
    /// The path as given, for messages and for the write.
    let path: String
    /// The file's bytes, read under the lock.
    let bytes: [UInt8]
    private let descriptor: Int32

    init(_ path: String) throws(CLIError) {
        while true {
            let descriptor = try NetworkFileBytes.openForReading(path)
            do throws(CLIError) {
                try NetworkFileBytes.requireRegularFile(descriptor, path: path)
                while flock(descriptor, LOCK_EX) != 0 {
                    guard errno == EINTR else {
                        throw .runtime("cannot lock '\(path)' to rewrite it: \(NetworkFileBytes.reason(errno)); "
                            + "write the result to another file")
                    }
                }
                if LockedFile.isStillAt(path, descriptor) {
                    let bytes = try NetworkFileBytes.readAll(descriptor, path: path)
                    self.path = path
                    self.descriptor = descriptor
                    self.bytes = bytes
                    return
                }
                close(descriptor)
            } catch {
                close(descriptor)
                throw error
            }
        }
    }

    /// Releases the lock.
    deinit { close(descriptor) }

    /// The `--network FILE` locked for its read-modify-write when the command writes its result to
    /// `target` and that is the same file (``AtomicFile/sameFile(_:_:)``); nil when it writes
    /// elsewhere, or reads standard input or no file at all.
    static func rewriting(_ arguments: Arguments, to target: String?) throws(CLIError) -> LockedFile? {
        guard let target, let path = try arguments.read(Options.network), !NetworkFileBytes.isStandardInput(path),
              AtomicFile.sameFile(path, target) else { return nil }
        return try LockedFile(path)
    }

    /// Whether the file open on `descriptor` is the file `path` names now (links followed).
    private static func isStillAt(_ path: String, _ descriptor: Int32) -> Bool {
        var open = stat(), named = stat()
        guard fstat(descriptor, &open) == 0, stat(path, &named) == 0 else { return false }
        return open.st_dev == named.st_dev && open.st_ino == named.st_ino
    }
}
