#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

#if canImport(Glibc)
private let systemWrite = Glibc.write
#else
private let systemWrite = Darwin.write
#endif

/// A text stream over a file descriptor (1 for standard output, 2 for standard error), so the
/// executable can pass them to ``run``. Writes go straight to the descriptor, unbuffered.
public struct StandardStream: TextOutputStream, Sendable {
    private let descriptor: Int32

    public static let output = StandardStream(descriptor: 1)
    public static let error = StandardStream(descriptor: 2)

    public mutating func write(_ string: String) {
        StandardStream.write(string, to: descriptor)
    }

    /// Writes all of `text`, retrying short writes; gives up quietly if the stream is closed.
    static func write(_ text: String, to descriptor: Int32) {
        var bytes = Array(text.utf8)[...]
        while !bytes.isEmpty {
            let written = bytes.withUnsafeBytes { buffer in systemWrite(descriptor, buffer.baseAddress, buffer.count) }
            if written <= 0 {
                if written < 0, errno == EINTR { continue }
                return
            }
            bytes = bytes.dropFirst(written)
        }
    }
}
