import Foundation

/// A text stream over a file handle, so the executable can pass stdout and stderr to ``run``.
public struct FileHandleStream: TextOutputStream {
    private let handle: FileHandle

    public init(_ handle: FileHandle) { self.handle = handle }

    public mutating func write(_ string: String) {
        handle.write(Data(string.utf8))
    }
}
