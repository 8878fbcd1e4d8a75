#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// How the bytes of a network file are read: from a regular file (links followed) or from standard
/// input, never more than ``sizeLimit`` of them. Every failure is one ``CLIError/unreadable(path:_:)``
/// naming the cause the system gave.
enum NetworkFileBytes {
    /// The most bytes a network file may have: 256 MiB. The whole text is parsed in memory into
    /// values many times its size, so a bigger file is refused by its size before a byte is read
    /// (and standard input as soon as it passes the limit).
    static let sizeLimit = 256 << 20

    /// Whether `path` stands for standard input: `-`, or `/dev/stdin`, read through the
    /// environment's descriptor rather than opened.
    static func isStandardInput(_ path: String) -> Bool { path == "-" || path == "/dev/stdin" }

    /// The bytes of the network file at `path` (or of another input file: `expected` names what the
    /// path should point to in an error, "a .json file" for a network).
    static func contents(of path: String, environment: Environment, expected: String = "a .json file",
                         kind: String = "network file") throws(CLIError) -> [UInt8] {
        if isStandardInput(path) {
            guard let input = environment.standardInput else { return [] }
            if environment.stdinIsTerminal {
                throw .unreadable(path: path, kind == "network file"
                    ? "standard input is a terminal; pipe a network file in, e.g. nnexplain network | nnexplain forward --network -"
                    : "standard input is a terminal; pipe a \(kind) in, or give its path")
            }
            return try readAll(input, path: path, kind: kind)
        }
        let descriptor = try openForReading(path)
        defer { close(descriptor) }
        try requireRegularFile(descriptor, path: path, expected: expected, kind: kind)
        return try readAll(descriptor, path: path, kind: kind)
    }

    /// The bytes of an input file that is not a network file (a data file, a model, a roster, a
    /// student's answers), read as ``contents(of:environment:expected:kind:)`` reads them, its
    /// "cannot read" error said as `unreadable` (the error case of that kind of file) says it.
    static func contents(of path: String, environment: Environment, expected: String, kind: String,
                         unreadable: (_ path: String, _ reason: String) -> CLIError) throws(CLIError) -> [UInt8] {
        do throws(CLIError) { return try contents(of: path, environment: environment, expected: expected, kind: kind) } catch {
            guard case .unreadable(_, let reason) = error else { throw error }
            throw unreadable(path, reason)
        }
    }

    /// `path` opened for reading, links followed; a pipe's open does not wait for a writer.
    static func openForReading(_ path: String) throws(CLIError) -> Int32 {
        guard !path.contains("\0") else { throw .unreadable(path: path, "no such file; a path cannot hold a NUL character") }
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else {
            let code = errno
            switch code {
            case ENOENT, ENOTDIR: throw .unreadable(path: path, "no such file; check the path")
            case EACCES: throw .unreadable(path: path, "permission denied; check that the file is readable")
            default: throw .unreadable(path: path, "\(reason(code)); check the path")
            }
        }
        return descriptor
    }

    /// Refuses a directory, a device, a pipe or a socket, and a file over ``sizeLimit``.
    static func requireRegularFile(_ descriptor: Int32, path: String, expected: String = "a .json file",
                                   kind: String = "network file") throws(CLIError) {
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { throw .unreadable(path: path, "\(reason(errno)); check the file") }
        switch info.st_mode & S_IFMT {
        case S_IFREG: break
        case S_IFDIR: throw .unreadable(path: path, "it is a directory; give the path of \(expected)")
        default: throw .unreadable(path: path, "it is not a regular file (a device, pipe or socket); give the path of \(expected)")
        }
        if info.st_size > sizeLimit { throw tooLarge(path, size: Int(info.st_size), kind: kind) }
    }

    /// Everything left on `descriptor`, in chunks, failing as soon as it passes ``sizeLimit``.
    static func readAll(_ descriptor: Int32, path: String, kind: String = "network file") throws(CLIError) -> [UInt8] {
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 20)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count == 0 { return bytes }
            if count < 0 {
                let code = errno
                if code == EINTR { continue }
                if code == EAGAIN {
                    waitForInput(descriptor)
                    continue
                }
                throw .unreadable(path: path, "\(reason(code)); check that the file is readable")
            }
            bytes += chunk[..<count]
            if bytes.count > sizeLimit { throw tooLarge(path, size: nil, kind: kind) }
        }
    }

    /// Waits until a non-blocking `descriptor` (a pipe on standard input) has bytes or its end.
    private static func waitForInput(_ descriptor: Int32) {
        var request = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
        _ = poll(&request, 1, -1)
    }

    /// The file holds `size` bytes, or (`nil`, standard input) more than the limit a `kind` of
    /// file ("network file", "data file") may hold.
    private static func tooLarge(_ path: String, size: Int?, kind: String) -> CLIError {
        .unreadable(path: path, "it holds \(size.map { "\($0) bytes, " } ?? "")more than the \(sizeLimit) bytes (256 MiB) "
            + "a \(kind) may hold; use a smaller \(kind == "network file" ? "network" : "file")")
    }

    /// The system's text for `code`, in lower case: "permission denied".
    static func reason(_ code: Int32) -> String { String(cString: strerror(code)).lowercased() }
}
