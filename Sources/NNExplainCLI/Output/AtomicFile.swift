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

/// Writes a file so that it is never left half-written or changed in kind: the text goes to a
/// temporary file in the target's folder, which is flushed to disk and renamed over the target only
/// after a complete, successful write (a rename within one file system is atomic). On any failure,
/// or on SIGINT/SIGTERM meanwhile (``InterruptCleanup``), the target is untouched and the temporary
/// file removed.
///
/// - A target that is a symbolic link is written through: its final target (`realpath`) is
///   replaced and the link kept.
/// - A file that exists keeps its permissions and, where the process may set them (as root), its
///   owner and group; a new file gets 0666 less the umask, as any new file.
/// - The temporary name is short, `.nnx-<pid>-<random>.tmp`, so any legal target name works.
/// - A failure names the cause the system gave for the call that failed ("no space left on device").
///
/// `pause`, when given (``Environment/pauseWhileWriting``; never by the executable), runs once after
/// the first chunk of the temporary file is written, so that a caller can interrupt a write under way.
enum AtomicFile {
    /// The size of each `write` call.
    static let chunkSize = 1 << 20

    static func write(_ text: String, to path: String, pause: (@Sendable () -> Void)? = nil) throws(CLIError) {
        try write(bytes: Array(text.utf8), to: path, pause: pause)
    }

    /// Writes `bytes` (a binary file such as a safetensors model) as ``write(_:to:pause:)`` writes text.
    static func write(bytes text: [UInt8], to path: String, pause: (@Sendable () -> Void)? = nil) throws(CLIError) {
        try stage(bytes: text, to: path, pause: pause).commit()
    }

    /// Several files written whole to their temporary files, none yet in place: with
    /// ``commit(_:)`` a write of all or nothing (a failure here removes the temporary files made).
    static func stage(all files: [(text: String, path: String)], pause: (@Sendable () -> Void)? = nil) throws(CLIError) -> [Staged] {
        var staged: [Staged] = []
        for file in files {
            do throws(CLIError) { staged.append(try stage(bytes: Array(file.text.utf8), to: file.path, pause: pause)) } catch {
                for done in staged { done.discard() }
                throw error
            }
        }
        return staged
    }

    /// Renames each staged file over its target; on a failure the rest are removed.
    static func commit(_ staged: [Staged]) throws(CLIError) {
        for (n, file) in staged.enumerated() {
            do throws(CLIError) { try file.commit() } catch {
                for rest in staged[(n + 1)...] { rest.discard() }
                throw error
            }
        }
    }

    /// A file written whole to its temporary name beside its target, not yet in place.
    struct Staged {
        let temporary: String, target: String, path: String, untouched: String

        /// Renames the temporary file over the target.
        func commit() throws(CLIError) {
            guard rename(temporary, target) == 0 else {
                let failure = AtomicFile.reason(errno)
                unlink(temporary)
                throw .runtime("cannot write '\(path)': \(failure) while replacing it\(untouched)")
            }
        }

        /// Removes the temporary file, leaving the target as it was.
        func discard() { unlink(temporary) }
    }

