#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

#if canImport(Glibc)
private let systemWrite = Glibc.write
private let systemClose = Glibc.close
#else
private let systemWrite = Darwin.write
private let systemClose = Darwin.close
#endif

/// A text stream over a file descriptor (1 for standard output, 2 for standard error), so the
/// executable can pass them to ``run``. Writes go straight to the descriptor, unbuffered, and every
/// one is checked: the first that fails is remembered in ``state`` and later writes are skipped,
/// so a full disk or a closed descriptor is reported once, by ``runProcess(arguments:)``.
public struct StandardStream: TextOutputStream, Sendable {
    /// What has become of the stream so far.
    public enum State: Equatable, Sendable {
        /// Everything written so far was written.
        case open
        /// The reader closed its end of the pipe (`EPIPE`): nobody wants the rest, which is no error.
        case readerGone
        /// A write failed for this reason (`strerror`, e.g. "no space left on device").
        case failed(String)
    }

    private let descriptor: Int32
    public private(set) var state = State.open
    /// Whether the descriptor was closed when the process started (``occupyIfClosed(_:)``), so the
    /// first write fails as writing to it would have.
    private var closedAtStart: Bool
    /// Whether any byte was written, so that a failing close matters.
    private var wroteAnything = false

    public static var output: StandardStream { StandardStream(descriptor: STDOUT_FILENO) }
    public static var error: StandardStream { StandardStream(descriptor: STDERR_FILENO) }

    private init(descriptor: Int32) {
        self.descriptor = descriptor
        closedAtStart = StandardStream.occupyIfClosed(descriptor)
    }

    public mutating func write(_ string: String) {
        guard state == .open, !string.isEmpty else { return }
        if closedAtStart {
            state = .failed(StandardStream.reason(EBADF))
            return
        }
        switch StandardStream.write(string, to: descriptor) {
        case nil: wroteAnything = true
        case EPIPE?: state = .readerGone
        case let code?: state = .failed(StandardStream.reason(code))
        }
    }

    /// Closes the descriptor once everything is written, so that an error the system reports only on
    /// close (a network file system's, say) is not lost; then ``state`` is final.
    public mutating func close() {
        guard state == .open, wroteAnything else { return }
        if systemClose(descriptor) != 0, errno != EINTR {
            state = errno == EPIPE ? .readerGone : .failed(StandardStream.reason(errno))
        }
    }

    /// Writes all of `text`, retrying short and interrupted writes and waiting while a non-blocking
    /// descriptor is full. Returns `nil` when everything was written, else the `errno` of the failure.
    static func write(_ text: String, to descriptor: Int32) -> Int32? {
        var bytes = Array(text.utf8)[...]
        while !bytes.isEmpty {
            let written = bytes.withUnsafeBytes { buffer in systemWrite(descriptor, buffer.baseAddress, buffer.count) }
            if written < 0 {
                switch errno {
                case EINTR: continue
                case EAGAIN, EWOULDBLOCK:
                    var ready = pollfd(fd: descriptor, events: Int16(POLLOUT), revents: 0)
                    _ = poll(&ready, 1, -1)
                    continue
                default: return errno
                }
            }
            if written == 0 { return EIO }  // a descriptor that takes nothing would loop for ever
            bytes = bytes.dropFirst(written)
        }
        return nil
    }

    /// The system's reason for `code`, in lower case to sit inside a sentence: "bad file descriptor".
    static func reason(_ code: Int32) -> String {
        let text = String(cString: strerror(code))
        return text.prefix(1).lowercased() + text.dropFirst()
    }

    /// If `descriptor` is closed, puts /dev/null on it and returns true. Otherwise the first file the
    /// process opened would get that number, and output meant for the terminal would go into it.
    private static func occupyIfClosed(_ descriptor: Int32) -> Bool {
        guard fcntl(descriptor, F_GETFD) == -1, errno == EBADF else { return false }
        let null = open("/dev/null", O_RDWR)
        if null >= 0, null != descriptor {
            _ = dup2(null, descriptor)
            _ = systemClose(null)
        }
        return true
    }
}
