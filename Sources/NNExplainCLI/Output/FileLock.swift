#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A network file held under an exclusive lock (`flock`) for a whole read-modify-write, so that
/// two `update --in-place` runs on one file take turns: the second reads what the first wrote,
/// and the file ends as two runs in a row leave it.
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
                        throw .runtime("cannot lock '\(path)' for --in-place: \(NetworkFileBytes.reason(errno)); "
                            + "write the result elsewhere with --format json > FILE")
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

    /// Whether the file open on `descriptor` is the file `path` names now (links followed).
    private static func isStillAt(_ path: String, _ descriptor: Int32) -> Bool {
        var open = stat(), named = stat()
        guard fstat(descriptor, &open) == 0, stat(path, &named) == 0 else { return false }
        return open.st_dev == named.st_dev && open.st_ino == named.st_ino
    }
}