    /// `text` written whole to a temporary file beside `path`'s target (see the type's contract).
    private static func stage(bytes text: [UInt8], to path: String, pause: (@Sendable () -> Void)?) throws(CLIError) -> Staged {
        guard !path.contains("\0") else { throw .runtime("cannot write '\(path)': a file name cannot hold a NUL character") }
        let target = resolvedTarget(path)
        var info = stat()
        let existing: stat? = stat(target, &info) == 0 ? info : nil
        if let existing {
            switch existing.st_mode & S_IFMT {
            case S_IFREG: break
            case S_IFDIR: throw .runtime("cannot write '\(path)': it is a directory; give a file name")
            default: throw .runtime("cannot write '\(path)': it is not a regular file (a device, pipe or socket); give a file name")
            }
        }
        let folder = target.lastIndex(of: "/").map { String(target[...$0]) } ?? ""
        let temporary = folder + ".nnx-\(getpid())-\(String(UInt32.random(in: .min ... .max), radix: 36)).tmp"
        let untouched = existing == nil ? "" : "; '\(path)' was left as it was"
        try InterruptCleanup.removing(temporary) { () throws(CLIError) in
            let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, existing == nil ? 0o666 : 0o600)
            guard descriptor >= 0 else {
                let shownFolder = folder.isEmpty ? "." : folder
                throw .runtime("cannot write '\(path)': cannot create a file in '\(shownFolder)': \(reason(errno))\(untouched)")
            }
            var closed = false
            defer { if !closed { close(descriptor) } }
            if let failure = fill(descriptor, with: text, keeping: existing, pause: pause) {
                unlink(temporary)
                throw .runtime("cannot write '\(path)': \(failure)\(untouched)")
            }
            closed = true
            guard close(descriptor) == 0 else {
                let failure = reason(errno)
                unlink(temporary)
                throw .runtime("cannot write '\(path)': \(failure) while writing\(untouched)")
            }
        }
        return Staged(temporary: temporary, target: target, path: path, untouched: untouched)
    }

    /// Whether writing `a` and writing `b` would write the same file: `net.json` and `./net.json`,
    /// a link (dangling or not) and its target, two hard links, or two spellings of a file not yet
    /// made in one folder.
    static func sameFile(_ a: String, _ b: String) -> Bool {
        if a == b { return true }
        var first = stat(), second = stat()
        if stat(a, &first) == 0, stat(b, &second) == 0 { return first.st_dev == second.st_dev && first.st_ino == second.st_ino }
        return destination(a) == destination(b)
    }

    /// The absolute path writing `path` puts its text at: where ``resolvedTarget(_:)`` writes (a
    /// link's final target, dangling or not), its folder resolved (`./x` and `x` alike); the target
    /// as it is when its folder is missing.
    private static func destination(_ path: String) -> String {
        let path = resolvedTarget(path)
        let slash = path.lastIndex(of: "/")
        let folder = slash.map { $0 == path.startIndex ? "/" : String(path[..<$0]) } ?? "."
        let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
        guard let resolved = realpath(folder, nil) else { return path }
        defer { free(resolved) }
        return String(cString: resolved) + "/" + name
    }

    /// Where writing `path` puts the text: the final target of a link, else `path` itself. A link
    /// whose target does not exist yet (dangling) is followed too, so the target is created and the
    /// link kept, as `echo > link` does.
    private static func resolvedTarget(_ path: String) -> String {
        if let resolved = realpath(path, nil) {
            defer { free(resolved) }
            return String(cString: resolved)
        }
        var current = path
        for _ in 0..<40 {  // the kernel's own limit on links in a path
            var info = stat()
            guard lstat(current, &info) == 0, info.st_mode & S_IFMT == S_IFLNK else { return current }
            var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
            let count = readlink(current, &buffer, Int(PATH_MAX))
            guard count > 0 else { return current }
            let link = String(decoding: buffer[..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
            let folder = current.lastIndex(of: "/").map { String(current[...$0]) } ?? ""
            current = link.hasPrefix("/") ? link : folder + link
        }
        return current
    }

    /// Gives the new file `existing`'s owner and mode, writes `text` and flushes it to disk; the
    /// reason of the first call that fails, or nil. `pause` runs after the first chunk.
    private static func fill(_ descriptor: Int32, with text: [UInt8], keeping existing: stat?,
                             pause: (@Sendable () -> Void)?) -> String? {
        if let existing {
            _ = fchown(descriptor, existing.st_uid, existing.st_gid)  // permitted to root only; otherwise keep ours
            guard fchmod(descriptor, existing.st_mode & 0o7777) == 0 else { return "\(reason(errno)) while setting its permissions" }
        }
        let failure: String? = text.withUnsafeBufferPointer { bytes in
            var offset = 0
            while offset < bytes.count {
                let count = Glibc.write(descriptor, bytes.baseAddress! + offset, min(chunkSize, bytes.count - offset))
                if count < 0 {
                    if errno == EINTR { continue }
                    return "\(reason(errno)) while writing"
                }
                if offset == 0, let pause { pause() }
                offset += count
            }
            return nil
        }
        if let failure { return failure }
        guard fsync(descriptor) == 0 else { return "\(reason(errno)) while writing" }
        return nil
    }

    private static func reason(_ code: Int32) -> String { NetworkFileBytes.reason(code) }
}

extension ValueParser where Context == Void, Value == String {
    /// The file a command writes: any non-empty path (what is wrong with it, ``AtomicFile`` says).
    static var outputFile: ValueParser {
        ValueParser(describe: { $0 }) { text, name, _ throws(ValidationError) in
            guard !text.isEmpty else { throw ValidationError("\(name) needs a file name, not an empty text; give the path of the file to write") }
            return text
        }
    }
}
