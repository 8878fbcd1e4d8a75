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

/// Writes several files into one folder all or nothing (`exercise --roster --output-dir`): every
/// file is first written whole into a hidden staging folder inside the target folder, then each is
/// renamed into place, which replaces a file (or a symbolic link, never what it points to) of the
/// same name in one step. A failure before the renames leaves the folder as it was; a folder (and
/// its parents) made for the write is removed again.
enum OutputFolder {
    /// Writes `files` (names without a folder) into `path`, made with its parents if missing.
    ///
    /// - Returns: the names of other `sheet-*.tex` files already in the folder, which this write
    ///   did not make (left by an earlier roster), for a warning.
    static func write(_ files: [(name: String, text: String)], into path: String, pause: (@Sendable () -> Void)?) throws(CLIError) -> [String] {
        guard !path.contains("\0") else { throw .runtime("cannot write into '\(path)': a folder's name cannot hold a NUL character") }
        let made = try makeFolders(path)
        func undo() { for folder in made.reversed() { rmdir(folder) } }
        for file in files {
            var info = stat()
            if lstat(path + "/" + file.name, &info) == 0, info.st_mode & S_IFMT == S_IFDIR {
                undo()
                throw .runtime("cannot write '\(path)/\(file.name)': a folder of that name is in the way; move it or choose another folder")
            }
        }
        let staging = path + "/.nnx-\(getpid())-\(String(UInt32.random(in: .min ... .max), radix: 36))"
        guard mkdir(staging, 0o700) == 0 else {
            let failure = NetworkFileBytes.reason(errno)
            undo()
            throw .runtime("cannot write into '\(path)': \(failure); choose a folder you may write in")
        }
        func removeStaging() {
            for file in files { unlink(staging + "/" + file.name) }
            rmdir(staging)
        }
        do throws(CLIError) {
            for file in files { try AtomicFile.write(file.text, to: staging + "/" + file.name, pause: pause) }
        } catch {
            removeStaging()
            undo()
            throw error
        }
        for (n, file) in files.enumerated() where rename(staging + "/" + file.name, path + "/" + file.name) != 0 {
            let failure = NetworkFileBytes.reason(errno)
            removeStaging()
            throw .runtime("cannot write '\(path)/\(file.name)': \(failure); \(n == 0 ? "nothing was changed" : "the files before it were written")")
        }
        rmdir(staging)
        let written = Set(files.map { $0.name })
        let present = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
        return present.filter { $0.hasPrefix("sheet-") && $0.hasSuffix(".tex") && !written.contains($0) }.sorted()
    }

    /// Checks, before anything is written, that a file can be written at `path`: it is not a
    /// folder, and its folder is there and may be written in.
    static func checkFileCanBeWritten(_ path: String) throws(CLIError) {
        var info = stat()
        if stat(path, &info) == 0, info.st_mode & S_IFMT == S_IFDIR {
            throw .runtime("cannot write '\(path)': it is a folder; give a file name")
        }
        let parent = path.lastIndex(of: "/").map { String(path[..<$0]) }.map { $0.isEmpty ? "/" : $0 } ?? "."
        guard stat(parent, &info) == 0, info.st_mode & S_IFMT == S_IFDIR else {
            throw .runtime("cannot write '\(path)': the folder '\(parent)' does not exist; make it first or give another path")
        }
        guard access(parent, W_OK) == 0 else {
            throw .runtime("cannot write '\(path)': \(NetworkFileBytes.reason(errno)) in '\(parent)'; choose a folder you may write in")
        }
    }

    /// Makes `path` and its missing parents; returns the folders made, outermost first. A path that
    /// is there and is not a folder (or a link to one) is refused.
    private static func makeFolders(_ path: String) throws(CLIError) -> [String] {
        var info = stat()
        if stat(path, &info) == 0 {
            guard info.st_mode & S_IFMT == S_IFDIR else {
                throw .runtime("cannot write into '\(path)': it is a file, not a folder; give a folder's name")
            }
            return []
        }
        var missing: [String] = [], current = path
        while !current.isEmpty, current != "/", stat(current, &info) != 0 {
            missing.append(current)
            guard let slash = current.dropLast().lastIndex(of: "/") else { break }
            current = String(current[..<slash])
            if current.isEmpty { current = "/" }
        }
        var made: [String] = []
        for folder in missing.reversed() {
            guard mkdir(folder, 0o777) == 0 else {
                let code = errno
                for done in made.reversed() { rmdir(done) }
                let why: String
                switch code {
                case EEXIST: why = "something that is not a folder (a broken link?) has that name; remove it or choose another folder"
                case EACCES, EPERM, EROFS: why = "\(NetworkFileBytes.reason(code)); choose a folder you may write in"
                default: why = "\(NetworkFileBytes.reason(code)); choose another folder"
                }
                throw .runtime("cannot make the folder '\(folder)': \(why)")
            }
            made.append(folder)
        }
        return made
    }
}
